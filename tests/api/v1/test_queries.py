"""Every API list runs as many SQL queries for 3 territories as for 12, and no more than said."""

import datetime as dt

import pytest

from tests.factories import CommuneFactory, DepartmentFactory, EpciFactory, make_programme
from tests.querycount import assert_constant_queries, queries_for
from tipilot.territories.models import Membership


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/regions/", 2),  # count, page
        ("/api/v1/departments/", 2),  # count, page (region joined)
        ("/api/v1/epcis/", 2),  # count, page (communes counted in the page query)
        ("/api/v1/epcis/?region=84", 2),
        ("/api/v1/territories/", 4),  # count, page (generation, wave joined), regions, depts
        ("/api/v1/territories/?q=commune&region=84", 4),
        ("/api/v1/territories.csv", 3),  # territories, regions, departments
        ("/api/v1/territories.geojson", 3),
        ("/api/v1/regions.geojson", 1),
    ],
)
def test_list_queries_do_not_grow_with_data(client, db, django_assert_num_queries, url, expected):
    assert_constant_queries(client, url, small=3, large=12)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_epci_detail_queries_do_not_grow_with_its_communes(client, db, django_assert_num_queries):
    department = DepartmentFactory()
    small = EpciFactory(members=CommuneFactory.create_batch(2, department=department))
    large = EpciFactory(members=CommuneFactory.create_batch(12, department=department))
    assert queries_for(client, f"/api/v1/epcis/{small.siren}/") == 2  # EPCI and count, communes
    with django_assert_num_queries(2):
        assert client.get(f"/api/v1/epcis/{large.siren}/").json()["commune_count"] == 12


def test_territory_detail_queries_do_not_grow_with_its_members(
    client, db, django_assert_num_queries
):
    small, large = make_programme(2)
    department = large.departments.get()
    for _ in range(5):
        epci = EpciFactory(members=CommuneFactory.create_batch(2, department=department))
        Membership.objects.create(territory=large, epci=epci, joined_on=dt.date(2024, 7, 4))
    url = "/api/v1/territories/2023-2027/{}/"
    # generation, territory (wave joined), regions, departments, memberships, changes
    assert queries_for(client, url.format(small.identifier)) == 6
    with django_assert_num_queries(6):
        assert len(client.get(url.format(large.identifier)).json()["composition"]) == 6
