"""Sites clés en main in the API: list, detail, filters (the page's), GeoJSON, CSV, no
personal data, read-only, and constant query counts."""

import csv
import io

import pytest

from tests.querycount import queries_for
from tests.sites.factories import CONTACT, SiteFactory, catalogue, commune_of


@pytest.fixture
def data(world):
    return catalogue(world)


def slugs(get_json, **params) -> list[str]:
    return sorted(s["slug"] for s in get_json("/api/v1/sites/", **params)["results"])


def test_list_and_detail(get_json, data):
    page = get_json("/api/v1/sites/")
    assert page["count"] == 3
    forges = get_json("/api/v1/sites/parc-des-forges/")
    assert forges["name"] == "Parc des Forges" and forges["is_ready"] is True
    assert forges["territory"] == "ti-8401" and forges["region"] == "84"
    assert forges["surface_available_ha"] == "40.00" and forges["wave"] == "2020-01"
    assert forges["wave_detail"]["cumulative_count"] == 12
    assert forges["urbanism"] == "done" and forges["environment"] == "not_required"
    assert forges["page_url"].endswith("/sites/parc-des-forges/")


def test_unknown_site_is_404_in_french(client, data):
    response = client.get("/api/v1/sites/inconnu/")
    assert response.status_code == 404 and "Aucun site" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "84"}, ["parc-des-forges", "zone-de-la-gare"]),
        ({"territory": "ti-2701"}, ["site-du-morvan"]),
        ({"wave": "2020-07"}, ["zone-de-la-gare"]),
        ({"status": "withdrawn"}, ["ancien-site"]),
        ({"q": "forges"}, ["parc-des-forges"]),
        ({"surface_min": "8.01"}, ["parc-des-forges"]),
        ({"surface_max": "8"}, ["site-du-morvan", "zone-de-la-gare"]),
        ({"access": ["rail", "motorway"]}, ["parc-des-forges"]),
        ({"utility": ["industrial_water"]}, ["zone-de-la-gare"]),
        ({"ready": "true"}, ["parc-des-forges", "site-du-morvan"]),
        ({"available_now": "true"}, ["parc-des-forges"]),
    ],
)
def test_filters(get_json, data, params, expected):
    assert slugs(get_json, **params) == expected


@pytest.mark.parametrize(
    "query", ["status=open", "surface_min=x", "surface_min=-2", "access=teleport"]
)
def test_bad_filters_are_400(client, data, query):
    assert client.get(f"/api/v1/sites/?{query}").status_code == 400
    assert client.get(f"/api/v1/sites.geojson?{query}").status_code == 400


def test_geojson_honours_the_filters(client, data):
    response = client.get("/api/v1/sites.geojson?region=84&access=rail")
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    assert sorted(f["properties"]["slug"] for f in features) == [
        "parc-des-forges",
        "zone-de-la-gare",
    ]
    forges = next(f for f in features if f["properties"]["slug"] == "parc-des-forges")
    assert forges["geometry"] == {"type": "Point", "coordinates": [2.05, 46.05]}
    assert forges["properties"]["is_ready"] is True
    everything = client.get("/api/v1/sites.geojson").json()["features"]
    assert len(everything) == 3


def test_csv(client, data):
    response = client.get("/api/v1/sites.csv?ready=true")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert sorted(r[0] for r in rows[1:]) == ["parc-des-forges", "site-du-morvan"]
    assert "prêt" in rows[0]


def test_no_personal_data(client, data):
    from tipilot.sites.models import Enquiry

    Enquiry.objects.create(
        site=data.forges, name="Ines Secrète", email="ines@exemple.fr", company="X", message="."
    )
    for url in (
        "/api/v1/sites/",
        "/api/v1/sites/parc-des-forges/",
        "/api/v1/sites.geojson",
        "/api/v1/sites.csv",
        "/api/v1/sites/?status=withdrawn",
    ):
        body = client.get(url).content.decode()
        for secret in (CONTACT, "Claire", "Ines", "@"):
            assert secret not in body, (url, secret)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only(admin_client, data, method):
    for url in ("/api/v1/sites/", "/api/v1/sites/parc-des-forges/", "/api/v1/sites.geojson"):
        response = getattr(admin_client, method)(url, {}, content_type="application/json")
        assert response.status_code == 405, (method, url)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?region=84&access=rail",
        "/api/v1/sites.geojson",
        "/api/v1/sites.csv",
    ],  # fmt: skip
)
def test_queries_do_not_grow(client, world, url):
    def grow(n):
        for territory in (world.t1, world.t2, world.t3):
            SiteFactory.create_batch(n, commune=commune_of(territory), territory=territory,
                                     has_rail=True)  # fmt: skip

    grow(1)
    small = queries_for(client, url)
    grow(5)
    assert queries_for(client, url) == small


def test_schema_documents_the_filters(schema):
    names = {"q", "region", "department", "territory", "wave", "status", "surface_min",
             "surface_max", "access", "utility", "ready", "available_now"}  # fmt: skip
    for path in ("/api/v1/sites/", "/api/v1/sites.csv", "/api/v1/sites.geojson"):
        documented = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert names <= documented, path
    detail = schema["paths"]["/api/v1/sites/{slug}/"]["get"]["responses"]["200"]
    component = detail["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    fields = set(schema["components"]["schemas"][component]["properties"])
    assert not fields & {"contact_name", "contact_email", "enquiries"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/parc-des-forges/",
        "/api/v1/sites.geojson?ready=true",
        "/api/v1/sites.csv",
    ],  # fmt: skip
)
def test_answers_match_the_schema(openapi, client, rf, data, url):
    from tests.api.v1.test_schema import assert_matches_schema

    assert_matches_schema(openapi, client, rf, url)
