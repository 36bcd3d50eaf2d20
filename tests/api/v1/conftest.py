"""Helpers for the API tests."""

import pytest


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
