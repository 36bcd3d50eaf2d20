"""The deployments API: list and detail with filters, GeoJSON, counts against targets."""

import pytest

from tests.api.v1.test_schema import assert_matches_schema
from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory, ensure_targets
from tests.querycount import queries_for
from tipilot.deployments.enums import DeploymentKind as K
from tipilot.deployments.enums import DeploymentStatus as S
from tipilot.governance.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(world):
    ensure_targets()
    a1, a3 = commune_of(world.t1), commune_of(world.t3)
    school = Organisation.objects.create(name="École de production de test", kind="school")
    return world, [
        DeploymentFactory(name="Antenne A", commune=a1, territory=world.t1),
        DeploymentFactory(
            name="Antenne B", commune=a3, territory=world.t3, wave=2, status=S.LABELLED
        ),  # fmt: skip
        DeploymentFactory(
            name="École C",
            kind=K.PRODUCTION_SCHOOL,
            commune=a3,
            territory=world.t3,
            organisation=school,
            headcount=24,
        ),  # fmt: skip
        DeploymentFactory(
            name="VTE D", kind=K.VTE, commune=a1, territory=world.t1, latitude=None, longitude=None
        ),  # fmt: skip
    ]


def test_list_and_detail(get_json, registry):
    world, rows = registry
    data = get_json("/api/v1/deployments/")
    assert data["count"] == 4
    school = get_json(f"/api/v1/deployments/{rows[2].pk}/")
    assert school["kind"] == "production_school" and school["kind_label"] == "École de production"
    assert school["organisation"] == "École de production de test"
    assert school["territory"] == "ti-2701" and school["region"] == "27"
    assert school["measure"] == "ecoles-production" and school["headcount"] == 24
    assert school["latitude"] == 46.05


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"kind": "cnam_antenna"}, ["Antenne A", "Antenne B"]),
        ({"region": "27"}, ["Antenne B", "École C"]),
        ({"territory": "ti-8401"}, ["Antenne A", "VTE D"]),
        ({"status": "labelled"}, ["Antenne B"]),
        ({"wave": "2"}, ["Antenne B"]),
        ({"measure": "vte"}, ["VTE D"]),
        ({"q": "école"}, ["École C"]),
    ],
)
def test_filters(get_json, registry, params, names):
    data = get_json("/api/v1/deployments/", **params)
    assert [d["name"] for d in data["results"]] == names


def test_bad_filter_is_a_400(client, registry):
    response = client.get("/api/v1/deployments/?kind=usine")
    assert response.status_code == 400 and "kind" in response.json()
    geo = client.get("/api/v1/deployments.geojson?wave=abc")
    assert geo.status_code == 400


def test_geojson_honours_filters_and_skips_unlocated(client, registry):
    world, rows = registry
    data = client.get("/api/v1/deployments.geojson").json()
    assert len(data["features"]) == 3  # the VTE without coordinates is not drawn
    feature = client.get("/api/v1/deployments.geojson?region=27&kind=cnam_antenna").json()[
        "features"
    ]
    assert len(feature) == 1
    assert feature[0]["geometry"] == {"type": "Point", "coordinates": [2.05, 46.05]}
    props = feature[0]["properties"]
    assert props["name"] == "Antenne B" and props["page_url"] == f"/deploiements/{rows[1].pk}/"
    response = client.get("/api/v1/deployments.geojson")
    assert response["Content-Type"] == "application/geo+json"


def test_targets(get_json, registry):
    data = get_json("/api/v1/deployment-targets/")
    assert [(d["kind"], d["counted"], d["target"]) for d in data] == [
        ("cnam_antenna", 2, 100), ("production_school", 1, 35), ("vte", 1, 1000),
    ]  # fmt: skip
    assert data[0]["waves"] == [
        {"wave": 1, "counted": 1}, {"wave": 2, "counted": 1}, {"wave": 3, "counted": 0}
    ]  # fmt: skip
    in_84 = get_json("/api/v1/deployment-targets/", region="84")
    assert [d["counted"] for d in in_84] == [1, 0, 1]
    in_t3 = get_json("/api/v1/deployment-targets/", territory="ti-2701")
    assert [d["counted"] for d in in_t3] == [1, 1, 0]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/deployments/",
        "/api/v1/deployments/?kind=vte",
        "/api/v1/deployments.geojson",
        "/api/v1/deployments.geojson?region=84",
        "/api/v1/deployment-targets/",
    ],
)
def test_answers_match_the_schema(openapi, client, rf, registry, url):
    assert_matches_schema(openapi, client, rf, url)


def test_read_only(client, registry):
    world, rows = registry
    client.force_login(world.national)
    for url in ("/api/v1/deployments/", f"/api/v1/deployments/{rows[0].pk}/",
                "/api/v1/deployments.geojson", "/api/v1/deployment-targets/"):  # fmt: skip
        assert client.post(url, {}, content_type="application/json").status_code == 405


@pytest.mark.parametrize(
    "url", ["/api/v1/deployments/", "/api/v1/deployments.geojson", "/api/v1/deployment-targets/"]
)
def test_queries_do_not_grow(client, world, url):
    ensure_targets()

    def add(count):
        for territory in (world.t1, world.t2, world.t3):
            for kind in K.values:
                DeploymentFactory.create_batch(count, kind=kind, commune=commune_of(territory),
                                               territory=territory)  # fmt: skip

    add(1)
    first = queries_for(client, url)
    add(10)
    assert queries_for(client, url) == first
