import pytest

from tests.querycount import assert_constant_queries
from tipilot.territories.models import Territory


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_home_shows_figures_computed_from_the_database(client, programme):
    html = _html(client, "/")
    assert "Territoires d&#x27;industrie 2023-2027" in html
    assert '<p class="tp-figure">2</p>' in html  # two labelled territories per generation
    assert "22 novembre 2018" in html  # labelling waves
    assert "Bourgogne-Franche-Comté" in html


def test_list_searches_territory_epci_commune_and_department_names(client, programme):
    html = _html(client, "/territoires/")
    assert "Ain Industries" in html and "Nevers Val de Loire" in html
    assert "Monts du Lyonnais" not in html  # withdrawn: hidden by default
    assert "Monts du Lyonnais" in _html(client, "/territoires/?statut=tous")
    cercy = _html(client, "/territoires/?q=cercy")
    assert "Nevers Val de Loire" in cercy and "Ain Industries" not in cercy
    rhone = _html(client, "/territoires/?q=rhone&generation=2023-2027")
    assert "Ain Industries" in rhone and "Nevers" not in rhone
    by_epci = _html(client, "/territoires/?q=CA%20Beta")
    assert "Ain Industries" in by_epci
    region = _html(client, "/territoires/?region=27&generation=2018-2022")
    assert ">Nevers<" in region and "Ain - Bugey" not in region
    assert "/api/v1/territories.csv?region=27" in region


def test_territory_page_shows_composition_history_and_map(client, programme):
    html = _html(client, "/territoires/ti-2701/")
    assert "Nevers Val de Loire" in html
    assert "Cercy-la-Tour" in html and "04/07/2024" in html
    assert "Entrée d&#x27;un membre" in html or "Entrée d'un membre" in html
    assert 'id="territory-outline"' in html
    withdrawn = _html(client, "/territoires/ti-8402/")
    assert "Sorti du programme le 04/07/2024" in withdrawn


def test_identifier_reused_across_generations(client, programme):
    latest = _html(client, "/territoires/ti-8401/")
    assert "Ain Industries" in latest
    assert "Un autre territoire portait cet identifiant en 2018-2022" in latest
    older = _html(client, "/territoires/ti-8401/?generation=2018-2022")
    assert "Ain - Bugey" in older and "CC Ancienne" in older
    assert "disparu depuis le millésime 2022" in older


def test_region_and_map_pages(client, programme):
    html = _html(client, "/regions/27/")
    assert "Bourgogne-Franche-Comté" in html and "Nevers Val de Loire" in html
    assert "Ain Industries" not in html
    map_html = _html(client, "/carte/")
    assert 'id="map-search"' in map_html
    assert "/api/v1/territories.geojson?generation=2023-2027" in map_html


@pytest.mark.parametrize("url", ["/territoires/ti-9999/", "/regions/99/"])
def test_unknown_pages_are_404(client, programme, url):
    _html(client, url, status=404)


def test_demo_banner_only_with_demo_data(client, programme):
    assert 'id="demo-banner"' not in _html(client, "/")
    Territory.objects.filter(identifier="ti-2701").update(is_demo=True)
    assert 'id="demo-banner"' in _html(client, "/")


@pytest.mark.parametrize(
    "url", ["/", "/territoires/", "/regions/84/", "/carte/", "/territoires/{first}/"]
)
def test_page_queries_do_not_grow_with_data(client, db, url):
    # The territory page is the dearest: one query per block (composition, history, contract,
    # binôme, actions, funding, sites, deployments, laureates, derogations) and the layout's.
    assert assert_constant_queries(client, url) <= 17


def test_list_page_exact_query_count(client, db, django_assert_num_queries):
    from tests.factories import make_programme

    make_programme(4)
    with django_assert_num_queries(8):
        client.get("/territoires/")


def test_favicon_is_the_dsfr_one(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.url == "/static/dsfr/dist/favicon/favicon.ico"
