"""The API answers as its own OpenAPI schema says."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_valid_openapi(schema):
    validate(schema)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regions/",
        "/api/v1/regions/84/",
        "/api/v1/departments/",
        "/api/v1/epcis/",
        "/api/v1/epcis/200000002/",
        "/api/v1/territories/",
        "/api/v1/territories/?generation=2023-2027&q=nevers",
        "/api/v1/territories/2023-2027/ti-2701/",
        "/api/v1/territories/2018-2022/ti-8401/",
    ],
)
def test_responses_match_schema(client, programme, schema, url, rf):
    openapi = OpenAPI.from_dict(schema)
    response = client.get(url)
    assert response.status_code == 200
    request = rf.get(url)
    request.resolver_match = response.wsgi_request.resolver_match
    openapi.validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))


def test_schema_and_docs_pages_are_served(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/territories.geojson" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content
