"""Factories for sites clés en main, and a small known catalogue on the ``world`` fixture."""

import datetime as dt
from decimal import Decimal
from importlib import import_module
from types import SimpleNamespace

import factory

from tipilot.geo.models import Commune
from tipilot.sites.enums import OwnerKind, ProcedureState, SiteStatus
from tipilot.sites.models import Site, SiteWave

DONE, NOT_REQUIRED = ProcedureState.DONE, ProcedureState.NOT_REQUIRED
CONTACT = "claire.referente@cc-exemple.fr"


def ensure_waves() -> dict[str, SiteWave]:
    """The seeded waves (a transactional test may have flushed them)."""
    seeded = import_module("tipilot.sites.migrations.0002_seed_waves")
    for code, name, on, note, count, cumulative, source in seeded.WAVES:
        SiteWave.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "announced_on": on,
                "date_note": note,
                "announced_count": count,
                "cumulative_count": cumulative,
                "source": source,
            },
        )
    return {w.code: w for w in SiteWave.objects.all()}


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    slug = factory.Sequence(lambda n: f"site-{n:04d}")
    name = factory.Sequence(lambda n: f"Parc d'activités n° {n}")
    commune = None  # required
    latitude = Decimal("46.05")
    longitude = Decimal("2.05")
    surface_total_ha = Decimal("20")
    surface_available_ha = Decimal("10")
    owner_name = "Communauté de communes du Test"
    owner_kind = OwnerKind.PUBLIC
    status = SiteStatus.LABELLED
    contact_name = "Claire Référente"
    contact_email = CONTACT


def commune_of(territory) -> Commune:
    return Commune.objects.filter(epci__territory_memberships__territory=territory).order_by(
        "insee_code"
    )[0]


def catalogue(world, today: dt.date | None = None) -> SimpleNamespace:
    """Four sites with known facts: forges (84, ready), gare (84), morvan (27, occupied),
    retired (27, withdrawn)."""
    today = today or dt.date.today()
    waves = ensure_waves()
    ready = {"urbanism": DONE, "archaeology": DONE, "environment": NOT_REQUIRED,
             "biodiversity": DONE}  # fmt: skip
    forges = SiteFactory(
        slug="parc-des-forges", name="Parc des Forges", commune=commune_of(world.t1),
        territory=world.t1, surface_total_ha=Decimal(50), surface_available_ha=Decimal(40),
        has_motorway=True, motorway_km=Decimal("2.5"), has_rail=True, electricity_hta=True,
        gas=True, fibre=True, wave=waves["2020-01"], available_from=dt.date(2020, 1, 1),
        **ready,
    )  # fmt: skip
    gare = SiteFactory(
        slug="zone-de-la-gare", name="Zone de la Gare", commune=commune_of(world.t2),
        territory=world.t2, surface_total_ha=Decimal(8), surface_available_ha=Decimal(8),
        has_rail=True, industrial_water=True, urbanism=ProcedureState.IN_PROGRESS,
        wave=waves["2020-07"], available_from=today + dt.timedelta(days=365),
        owner_name="SEM Gare Développement", owner_kind=OwnerKind.MIXED,
    )  # fmt: skip
    morvan = SiteFactory(
        slug="site-du-morvan", name="Site du Morvan", commune=commune_of(world.t3),
        territory=world.t3, surface_total_ha=Decimal(120), surface_available_ha=Decimal(0),
        has_port=True, has_airport=True, airport_km=Decimal(30), electricity_htb=True,
        sanitation=True, wave=waves["2021"], status=SiteStatus.MARKETED,
        available_from=dt.date(2021, 6, 1), **{k: NOT_REQUIRED for k in ready},
    )  # fmt: skip
    retired = SiteFactory(
        slug="ancien-site", name="Ancien site retiré", commune=commune_of(world.t3),
        territory=world.t3, wave=waves["2021"], status=SiteStatus.WITHDRAWN,
    )  # fmt: skip
    return SimpleNamespace(
        world=world, waves=waves, forges=forges, gare=gare, morvan=morvan, retired=retired
    )
