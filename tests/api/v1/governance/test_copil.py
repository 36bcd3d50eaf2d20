"""COPIL meetings through the API: the public record, private parts for the region's teams,
writes through the services."""

import pytest

from tests.api.v1.governance.records import api_for, fill
from tests.governance.factories import PersonFactory
from tipilot.governance.models import CopilDecision, CopilMeeting

LIST = "/api/v1/copil-meetings/"


@pytest.fixture
def filled(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return fill(world)


def test_public_record_without_members_or_minutes(filled, client):
    [meeting] = client.get(LIST).json()["results"]
    assert meeting["region"] == {"code": "84", "name": "Auvergne-Rhône-Alpes"}
    assert (meeting["date"], meeting["place"], meeting["agenda"]) == (
        "2024-06-03",
        "Lyon",
        "Contrats",
    )
    assert meeting["members_present"] is None and meeting["minutes_url"] is None
    assert meeting["decisions"] == [
        {
            "id": CopilDecision.objects.get().pk,
            "kind": "validate_contract",
            "kind_label": "Validation d'un contrat",
            "text": "Validé",
            "territory": "ti-8401",
            "contract": filled.contract.pk,
            "amendment": None,
        }
    ]
    assert client.get(f"{LIST}{filled.meeting.pk}/").json() == meeting


@pytest.mark.parametrize(
    ("role", "private"),
    [("national", True), ("pilot", True), ("copil", True), ("other_pilot", False), ("team", False)],
)
def test_members_and_minutes_for_the_region_teams(filled, role, private):
    meeting = api_for(getattr(filled.world, role)).get(f"{LIST}{filled.meeting.pk}/").json()
    if private:
        assert sorted(meeting["members_present"]) == ["Paul Discret", "Élise Publique"]
        assert meeting["minutes_url"].endswith(f"/copil/{filled.meeting.pk}/compte-rendu/")
    else:
        assert meeting["members_present"] is None and meeting["minutes_url"] is None


@pytest.mark.parametrize(
    ("query", "count"),
    [("", 1), ("region=84", 1), ("region=27", 0), ("year=2024", 1), ("year=2023", 0)],
)
def test_filters(filled, client, query, count):
    assert client.get(f"{LIST}?{query}").json()["count"] == count


def test_bad_year_is_400(world, client):
    assert client.get(f"{LIST}?year=soon").status_code == 400


def test_create_and_patch(world):
    api = api_for(world.pilot)
    person = PersonFactory()
    data = {
        "region": "84",
        "date": "2024-09-12",
        "agenda": "Avenants",
        "members_present": [person.pk],
    }
    response = api.post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["members_present"] == [str(person)]
    url = f"{LIST}{body['id']}/"
    response = api.patch(url, {"place": "Clermont-Ferrand"}, format="json")
    assert response.status_code == 200, response.content
    meeting = CopilMeeting.objects.get()
    assert (meeting.place, meeting.agenda, str(meeting.date)) == (
        "Clermont-Ferrand",
        "Avenants",
        "2024-09-12",
    )
    assert list(meeting.members_present.all()) == [person]
    assert api.put(url, data, format="json").status_code == 405
    assert api.delete(url).status_code == 405


def test_pilot_cannot_move_a_meeting_to_another_region(world):
    meeting = (
        api_for(world.national)
        .post(LIST, {"region": "84", "date": "2024-09-12", "agenda": "Avenants"}, format="json")
        .json()
    )
    response = api_for(world.pilot).patch(
        f"{LIST}{meeting['id']}/", {"region": "27"}, format="json"
    )
    assert response.status_code == 403
    assert CopilMeeting.objects.get().region == world.region_a


def test_bad_meeting_input_is_400(world):
    api = api_for(world.national)
    assert "agenda" in api.post(LIST, {"region": "84", "date": "2024-09-12"}, format="json").json()
    response = api.post(LIST, {"region": "99", "date": "2024-09-12", "agenda": "x"}, format="json")
    assert response.status_code == 400 and "region" in response.json()
    assert not CopilMeeting.objects.exists()


def test_validating_a_contract_moves_it_to_validated(world):
    api = api_for(world.pilot)
    meeting = api.post(
        LIST, {"region": "84", "date": "2024-06-03", "agenda": "Contrats"}, format="json"
    ).json()
    url = f"{LIST}{meeting['id']}/decisions/"
    decision = {"kind": "validate_contract", "contract": world.contract.pk, "text": "Validé"}
    response = api.post(url, decision, format="json")
    assert response.status_code == 400  # still in preparation
    assert "impossible depuis l'état « En préparation »" in response.json()["transition"][0]
    assert not CopilDecision.objects.exists()
    api_for(world.team).post(
        f"/api/v1/contracts/{world.contract.pk}/transition/", {"name": "submit", "on": "2024-06-01"}
    )
    response = api.post(url, decision, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["territory"] == "ti-8401"
    world.contract.refresh_from_db()
    assert world.contract.state == "validated"


def test_decision_outside_the_region_or_without_its_object_is_400(world):
    api = api_for(world.national)
    meeting = api.post(
        LIST, {"region": "84", "date": "2024-06-03", "agenda": "Contrats"}, format="json"
    ).json()
    url = f"{LIST}{meeting['id']}/decisions/"
    response = api.post(
        url, {"kind": "composition_change", "territory": world.t3.pk, "text": "x"}, format="json"
    )
    assert response.status_code == 400
    assert "ne relève pas de la région" in response.json()["territory"][0]
    response = api.post(url, {"kind": "validate_contract", "text": "x"}, format="json")
    assert response.status_code == 400 and "contract" in response.json()
    assert not CopilDecision.objects.exists()
