"""Every filter of the catalogue on known data, its figures, the waves and the territory
derived from a commune."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import CommuneFactory
from tests.sites.factories import catalogue
from tipilot.sites import selectors
from tipilot.sites.selectors import SiteFilters, site_filters


@pytest.fixture
def data(world):
    return catalogue(world)


def slugs(**filters) -> set[str]:
    return {s.slug for s in selectors.site_list(SiteFilters(**filters))}


ALL = {"parc-des-forges", "zone-de-la-gare", "site-du-morvan"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL),
        ({"status": "withdrawn"}, {"ancien-site"}),
        ({"status": "marketed"}, {"site-du-morvan"}),
        ({"region": "84"}, {"parc-des-forges", "zone-de-la-gare"}),
        ({"region": "27"}, {"site-du-morvan"}),
        ({"territory": "ti-8402"}, {"zone-de-la-gare"}),
        ({"territory": "ti-9999"}, set()),
        ({"wave": "2020-01"}, {"parc-des-forges"}),
        ({"wave": "2021"}, {"site-du-morvan"}),
        ({"q": "FORGES"}, {"parc-des-forges"}),
        ({"q": "gare sem"}, {"zone-de-la-gare"}),  # name and owner, every word
        ({"q": "morvan gare"}, set()),
        ({"surface_min": Decimal(8)}, {"parc-des-forges", "zone-de-la-gare"}),
        ({"surface_min": Decimal("8.01")}, {"parc-des-forges"}),
        ({"surface_max": Decimal(8)}, {"zone-de-la-gare", "site-du-morvan"}),
        ({"surface_min": Decimal(5), "surface_max": Decimal(10)}, {"zone-de-la-gare"}),
        ({"access": frozenset({"rail"})}, {"parc-des-forges", "zone-de-la-gare"}),
        ({"access": frozenset({"rail", "motorway"})}, {"parc-des-forges"}),
        ({"access": frozenset({"port", "airport"})}, {"site-du-morvan"}),
        ({"utilities": frozenset({"gas"})}, {"parc-des-forges"}),
        ({"utilities": frozenset({"industrial_water"})}, {"zone-de-la-gare"}),
        ({"utilities": frozenset({"electricity_htb", "sanitation"})}, {"site-du-morvan"}),
        ({"utilities": frozenset({"fibre", "sanitation"})}, set()),
        ({"ready": True}, {"parc-des-forges", "site-du-morvan"}),
        # gare: not yet available; morvan: nothing left
        ({"available_now": True}, {"parc-des-forges"}),
    ],
)
def test_each_filter(data, filters, expected):
    assert slugs(**filters) == expected


def test_department_filter(data):
    department = data.gare.commune.department.code
    assert slugs(department=department) == {"zone-de-la-gare"}


def test_available_now_depends_on_the_day(data):
    later = dt.date.today() + dt.timedelta(days=400)
    found = selectors.site_list(SiteFilters(available_now=True), today=later)
    assert {s.slug for s in found} == {"parc-des-forges", "zone-de-la-gare"}


def test_filters_from_query_data():
    filters = site_filters(
        {"q": " forges ", "access": ["rail"], "utility": ["gas"], "ready": True, "region": None}
    )
    assert filters == SiteFilters(
        q="forges", access=frozenset({"rail"}), utilities=frozenset({"gas"}), ready=True
    )


def test_catalogue_figures(data):
    figures = selectors.catalogue_figures(selectors.site_list())
    assert figures == {"count": 3, "ready": 2, "hectares": Decimal(48)}
    empty = selectors.catalogue_figures(selectors.site_list(SiteFilters(region="01")))
    assert empty == {"count": 0, "ready": 0, "hectares": Decimal(0)}


def test_waves_count_recorded_sites(data):
    waves = {w.code: w for w in selectors.wave_list()}
    assert [w.announced_count for w in waves.values()] == [12, 66, 49]
    assert [w.cumulative_count for w in waves.values()] == [12, 78, 127]
    assert (waves["2021"].recorded, waves["2021"].withdrawn) == (1, 1)
    assert waves["2020-01"].recorded == 1


def test_the_site_territory_is_the_commune_territory(data, world):
    from tipilot.territories.selectors import territory_of_commune

    assert territory_of_commune(data.gare.commune) == world.t2
    outside = CommuneFactory(department=data.gare.commune.department)
    assert territory_of_commune(outside) is None
