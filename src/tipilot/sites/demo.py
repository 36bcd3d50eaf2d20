"""127 demonstration sites clés en main — GENERATED, not the official list.

``sites_demo()`` spreads 127 sites over real communes of the labelled territories of the
current generation, region after region, with plausible surfaces (1 to 150 ha), access,
utilities and procedures (a little over half of them « prêts »), in the three waves as
announced (12, 66 and 49 sites). Each site's point lies inside its commune's outline. All
rows are ``is_demo``; contacts are fictitious addresses on ``demo.tipilot.fr``. Deterministic
(seeded) and idempotent: a second call creates nothing.
"""

import datetime as dt
import json
import random
from collections import defaultdict
from decimal import Decimal
from importlib import import_module

from django.db import transaction
from shapely.geometry import shape
from simple_history.utils import bulk_create_with_history

from tipilot.geo.models import Commune
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory
from tipilot.territories.selectors import latest_generation, member_commune_ids

from .enums import ACCESS, READY_STATES, UTILITIES, OwnerKind, ProcedureState, SiteStatus
from .enums import PROCEDURES as PROCEDURE_FIELDS
from .models import Site, SiteWave, in_france

COUNT = 127
WAVE_SIZES = (("2020-01", 12), ("2020-07", 66), ("2021", 49))
KINDS = (
    "Parc d'activités",
    "Zone industrielle",
    "Site industriel",
    "Ancienne friche industrielle",
    "Zone d'activités économiques",
    "Parc industriel",
    "Écoparc",
)
ACCESS_ODDS = {"motorway": (0.7, 0.5, 25), "rail": (0.35, 0, 8), "port": (0.12, 1, 60),
               "airport": (0.25, 5, 80)}  # fmt: skip
UTILITY_ODDS = {"electricity_hta": 0.9, "electricity_htb": 0.25, "gas": 0.65,
                "industrial_water": 0.4, "fibre": 0.75, "sanitation": 0.8}  # fmt: skip


def sites_demo(*, seed: int = 2020) -> str:
    if Site.objects.filter(is_demo=True).exists():
        return "Sites clés en main de démonstration déjà en place : rien de nouveau."
    generation = latest_generation()
    if generation is None:
        return "Sites clés en main de démonstration : aucun territoire, aucun site créé."
    rng = random.Random(seed)
    places = _places(generation, rng)
    waves = _waves()
    with transaction.atomic():
        sites = [_site(n, place, rng, waves) for n, place in enumerate(places)]
        bulk_create_with_history(sites, Site, default_change_reason="Démonstration")
    regions = len({p[1].region_id for p in places})
    ready = sum(s.is_ready for s in sites)
    return (
        f"Sites clés en main de démonstration : {len(sites)} sites dans {regions} régions, "
        f"dont {ready} prêts."
    )


def _waves() -> dict[str, SiteWave]:
    """The seeded waves (seeded again if a test flushed them)."""
    seeded = import_module("tipilot.sites.migrations.0002_seed_waves")
    for code, name, on, note, count, cumulative, source in seeded.WAVES:
        SiteWave.objects.get_or_create(
            code=code,
            defaults={"name": name, "announced_on": on, "date_note": note,
                      "announced_count": count, "cumulative_count": cumulative, "source": source},
        )  # fmt: skip
    return {w.code: w for w in SiteWave.objects.all()}


