"""Helpers for the API tests."""

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from openapi_core import OpenAPI
from openapi_core.configurations import Config


@pytest.fixture
def get(client):
    """GET an API URL with query parameters and check it answered 200."""

    def get(url: str, **params):
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        return response

    return get


@pytest.fixture
def get_json(get):
    return lambda url, **params: get(url, **params).json()


@pytest.fixture(scope="session")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture(scope="session")
def openapi(schema) -> OpenAPI:
    files = {
        "application/geo+json": lambda value, **params: json.loads(value),
        "text/csv": lambda value, **params: value.decode(params.get("charset", "utf-8")),
    }
    return OpenAPI.from_dict(schema, config=Config(extra_media_type_deserializers=files))
