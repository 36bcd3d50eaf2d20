"""The bilan pages: national, regional and territory figures, filters, CSV, print."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_urls():
    assert reverse("bilan") == "/bilan/"
    assert reverse("bilan-csv") == "/bilan/bilan.csv"
    assert reverse("territory-bilan", args=["ti-8401"]) == "/territoires/ti-8401/bilan/"


def test_national_bilan_shows_figures_charts_and_tables(client, world, bilan_data):
    response = client.get("/bilan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bilan d'étape — France entière" in html
    assert 'id="figure-actions">4<' in html
    assert 'id="figure-committed"><span title="145\xa0000 €">145\xa0000\xa0€</span>' in html
    assert 'id="bilan-figures"' in html and "vendor/chartjs/chart.umd.js" in html
    for table in ("money-groups", "actions", "trend", "jobs", "breakdown"):
        assert f'id="table-{table}"' in html
    assert 'data-chart="money-groups"' in html
    assert 'href="/bilan/?generation=2018-2022"' in html  # where the targets are read
    assert "Auvergne-Rhône-Alpes" in html and 'href="/bilan/?region=84"' in html
    assert 'href="/bilan/bilan.csv"' in html
    assert "Imprimer" in html and "web/bilan.css" in html
    assert response.context["figures"]["actions"]["total"] == 4


def test_region_filter(client, world, bilan_data):
    response = client.get("/bilan/?region=84")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["scope"]["label"] == "Auvergne-Rhône-Alpes"
    assert figures["actions"]["total"] == 2
    html = response.content.decode()
    assert 'id="figure-actions">2<' in html
    assert '<option value="84" selected>' in html
    assert 'href="/territoires/ti-8401/bilan/?generation=2023-2027"' in html
    assert 'href="/bilan/bilan.csv?region=84"' in html
    assert 'id="table-targets"' not in html


def test_generation_filter(client, world, bilan_data):
    response = client.get("/bilan/?generation=2018-2022")
    assert response.context["figures"]["actions"]["total"] == 0
    html = response.content.decode()
    assert 'id="table-targets"' in html and 'data-gauge="0"' in html
    assert "1\xa0416 projets" in html
    response = client.get("/bilan/?generation=2023-2027&region=27")
    assert response.context["figures"]["actions"]["total"] == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=99", "Région inconnue : « 99 »."),
        ("generation=1900", "Génération inconnue : « 1900 »."),
    ],
)
def test_bad_filters_get_a_french_error(client, world, query, message):
    response = client.get(f"/bilan/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get(f"/bilan/bilan.csv?{query}").status_code == 400


def test_territory_bilan(client, world, bilan_data):
    response = client.get("/territoires/ti-2701/bilan/")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures["scope"]["territory"]["identifier"] == "ti-2701"
    assert figures["actions"]["total"] == 2
    html = response.content.decode()
    assert 'id="table-breakdown"' not in html
    assert 'href="/territoires/ti-2701/bilan/bilan.csv?generation=2023-2027"' in html
    assert client.get("/territoires/ti-9999/bilan/").status_code == 404
    assert client.get("/territoires/ti-2701/bilan/?generation=2018-2022").status_code == 404


def test_csv_download(client, world, bilan_data):
    response = client.get("/bilan/bilan.csv?region=84")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="bilan-region-84-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["rubrique", "ligne", "indicateur", "valeur"]
    assert ["Actions", "Toutes", "nombre", "2"] in rows
    assert ["Financements par groupe", "État", "engagé (€)", "80000"] in rows
    assert ["Emplois", "Créés", "prévus", "13"] in rows
    assert ["Territoires fragiles", "Actions", "part", "0,5"] in rows
    assert ["Par territoire", "Territoire ti-8401 (ti-8401)", "engagé (€)", "130000"] in rows


def test_territory_csv(client, world, bilan_data):
    response = client.get("/territoires/ti-2701/bilan/bilan.csv")
    rows = csv_rows(response)
    assert ["Actions", "Toutes", "nombre", "2"] in rows
    assert ["Relocalisations", "Actions", "nombre", "0"] in rows


def test_freeze_button_only_for_those_allowed(client, world, bilan_data):
    assert 'id="freeze-form"' not in client.get("/bilan/").content.decode()
    client.force_login(world.pilot)
    assert 'id="freeze-form"' not in client.get("/bilan/").content.decode()
    assert 'id="freeze-form"' in client.get("/bilan/?region=84").content.decode()
    assert 'id="freeze-form"' not in client.get("/bilan/?region=27").content.decode()
    client.force_login(world.national)
    assert 'id="freeze-form"' in client.get("/bilan/").content.decode()


@pytest.mark.parametrize("url", ["/bilan/", "/bilan/?region=84"])
def test_page_queries_do_not_grow_with_the_data(client, world, url, django_assert_num_queries):
    from tests.actions.factories import ActionFactory, FundingLineFactory
    from tests.querycount import queries_for

    def add(count):
        for territory in (world.t1, world.t2, world.t3):
            for _ in range(count):
                action = ActionFactory(territory=territory, jobs_created_planned=2)
                FundingLineFactory(action=action)

    add(1)
    first = queries_for(client, url)
    add(10)
    assert queries_for(client, url) == first
    assert first <= 17  # 10 aggregate queries of the bilan, 2 for its deployments, the page


def test_an_empty_programme_still_reads_well(client, world):
    response = client.get("/bilan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="figure-actions">0<' in html
    assert "Aucun engagement daté pour l'instant." in html
    assert "Aucune ligne de financement." in html
    assert 'id="figure-fragile">—<' in html
    assert client.get("/bilan/bilan.csv").status_code == 200