def _candidates(territories, communes, rng) -> list[tuple[Territory, int]]:
    """(territory, commune id) pairs, taking one region after the other."""
    by_region = defaultdict(list)
    for territory in territories:
        if communes.get(territory.pk):
            by_region[territory.region_code].append(territory)
    for members in by_region.values():
        rng.shuffle(members)
    regions = sorted(by_region)
    rng.shuffle(regions)
    picks, taken, rank = [], set(), 0
    while len(picks) < COUNT * 2 and rank < 50 * COUNT:
        members = by_region[regions[rank % len(regions)]]
        territory = members[(rank // len(regions)) % len(members)]
        commune_id = rng.choice(communes[territory.pk])
        if commune_id not in taken:
            taken.add(commune_id)
            picks.append((territory, commune_id))
        rank += 1
    return picks


def _places(generation, rng) -> list[tuple[Territory, Commune, tuple[float, float]]]:
    territories = list(
        Territory.objects.filter(generation=generation, status=TerritoryStatus.LABELLED)
        .only("id", "identifier", "name", "generation_id")
        .order_by("identifier")
    )
    picks = _candidates(territories, member_commune_ids(territories), rng)
    communes = Commune.objects.select_related("epci").only(
        "id", "name", "insee_code", "outline", "region_id", "epci__name"
    )
    loaded = communes.in_bulk([c for _, c in picks])
    places = []
    for territory, commune_id in picks:
        commune = loaded[commune_id]
        point = _point(commune)
        if point is not None:
            places.append((territory, commune, point))
        if len(places) == COUNT:
            break
    return places


def _point(commune: Commune) -> tuple[float, float] | None:
    if not commune.outline:
        return None
    point = shape(json.loads(commune.outline)).representative_point()
    latitude, longitude = round(point.y, 5), round(point.x, 5)
    return (latitude, longitude) if in_france(latitude, longitude) else None


def _of(name: str) -> str:
    """« de Nevers », « d'Autun », « du Creusot », « des Mureaux », « de la Charité »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("La ", "de la "),
                                ("L'", "de l'")):  # fmt: skip
        if name.startswith(article):
            return contracted + name[len(article) :]
    return ("d'" if name[:1] in "AEIOUYÉÈÎH" else "de ") + name


def _site(n: int, place, rng: random.Random, waves) -> Site:
    territory, commune, (latitude, longitude) = place
    wave = _wave_of(n, waves)
    total = Decimal(str(round(min(150.0, max(1.0, rng.lognormvariate(2.8, 0.9))), 1)))
    share = rng.choice((1, 1, 1, Decimal("0.8"), Decimal("0.6"), Decimal("0.4")))
    status = SiteStatus.MARKETED if wave.code != "2021" and rng.random() < 0.15 else None
    available = Decimal(0) if status else (total * share).quantize(Decimal("0.1"))
    site = Site(
        slug=f"scm-{n + 1:03d}",
        name=f"{rng.choice(KINDS)} {_of(commune.name)}",
        commune=commune,
        territory=territory,
        latitude=Decimal(str(latitude)),
        longitude=Decimal(str(longitude)),
        surface_total_ha=total,
        surface_available_ha=available,
        available_from=dt.date(2019, 6, 1) + dt.timedelta(days=rng.randrange(0, 3100)),
        wave=wave,
        status=status or SiteStatus.LABELLED,
        contact_name=f"Référent démo n° {n + 1:03d}",
        contact_email=f"referent-{n + 1:03d}@demo.tipilot.fr",
        is_demo=True,
        **_owner(commune, territory, rng),
        **_equipment(rng),
        **_procedures(rng),
    )
    site.description = (
        f"Site de {str(total).replace('.', ',')} ha sur la commune de {commune.name}, "
        "territoire d'industrie "
        f"« {territory.name} ». Données générées pour la démonstration."
    )
    site.refresh_derived()
    return site


def _wave_of(n: int, waves) -> SiteWave:
    bound = 0
    for code, size in WAVE_SIZES:
        bound += size
        if n < bound:
            return waves[code]
    return waves[WAVE_SIZES[-1][0]]


def _owner(commune, territory, rng) -> dict:
    kind = rng.choices(list(OwnerKind), weights=(6, 2, 2))[0]
    if kind == OwnerKind.PUBLIC:
        name = commune.epci.name if commune.epci else f"Commune {_of(commune.name)}"
    elif kind == OwnerKind.MIXED:
        name = f"SEM {territory.name}"
    else:
        name = f"Foncière industrielle {_of(commune.name)}"
    return {"owner_kind": kind, "owner_name": name[:200]}


def _equipment(rng) -> dict:
    values = {}
    for code, (odds, low, high) in ACCESS_ODDS.items():
        has, km_field, _ = ACCESS[code]
        values[has] = rng.random() < odds
        values[km_field] = Decimal(str(round(rng.uniform(low, high), 1))) if values[has] else None
    values.update({code: rng.random() < UTILITY_ODDS[code] for code in UTILITIES})
    return values


def _procedures(rng) -> dict:
    if rng.random() < 0.55:
        return {name: rng.choice(READY_STATES + (ProcedureState.DONE,) * 2)
                for name in PROCEDURE_FIELDS}  # fmt: skip
    states = {name: rng.choice(list(ProcedureState)) for name in PROCEDURE_FIELDS}
    if all(s in READY_STATES for s in states.values()):
        states[rng.choice(list(PROCEDURE_FIELDS))] = ProcedureState.IN_PROGRESS
    return states
