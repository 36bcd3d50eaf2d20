"""The real programme on the real geography (about 15 s): skipped unless the files are here.

Needs TIPILOT_GEO_TGZ (the official @etalab/decoupage-administratif 6.0.0 tarball) and
TIPILOT_DATA_MIRROR (the folder holding territoires-industrie/*.geojson); ``make test`` sets
both. In CI (env CI set) a missing file fails the run instead of skipping it.
"""

import datetime as dt
import os
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from tipilot.core import datasources
from tipilot.geo.importers import load_package
from tipilot.geo.sources import read_package, vintage_of
from tipilot.territories.enums import ChangeKind, TerritoryStatus
from tipilot.territories.importers import read_file
from tipilot.territories.models import Generation, Membership, Territory, TerritoryChange
from tipilot.territories.services import territories_import

# django_db also makes pytest-django create the test database when this module runs alone:
# without it the module fixture below would reach the development database.
pytestmark = [pytest.mark.realdata, pytest.mark.django_db]

STATES = [
    ("ti-2018-2022", "2018-2022", dt.date(2022, 12, 31)),
    ("ti-2023-2027-2023-11", "2023-2027", dt.date(2023, 11, 14)),
    ("ti-2023-2027-2024-09", "2023-2027", dt.date(2024, 7, 4)),
]


def _missing() -> str:
    """Why the real data cannot be loaded here, or "" when it can."""
    tgz = os.environ.get("TIPILOT_GEO_TGZ", "")
    if not tgz or not Path(tgz).is_file():
        return f"TIPILOT_GEO_TGZ ne désigne pas l'archive officielle ({tgz or 'non défini'})"
    mirror = settings.TIPILOT_DATA_MIRROR
    for key, _, _ in STATES:
        relative = datasources.SOURCES[key].mirror_path
        if not mirror or not (Path(mirror) / relative).is_file():
            return f"TIPILOT_DATA_MIRROR ({mirror or 'non défini'}) n'a pas {relative}"
    return ""


def _collect() -> dict:
    """Everything the tests check, read while the data is there."""
    territories = Territory.objects.filter(status=TerritoryStatus.LABELLED)
    memberships = Membership.objects.select_related("territory__generation")
    later = TerritoryChange.objects.filter(batch__as_of=dt.date(2024, 7, 4)).select_related(
        "territory", "epci", "commune"
    )
    return {
        "territories": Counter(territories.values_list("generation__code", flat=True)),
        "members_2018": memberships.filter(territory__generation__code="2018-2022").count(),
        "members_2023_11": memberships.filter(
            territory__generation__code="2023-2027", joined_on=dt.date(2023, 11, 14)
        ).count(),
        "members_2024_current": memberships.filter(
            territory__generation__code="2023-2027", left_on__isnull=True
        ).count(),
        "changes": [
            (
                c.territory.identifier,
                c.kind,
                c.epci.siren if c.epci else "",
                c.epci.name if c.epci else "",
                c.commune.name if c.commune else "",
                c.new_value,
            )
            for c in later
        ],
        "ti_2707_communes": sorted(
            Territory.objects.get(generation__code="2023-2027", identifier="ti-2707")
            .memberships.filter(left_on__isnull=True, commune__isnull=False)
            .values_list("commune__name", flat=True)
        ),
    }


@pytest.fixture(scope="module")
def real(django_db_setup, django_db_blocker):
    """Load once per module, inside a transaction rolled back at the end: no other test sees it."""
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"données réelles requises en CI : {reason}")
        pytest.skip(reason)
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"{name} n'est pas une base de test"
        package = read_package(Path(os.environ["TIPILOT_GEO_TGZ"]))
        load_package(package=package, vintage=vintage_of(package, None), source="6.0.0")
        reports = {}
        for key, generation, as_of in STATES:
            result = territories_import(
                parsed=read_file(datasources.resolve(key)),
                generation=Generation.objects.get(code=generation),
                as_of=as_of,
                sha256=datasources.SOURCES[key].sha256,
                vintage=as_of.year,
            )
            reports[key] = result
        facts = _collect()
        facts["results"] = reports
        transaction.set_rollback(True)
    return facts


def test_territory_counts(real):
    assert real["territories"] == {"2018-2022": 149, "2023-2027": 183}
    results = real["results"]
    assert results["ti-2018-2022"].created == 149
    assert results["ti-2023-2027-2023-11"].created == 183
    assert (results["ti-2023-2027-2024-09"].updated, results["ti-2023-2027-2024-09"].unchanged) == (
        4,
        179,
    )
    assert all(not r.report.warnings for r in results.values())


def test_member_counts(real):
    assert real["members_2018"] == 588  # 547 EPCI, 3 EPT, 38 communes
    # The 2023-11 file lists 630 members; the 2024-09 one 641 (+12 communes, ±1 EPCI).
    assert real["members_2023_11"] == 630
    assert real["members_2024_current"] == 641


def test_exactly_four_territories_changed_in_the_second_state(real):
    assert {change[0] for change in real["changes"]} == {"ti-2707", "ti-7506", "ti-7613", "ti-8412"}


def test_cercy_la_tour_joins_ti_2707(real):
    changes = [c for c in real["changes"] if c[0] == "ti-2707"]
    assert changes == [("ti-2707", ChangeKind.JOINED, "", "", "Cercy-la-Tour", "")]
    assert "Cercy-la-Tour" in real["ti_2707_communes"]


def test_ti_7506_gains_eleven_communes_and_loses_haute_correze(real):
    changes = [c for c in real["changes"] if c[0] == "ti-7506"]
    joined = [c for c in changes if c[1] == ChangeKind.JOINED]
    left = [c for c in changes if c[1] == ChangeKind.LEFT]
    assert len(joined) == 11 and all(c[4] and not c[2] for c in joined)
    assert [c[3] for c in left] == ["CC Haute-Corrèze Communauté"]
    assert len(changes) == 12


def test_ti_7613_changes_vallespir(real):
    changes = sorted((c[1], c[2]) for c in real["changes"] if c[0] == "ti-7613")
    assert changes == [(ChangeKind.JOINED, "246600373"), (ChangeKind.LEFT, "246600548")]


def test_ti_8412_is_renamed(real):
    changes = [c for c in real["changes"] if c[0] == "ti-8412"]
    assert [(c[1], c[5]) for c in changes] == [
        (ChangeKind.RENAMED, "Pays de Gex – Genevois – Terre Valserhône")
    ]
