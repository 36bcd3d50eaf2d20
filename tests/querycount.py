"""Assert that a page or API list runs as many SQL queries on a small and a larger programme."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_programme


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def assert_constant_queries(client, url, small=3, large=12) -> int:
    territories = make_programme(small)
    url = url.format(first=territories[0].identifier)
    first = queries_for(client, url)
    make_programme(large - small)
    second = queries_for(client, url)
    assert first == second, f"{url}: {first} queries for {small} territories, {second} for {large}"
    return first
