"""The API root, its URL names and its read-only access."""

import pytest
from django.urls import reverse


def test_root_lists_every_endpoint(get_json, db):
    root = get_json("/api/v1/")
    assert root == {
        "regions": "http://testserver/api/v1/regions/",
        "departments": "http://testserver/api/v1/departments/",
        "epcis": "http://testserver/api/v1/epcis/",
        "territories": "http://testserver/api/v1/territories/",
        "territories.csv": "http://testserver/api/v1/territories.csv",
        "territories.geojson": "http://testserver/api/v1/territories.geojson",
        "regions.geojson": "http://testserver/api/v1/regions.geojson",
        "contracts": "http://testserver/api/v1/contracts/",
        "copil-meetings": "http://testserver/api/v1/copil-meetings/",
        "calendar": "http://testserver/api/v1/calendar/",
        "measures": "http://testserver/api/v1/measures/",
        "actions": "http://testserver/api/v1/actions/",
        "funding-lines": "http://testserver/api/v1/funding-lines/",
        "bilans": "http://testserver/api/v1/bilans/",
        "bilan": "http://testserver/api/v1/bilan/",
        "calls": "http://testserver/api/v1/calls/",
        "laureates": "http://testserver/api/v1/laureates/",
        "laureates.csv": "http://testserver/api/v1/laureates.csv",
        "sites": "http://testserver/api/v1/sites/",
        "sites.csv": "http://testserver/api/v1/sites.csv",
        "sites.geojson": "http://testserver/api/v1/sites.geojson",
        "deployments": "http://testserver/api/v1/deployments/",
        "deployment-targets": "http://testserver/api/v1/deployment-targets/",
        "deployments.geojson": "http://testserver/api/v1/deployments.geojson",
        "derogations": "http://testserver/api/v1/derogations/",
    }


def test_browsable_api_is_titled_in_french(client, db):
    root = client.get("/api/v1/", HTTP_ACCEPT="text/html").content.decode()
    assert "API ouverte tipilot" in root
    regions = client.get("/api/v1/regions/", HTTP_ACCEPT="text/html").content.decode()
    assert "Régions" in regions


def test_url_names():
    assert reverse("api-territories-csv") == "/api/v1/territories.csv"
    assert reverse("api-territories-geojson") == "/api/v1/territories.geojson"
    assert reverse("api-regions-geojson") == "/api/v1/regions.geojson"
    assert reverse("api:region-detail", kwargs={"code": "84"}) == "/api/v1/regions/84/"
    assert reverse("api:epci-list") == "/api/v1/epcis/"
    detail = reverse("api:territory-detail", args=["2023-2027", "ti-8401"])
    assert detail == "/api/v1/territories/2023-2027/ti-8401/"


def test_router_names_leave_the_public_pages_names_alone():
    assert reverse("territory-list") == "/territoires/"
    assert reverse("region-detail", args=["84"]) == "/regions/84/"


WRITABLE = [
    "/api/v1/regions/",
    "/api/v1/regions/84/",
    "/api/v1/departments/01/",
    "/api/v1/epcis/200000002/",
    "/api/v1/territories/",
    "/api/v1/territories/2023-2027/ti-8401/",
    "/api/v1/territories.csv",
    "/api/v1/territories.geojson",
    "/api/v1/regions.geojson",
]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_anonymous_writes_are_refused(client, programme, method):
    for url in WRITABLE:
        response = getattr(client, method)(url, {}, content_type="application/json")
        assert response.status_code in (401, 403, 405), (method, url, response.status_code)


def test_the_api_is_read_only_even_when_signed_in(admin_client, programme):
    for url in WRITABLE:
        response = admin_client.post(url, {}, content_type="application/json")
        assert response.status_code == 405, (url, response.status_code)
