"""The sites pages run as many SQL queries with few and with many sites."""

import pytest

from tests.querycount import queries_for
from tests.sites.factories import SiteFactory, catalogue, commune_of


def grow(world, n: int) -> None:
    for territory in (world.t1, world.t2, world.t3):
        SiteFactory.create_batch(
            n, commune=commune_of(territory), territory=territory, has_rail=True
        )


@pytest.mark.parametrize(
    "url",
    [
        "/sites/",
        "/sites/?region=84&acces=rail&reseau=gas&pret=true&surface_min=1",
        "/sites/?q=parc&page=2",
        "/sites/vagues/",
        "/sites/export.csv",
        "/sites/export.json",
    ],
)
def test_pages_queries_do_not_grow(client, world, url):
    catalogue(world)
    grow(world, 3)
    small = queries_for(client, url)
    grow(world, 12)
    assert queries_for(client, url) == small


def test_detail_queries_do_not_grow_with_enquiries(client, world):
    from tipilot.sites.models import Enquiry

    data = catalogue(world)
    client.force_login(world.pilot)
    small = queries_for(client, "/sites/parc-des-forges/")
    for n in range(5):
        Enquiry.objects.create(
            site=data.forges, name=f"N{n}", email=f"n{n}@x.fr", company="X", message="."
        )
    assert queries_for(client, "/sites/parc-des-forges/") == small
