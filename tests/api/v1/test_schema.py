"""The API answers as its own OpenAPI schema says, and the schema is valid OpenAPI."""

import pytest
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate

from tipilot.territories.models import Territory, Wave


def test_schema_is_valid_openapi(schema):
    validate(schema)


def test_schema_documents_every_endpoint_and_filter(schema):
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/regions/",
        "/api/v1/regions/{code}/",
        "/api/v1/regions.geojson",
        "/api/v1/departments/",
        "/api/v1/departments/{code}/",
        "/api/v1/epcis/",
        "/api/v1/epcis/{siren}/",
        "/api/v1/territories/",
        "/api/v1/territories/{generation}/{identifier}/",
        "/api/v1/territories.csv",
        "/api/v1/territories.geojson",
        "/api/v1/auth/token/",
        "/api/v1/calendar/",
        "/api/v1/contracts/",
        "/api/v1/contracts/{id}/",
        "/api/v1/contracts/{id}/documents/",
        "/api/v1/contracts/{id}/events/",
        "/api/v1/contracts/{id}/signatories/",
        "/api/v1/contracts/{id}/signatories/{signatory_id}/",
        "/api/v1/contracts/{id}/transition/",
        "/api/v1/copil-meetings/",
        "/api/v1/copil-meetings/{id}/",
        "/api/v1/copil-meetings/{id}/decisions/",
        "/api/v1/measures/",
        "/api/v1/measures/{id}/",
        "/api/v1/actions/",
        "/api/v1/actions/{external_id}/",
        "/api/v1/actions/{external_id}/transition/",
        "/api/v1/actions/{external_id}/funding-lines/",
        "/api/v1/funding-lines/",
        "/api/v1/funding-lines/{id}/",
        "/api/v1/bilan/",
        "/api/v1/bilans/",
        "/api/v1/bilans/{id}/",
        "/api/v1/calls/",
        "/api/v1/calls/{slug}/",
        "/api/v1/laureates/",
        "/api/v1/laureates/{reference}/",
        "/api/v1/laureates.csv",
        "/api/v1/sites/",
        "/api/v1/sites/{slug}/",
        "/api/v1/sites.csv",
        "/api/v1/sites.geojson",
        "/api/v1/deployments/",
        "/api/v1/deployments/{id}/",
        "/api/v1/deployments.geojson",
        "/api/v1/deployment-targets/",
        "/api/v1/derogations/",
        "/api/v1/derogations/{id}/",
    }
    filters = {"generation", "region", "department", "status", "q"}
    for path in ("/api/v1/territories/", "/api/v1/territories.csv", "/api/v1/territories.geojson"):
        names = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert filters <= names, path
    epci_filters = {p["name"] for p in paths["/api/v1/epcis/"]["get"]["parameters"]}
    assert {"kind", "dissolved", "region", "department", "q"} <= epci_filters
    csv_response = paths["/api/v1/territories.csv"]["get"]["responses"]["200"]
    assert set(csv_response["content"]) == {"text/csv"}


def assert_matches_schema(openapi, client, rf, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    request = rf.get(url)  # a fresh request: the test client's has had its body read
    request.resolver_match = response.wsgi_request.resolver_match
    openapi.validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regions/",
        "/api/v1/regions/84/",
        "/api/v1/departments/?region=84",
        "/api/v1/departments/58/",
        "/api/v1/epcis/",
        "/api/v1/epcis/?dissolved=true",
        "/api/v1/epcis/200000002/",
        "/api/v1/territories/?status=all",
        "/api/v1/territories/?generation=2023-2027&q=nevers",
        "/api/v1/territories/2023-2027/ti-2701/",
        "/api/v1/territories/2023-2027/ti-8402/",
        "/api/v1/territories/2018-2022/ti-8401/",
        "/api/v1/territories.csv?status=all",
        "/api/v1/territories.geojson?status=all",
        "/api/v1/regions.geojson",
    ],
)
def test_responses_match_schema(openapi, client, rf, programme, url):
    assert_matches_schema(openapi, client, rf, url)


def test_territory_with_a_wave_matches_schema(openapi, client, rf, programme):
    wave = Wave.objects.filter(generation__code="2023-2027").first()
    Territory.objects.filter(identifier="ti-2701").update(wave=wave)
    assert_matches_schema(openapi, client, rf, "/api/v1/territories/?q=cercy")
    assert_matches_schema(openapi, client, rf, "/api/v1/territories/2023-2027/ti-2701/")


def test_schema_and_docs_pages_are_served(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/territories.geojson" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
