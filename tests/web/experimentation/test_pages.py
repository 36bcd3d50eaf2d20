"""France Expérimentation pages: search, filters, detail with similar requests, edit pages."""

import json

import pytest

from tests.experimentation.factories import DerogationFactory
from tests.querycount import queries_for
from tipilot.experimentation.enums import RequestStatus as S
from tipilot.experimentation.enums import Theme
from tipilot.experimentation.models import DerogationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_(world):
    return world, {
        "height": DerogationFactory(
            territory=world.t1, title="Hauteur en zone d'activités", theme=Theme.URBANISM,
            rule="Le PLU limite la hauteur des bâtiments.",
            legal_reference="Code de l'urbanisme, art. L. 152-6",
            answer="Dérogation accordée jusqu'à 28 mètres.",
        ),
        "height2": DerogationFactory(
            territory=world.t3, title="Hauteur d'un silo", theme=Theme.OTHER,
            legal_reference="Code de l'urbanisme, art. L. 152-6",
        ),
        "energy": DerogationFactory(territory=world.t3, title="Raccordement", theme=Theme.ENERGY),
        "hidden": DerogationFactory(territory=world.t2, title="Demande non publiée",
                                    is_public=False),
    }  # fmt: skip


def test_list_search_and_filters(client, requests_):
    html = client.get("/france-experimentation/").content.decode()
    assert 'id="derogation-count">3 demandes.' in html and "Demande non publiée" not in html
    html = client.get("/france-experimentation/?q=batiments").content.decode()
    assert 'id="derogation-count">1 demande.' in html and "Hauteur en zone" in html
    html = client.get("/france-experimentation/?q=28 metres").content.decode()
    assert "Hauteur en zone" in html  # the answer is searched too
    html = client.get("/france-experimentation/?theme=energy&region=27").content.decode()
    assert 'id="derogation-count">1 demande.' in html and "Raccordement" in html
    url = "/france-experimentation/?territoire=ti-8401&statut=accepted"
    html = client.get(url).content.decode()
    assert 'id="derogation-count">1 demande.' in html


def test_bad_filters(client, requests_):
    response = client.get("/france-experimentation/?theme=astrologie&territoire=xx")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Identifiant de territoire attendu" in html and "Sélectionnez un choix valide" in html


def test_detail_with_similar_requests(client, requests_):
    world, rows = requests_
    html = client.get(f"/france-experimentation/{rows['height'].pk}/").content.decode()
    assert "Code de l&#x27;urbanisme, art. L. 152-6" in html
    assert "Dérogation accordée jusqu&#x27;à 28 mètres." in html
    similar = html[html.index('id="similar-requests"') :]
    assert "Hauteur d&#x27;un silo" in similar and "même référence juridique" in similar
    assert "Raccordement" not in similar
    assert client.get(f"/france-experimentation/{rows['hidden'].pk}/").status_code == 404


def test_pilot_sees_its_unpublished_requests(client, requests_):
    world, rows = requests_
    client.force_login(world.pilot)
    html = client.get("/france-experimentation/").content.decode()
    assert "Demande non publiée" in html and "non publiée</span>" in html
    assert client.get(f"/france-experimentation/{rows['hidden'].pk}/").status_code == 200
    client.force_login(world.other_pilot)
    assert client.get(f"/france-experimentation/{rows['hidden'].pk}/").status_code == 404


def test_pilot_records_and_answers_a_request(client, requests_):
    world, rows = requests_
    client.force_login(world.pilot)
    form = {
        "title": "Travail du dimanche", "theme": "labour",
        "rule": "Repos dominical.", "legal_reference": "Code du travail, art. L. 3132-3",
        "project": "Démarrage d'une ligne d'extrusion.", "territory": world.t1.pk,
        "submitted_on": "2023-02-01", "status": "submitted",
    }  # fmt: skip
    response = client.post("/france-experimentation/nouvelle/", form)
    created = DerogationRequest.objects.get(title="Travail du dimanche")
    assert response.status_code == 302 and created.reference == "FE-2023-001"
    answer = {**form, "status": "accepted", "answer": "Accordée pour six semaines.",
              "answered_on": "2023-03-15", "is_public": "on"}  # fmt: skip
    response = client.post(f"/france-experimentation/{created.pk}/modifier/", answer)
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.is_public and created.status == S.ACCEPTED
    client.logout()
    assert "Travail du dimanche" in client.get("/france-experimentation/").content.decode()


def test_bad_input_in_french(client, requests_):
    world, rows = requests_
    client.force_login(world.national)
    response = client.post(f"/france-experimentation/{rows['energy'].pk}/modifier/", {
        "title": "Raccordement", "theme": "energy", "rule": "R", "legal_reference": "L",
        "project": "P", "submitted_on": "2021-03-01", "status": "refused",
        "answered_on": "2021-01-01",
    })  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez la réponse donnée." in html
    assert "La date de réponse précède la date de dépôt." in html


def test_pilot_cannot_record_for_another_region(client, requests_):
    world, rows = requests_
    client.force_login(world.pilot)
    response = client.post("/france-experimentation/nouvelle/", {
        "title": "T", "theme": "tax", "rule": "R", "legal_reference": "L", "project": "P",
        "territory": world.t3.pk, "submitted_on": "2023-01-01", "status": "submitted",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Choisissez un territoire de votre région." in response.content.decode()
    assert client.get(f"/france-experimentation/{rows['energy'].pk}/modifier/").status_code == 403


@pytest.mark.parametrize(("user", "status"), [("team", 403), ("copil", 403), ("nobody", 403)])
def test_others_cannot_record(client, world, user, status):
    client.force_login(getattr(world, user))
    assert client.get("/france-experimentation/nouvelle/").status_code == status


def test_downloads_are_public_requests_only(client, requests_):
    body = b"".join(
        client.get("/france-experimentation/france-experimentation.csv").streaming_content
    ).decode()
    assert body.startswith("\ufeffréférence;intitulé;thème") and "non publiée" not in body
    assert body.count("\r\n") == 4
    rows = json.loads(
        b"".join(
            client.get(
                "/france-experimentation/france-experimentation.json?theme=energy"
            ).streaming_content
        )
    )
    assert [r["title"] for r in rows] == ["Raccordement"] and rows[0]["regions"] == "27"
    xlsx = client.get("/france-experimentation/france-experimentation.xlsx")
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"


def test_formulas_are_neutralised(client, world):
    DerogationFactory(title='=HYPERLINK("http://x")')
    body = b"".join(
        client.get("/france-experimentation/france-experimentation.csv").streaming_content
    ).decode()
    assert "'=HYPERLINK" in body


def test_list_queries_do_not_grow(client, world):
    DerogationFactory.create_batch(2, territory=world.t1)
    first = queries_for(client, "/france-experimentation/")
    DerogationFactory.create_batch(20, territory=world.t3)
    assert queries_for(client, "/france-experimentation/") == first
