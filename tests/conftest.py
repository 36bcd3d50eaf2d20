"""Shared fixtures: a small real-shaped geography and programme loaded through the importers."""

import datetime as dt
from pathlib import Path

import pytest

from tipilot.geo import outlines
from tipilot.geo.importers import load_package
from tipilot.geo.sources import read_package
from tipilot.territories.importers import read_file
from tipilot.territories.models import Generation
from tipilot.territories.services import territories_import

DATA = Path(__file__).parent / "data"


def _quiet(step, done, total):
    return None


def load_geo(version_folder: str, vintage: int):
    package = read_package(DATA / version_folder)
    return load_package(package=package, vintage=vintage, source=version_folder, progress=_quiet)


def import_territories(name: str, generation: str, as_of: str, **kwargs):
    _ensure_generations()  # a transactional test (browser tests) may have flushed the seeded rows
    path = DATA / "territories" / name
    return territories_import(
        parsed=read_file(path),
        generation=Generation.objects.get(code=generation),
        as_of=dt.date.fromisoformat(as_of),
        sha256=name,
        **kwargs,
    )


@pytest.fixture(scope="session", autouse=True)
def _drop_live_server_connections(django_db_setup, django_db_blocker):
    """Let the test database be dropped after browser tests on PostgreSQL.

    The live server's request threads may still hold a connection to it (a keep-alive
    browser connection) when the session ends; PostgreSQL refuses to drop a database in use.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Accounts are made by the dozen in tests: skip the deliberately slow hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def geography(db):
    """Vintage 2026 of the mini geography (2 regions, 3 departments, 10 communes, 5 EPCI)."""
    load_geo("decoupage-2026", 2026)
    outlines.load_outlines(
        shapes=outlines.read_geojson([DATA / "communes.geojson"]), progress=_quiet
    )


@pytest.fixture
def geography_history(db):
    """Vintages 2021 then 2026: CC Ancienne (200000009) dissolved, commune 01099 merged."""
    load_geo("decoupage-2021", 2021)
    load_geo("decoupage-2026", 2026)
    outlines.load_outlines(
        shapes=outlines.read_geojson([DATA / "communes.geojson"]), progress=_quiet
    )


@pytest.fixture
def programme(geography_history):
    """Both generations: 2018-2022 (2 territories) and 2023-2027 in two dated states.

    Between 2023-11-14 and 2024-07-04: ti-8401 renamed, ti-2701 gains Cercy-la-Tour,
    ti-8402 leaves the programme.
    """
    import_territories("ti-2018.geojson", "2018-2022", "2022-12-31")
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    import_territories("ti-v2-2024-07.geojson", "2023-2027", "2024-07-04")


@pytest.fixture
def world(db):
    """Two regions, three territories, two contracts, and one account per role.

    Region 84 holds ti-8401 (contract, in preparation) and ti-8402; region 27 holds ti-2701
    (contract, in preparation). Accounts: national, pilot (84), other_pilot (27), team (ti-8401
    project lead), binome (ti-8401 elected, public office), copil (84), instructor (an
    operator), nobody (no role); ``anonymous`` is Django's anonymous user.
    """
    from types import SimpleNamespace

    from django.contrib.auth.models import AnonymousUser

    from tests.actions.factories import ensure_catalogue
    from tests.contracts.factories import ContractFactory
    from tests.factories import (
        CommuneFactory,
        DepartmentFactory,
        EpciFactory,
        RegionFactory,
        TerritoryFactory,
    )
    from tests.governance.factories import user_with_role
    from tipilot.actions.catalogue import OPERATORS
    from tipilot.governance.enums import RoleKind
    from tipilot.governance.models import Organisation
    from tipilot.territories.derived import territories_refresh_derived

    _ensure_generations()  # a transactional test before this one flushed the seeded rows
    region_a = RegionFactory(code="84", name="Auvergne-Rhône-Alpes")
    region_b = RegionFactory(code="27", name="Bourgogne-Franche-Comté")
    territories = []
    for region, identifier in ((region_a, "ti-8401"), (region_a, "ti-8402"), (region_b, "ti-2701")):
        department = DepartmentFactory(region=region)
        communes = CommuneFactory.create_batch(2, department=department)
        territories.append(
            TerritoryFactory(
                identifier=identifier,
                name=f"Territoire {identifier}",
                epcis=[EpciFactory(members=communes)],
            )
        )
    territories_refresh_derived(territories=territories)
    t1, t2, t3 = territories
    bpifrance_siren = OPERATORS["bpifrance"][1]
    ensure_catalogue()  # axes, measures and their operators (migration 0002 of actions)
    operator = Organisation.objects.get(siren=bpifrance_siren)
    return SimpleNamespace(
        region_a=region_a,
        region_b=region_b,
        t1=t1,
        t2=t2,
        t3=t3,
        operator=operator,
        contract=ContractFactory(territory=t1),
        other_contract=ContractFactory(territory=t3),
        national=user_with_role(RoleKind.NATIONAL_TEAM),
        pilot=user_with_role(RoleKind.REGIONAL_PILOT, region=region_a),
        other_pilot=user_with_role(RoleKind.REGIONAL_PILOT, region=region_b),
        team=user_with_role(RoleKind.PROJECT_LEAD, territory=t1),
        binome=user_with_role(RoleKind.BINOME_ELECTED, territory=t1),
        copil=user_with_role(RoleKind.COPIL_MEMBER, region=region_a),
        instructor=user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=operator),
        nobody=user_with_role(None),
        anonymous=AnonymousUser(),
    )


def _ensure_generations():
    from importlib import import_module

    seeded = import_module("tipilot.territories.migrations.0002_seed_generations_and_waves")
    for code, name, start, end in seeded.GENERATIONS:
        Generation.objects.get_or_create(
            code=code, defaults={"name": name, "start_year": start, "end_year": end}
        )
