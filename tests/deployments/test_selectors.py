"""Counts against targets, filters and map points, on known data."""

import pytest

from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory
from tipilot.deployments import selectors
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.enums import DeploymentStatus as S
from tipilot.deployments.selectors import DeploymentFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(targets):
    world = targets
    a1, a3 = commune_of(world.t1), commune_of(world.t3)
    rows = [
        # Cnam: wave 1 open (84), wave 1 labelled (27), wave 2 open (84), a project, a closed one
        dict(kind=K.CNAM_ANTENNA, status=S.OPEN, wave=1, commune=a1, territory=world.t1),
        dict(kind=K.CNAM_ANTENNA, status=S.LABELLED, wave=1, commune=a3, territory=world.t3),
        dict(kind=K.CNAM_ANTENNA, status=S.OPEN, wave=2, commune=a1, territory=world.t1),
        dict(kind=K.CNAM_ANTENNA, status=S.PROJECT, wave=None, commune=a1),
        dict(kind=K.CNAM_ANTENNA, status=S.CLOSED, wave=3, commune=a3, territory=world.t3),
        # schools: one open (27), one labelled (84)
        dict(kind=K.PRODUCTION_SCHOOL, status=S.OPEN, commune=a3, territory=world.t3),
        dict(kind=K.PRODUCTION_SCHOOL, status=S.LABELLED, commune=a1, territory=world.t1),
        # VTE: in post (84), ended (84), not yet filled (27)
        dict(kind=K.VTE, status=S.OPEN, commune=a1, territory=world.t1),
        dict(kind=K.VTE, status=S.CLOSED, commune=a1, territory=world.t1),
        dict(kind=K.VTE, status=S.PROJECT, commune=a3, territory=world.t3),
    ]
    return world, [DeploymentFactory(**row) for row in rows]


def _by_kind(progress):
    return {p["kind"]: p for p in progress}


def test_counting_rule_and_targets(registry):
    progress = _by_kind(selectors.target_progress())
    cnam = progress[K.CNAM_ANTENNA]
    assert (cnam["counted"], cnam["registered"], cnam["target"]) == (3, 5, 100)
    assert cnam["percent"] == 3 and cnam["share"] == 0.03
    assert cnam["waves"] == [
        {"wave": 1, "counted": 2}, {"wave": 2, "counted": 1}, {"wave": 3, "counted": 0}
    ]  # fmt: skip
    school = progress[K.PRODUCTION_SCHOOL]
    assert (school["counted"], school["registered"], school["target"]) == (1, 2, 35)
    assert school["percent"] == 3  # 1 / 35 = 2.9 %
    vte = progress[K.VTE]
    assert (vte["counted"], vte["registered"], vte["target"]) == (2, 3, 1000)
    assert vte["waves"] == [] and "source" in vte and "Pack Rebond" in vte["source"]


def test_counts_by_region_and_territory(registry):
    world, _ = registry
    in_84 = _by_kind(selectors.target_progress(region="84"))
    assert [in_84[k]["counted"] for k in selectors.KIND_ORDER] == [2, 0, 2]
    in_t3 = _by_kind(selectors.target_progress(territory_pk=world.t3.pk))
    assert [in_t3[k]["counted"] for k in selectors.KIND_ORDER] == [1, 1, 0]
    assert selectors.progress_by_region() == [
        {"code": "84", "name": "Auvergne-Rhône-Alpes", "counts": [2, 0, 2]},
        {"code": "27", "name": "Bourgogne-Franche-Comté", "counts": [1, 1, 0]},
    ]


def test_targets_without_deployments(targets):
    progress = selectors.target_progress()
    assert [p["counted"] for p in progress] == [0, 0, 0]
    assert [p["target"] for p in progress] == [100, 35, 1000]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (DeploymentFilters(kind=K.VTE), 3),
        (DeploymentFilters(region="27"), 4),
        (DeploymentFilters(territory="ti-8401"), 5),
        (DeploymentFilters(status=S.OPEN), 4),
        (DeploymentFilters(kind=K.CNAM_ANTENNA, wave=1), 2),
        (DeploymentFilters(measure="vte", region="84"), 2),
        (DeploymentFilters(q="déploiement"), 10),
        (DeploymentFilters(region="99"), 0),
    ],
)
def test_list_filters(registry, filters, expected):
    assert selectors.deployment_list(filters).count() == expected


def test_map_points(registry, django_assert_num_queries):
    with django_assert_num_queries(1):
        points = selectors.map_points(DeploymentFilters(kind=K.CNAM_ANTENNA, wave=2))
    assert len(points) == 1
    point = points[0]
    assert point["kind_label"] == "Antenne du Cnam" and point["territory"] == "ti-8401"
    assert (point["latitude"], point["longitude"]) == (46.05, 2.05)


def test_measure_progress(registry):
    from tests.actions.factories import measure

    assert selectors.measure_progress(measure("antennes-cnam"))["counted"] == 3
    assert selectors.measure_progress(measure("fonds-acceleration")) is None
