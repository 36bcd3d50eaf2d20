"""Contracts through the API: public reads, filters, and writes that go through the services
(the lifecycle cannot be bypassed; conflicts answer 409, bad input 400)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.api.v1.governance.records import DAY, PDF, api_for, fill, pdf
from tests.governance.factories import OrganisationFactory, PersonFactory
from tipilot.contracts.models import Contract, ContractEvent, Signatory
from tipilot.governance.models import CopilMeeting

LIST = "/api/v1/contracts/"


def detail(contract) -> str:
    return f"{LIST}{contract.pk}/"


@pytest.fixture
def filled(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return fill(world)


def test_public_list_and_detail(filled, client):
    body = client.get(LIST).json()
    assert body["count"] == 2
    signed = client.get(detail(filled.contract)).json()
    assert signed["territory"] == {
        "generation": "2023-2027",
        "identifier": "ti-8401",
        "name": "Territoire ti-8401",
    }
    assert signed["regions"] == ["84"]
    assert (signed["state"], signed["state_label"]) == ("signed", "Signé")
    assert (signed["signed_on"], signed["calendar_status"]) == ("2024-06-03", "signed")
    assert signed["version"] == filled.contract.version
    representatives = {s["organisation"]: s["representative"] for s in signed["signatories"]}
    assert representatives == {"Région AURA": "Élise Publique", "CCI locale": None}
    assert {s["siren"] for s in signed["signatories"]} != {""}
    [document] = signed["documents"]
    assert document["title"] == "Contrat signé" and document["url"].startswith("http://")
    download = client.get(document["url"])
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    download.close()
    listed = next(c for c in body["results"] if c["id"] == filled.contract.pk)
    assert listed == signed


def test_draft_documents_only_for_those_who_follow_the_contract(filled, client):
    url = detail(filled.world.other_contract)
    assert client.get(url).json()["documents"] == []
    assert api_for(filled.world.pilot).get(url).json()["documents"] == []  # region 84's pilot
    for reader in ("other_pilot", "national"):
        documents = api_for(getattr(filled.world, reader)).get(url).json()["documents"]
        assert [d["title"] for d in documents] == ["Brouillon confidentiel"], reader


def test_events_name_their_author_only_for_private_readers(filled, client):
    url = f"{detail(filled.contract)}events/"
    public = client.get(url).json()
    assert [(e["transition"], e["source"], e["target"]) for e in public] == [
        ("submit", "preparation", "submitted"),
        ("validate", "submitted", "validated"),
        ("sign", "validated", "signed"),
    ]
    assert public[0]["comment"] == "Prêt" and {e["author"] for e in public} == {None}
    private = api_for(filled.world.copil).get(url).json()
    assert private[0]["author"] == filled.world.team.username
    assert api_for(filled.world.other_pilot).get(url).json()[0]["author"] is None


@pytest.mark.parametrize(
    ("query", "identifiers"),
    [
        ("", {"ti-8401", "ti-2701"}),
        ("region=84", {"ti-8401"}),
        ("region=27&state=preparation", {"ti-2701"}),
        ("generation=2023-2027", {"ti-8401", "ti-2701"}),
        ("generation=2018-2022", set()),
        ("state=signed", {"ti-8401"}),
        ("calendar_status=signed", {"ti-8401"}),
        ("calendar_status=unscheduled", {"ti-2701"}),
        ("calendar_status=late", set()),
    ],
)
def test_filters(filled, client, query, identifiers):
    body = client.get(f"{LIST}?{query}").json()
    assert {c["territory"]["identifier"] for c in body["results"]} == identifiers


@pytest.mark.parametrize("query", ["state=paused", "calendar_status=soon"])
def test_bad_filter_is_400(world, client, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_unknown_contract_is_404(world, client):
    assert client.get(f"{LIST}999999/").status_code == 404
    assert client.get(f"{LIST}999999/events/").status_code == 404


def test_create(world):
    api = api_for(world.pilot)
    data = {
        "generation": "2023-2027",
        "identifier": "ti-8402",
        "title": "Contrat ti-8402",
        "planned_signature_on": "2030-01-15",
    }
    response = api.post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["calendar_status"], body["version"]) == (
        "preparation",
        "planned",
        1,
    )
    assert Contract.objects.get(territory=world.t2).title == "Contrat ti-8402"
    again = api.post(LIST, data, format="json")
    assert again.status_code == 400
    assert again.json() == {"territory": ["Ce territoire a déjà un contrat."]}
    unknown = api.post(LIST, {**data, "identifier": "ti-0000"}, format="json")
    assert unknown.status_code == 404
    assert api.post(LIST, {"generation": "2023-2027"}, format="json").status_code == 400


def test_patch_changes_the_editable_fields_but_never_the_state(world):
    api = api_for(world.national)
    response = api.patch(
        detail(world.contract),
        {
            "title": "Nouveau",
            "summary": "Résumé",
            "state": "signed",
            "signed_on": "2024-01-01",
            "version": 1,
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "preparation"
    assert response.json()["version"] == 2
    world.contract.refresh_from_db()
    assert (world.contract.title, world.contract.summary) == ("Nouveau", "Résumé")
    assert world.contract.state == "preparation" and world.contract.signed_on is None
    assert not ContractEvent.objects.exists()


def test_patch_needs_a_version_and_put_delete_are_not_allowed(world):
    api = api_for(world.national)
    response = api.patch(detail(world.contract), {"title": "Sans version"}, format="json")
    assert response.status_code == 400 and "version" in response.json()
    assert api.put(detail(world.contract), {"title": "x", "version": 1}).status_code == 405
    assert api.delete(detail(world.contract)).status_code == 405
    world.contract.refresh_from_db()
    assert world.contract.title != "Sans version"


def test_stale_version_is_409_and_nothing_changes(world):
    api = api_for(world.pilot)
    url = detail(world.contract)
    assert api.patch(url, {"title": "A", "version": 1}, format="json").status_code == 200
    response = api.patch(url, {"title": "B", "version": 1}, format="json")
    assert response.status_code == 409
    assert "modifié par quelqu'un d'autre" in response.json()["detail"]
    world.contract.refresh_from_db()
    assert (world.contract.title, world.contract.version) == ("A", 2)
    moved = api.post(f"{url}transition/", {"name": "submit", "version": 1}, format="json")
    assert moved.status_code == 409
    world.contract.refresh_from_db()
    assert world.contract.state == "preparation"


def test_transitions_through_the_lifecycle(world):
    api = api_for(world.pilot)
    url = f"{detail(world.contract)}transition/"
    steps = [
        ({"name": "submit", "comment": "Prêt", "on": DAY.isoformat()}, "submitted"),
        ({"name": "validate", "on": DAY.isoformat()}, "validated"),
        ({"name": "sign", "on": DAY.isoformat()}, "signed"),
        ({"name": "start_amendment", "amendment_title": "Pack Rebond"}, "amending"),
        ({"name": "sign_amendment"}, "signed"),
        ({"name": "close"}, "closed"),
    ]
    for data, state in steps:
        response = api.post(url, data, format="json")
        assert response.status_code == 200, (data, response.content)
        assert response.json()["state"] == state
    body = response.json()
    assert body["signed_on"] == DAY.isoformat() and body["closed_on"] is not None
    assert [(a["number"], a["title"], a["state"]) for a in body["amendments"]] == [
        (1, "Pack Rebond", "signed")
    ]
    assert ContractEvent.objects.filter(contract=world.contract).count() == 6


def test_illegal_transition_is_400_with_the_reason(world):
    response = api_for(world.national).post(
        f"{detail(world.contract)}transition/", {"name": "sign"}, format="json"
    )
    assert response.status_code == 400
    assert "impossible depuis l'état « En préparation »" in response.json()["transition"][0]
    world.contract.refresh_from_db()
    assert world.contract.state == "preparation"


def test_bad_transition_input_is_400(world):
    api = api_for(world.national)
    url = f"{detail(world.contract)}transition/"
    assert "name" in api.post(url, {"name": "teleport"}, format="json").json()
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = api.post(url, {"name": "submit", "on": future}, format="json")
    assert response.status_code == 400 and "futur" in response.json()["on"][0]
    for name in ("submit", "validate", "sign"):
        api.post(url, {"name": name, "on": DAY.isoformat()}, format="json")
    response = api.post(url, {"name": "start_amendment"}, format="json")
    assert response.status_code == 400 and "amendment_title" in response.json()


def test_document_upload(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = f"{detail(world.contract)}documents/"
    response = api_for(world.team).post(
        url, {"kind": "annex", "title": "Annexe", "file": pdf()}, format="multipart"
    )
    assert response.status_code == 201, response.content
    assert response.json()["size"] == len(PDF) and response.json()["kind"] == "annex"
    assert world.contract.documents.get().title == "Annexe"


def test_non_pdf_or_oversized_upload_is_400(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    api = api_for(world.team)
    url = f"{detail(world.contract)}documents/"
    zip_file = SimpleUploadedFile("x.pdf", b"PK\x03\x04")
    response = api.post(url, {"kind": "contract", "title": "x", "file": zip_file})
    assert response.status_code == 400
    assert "n'est pas un PDF" in str(response.json())
    settings.TIPILOT_MAX_UPLOAD_BYTES = 10
    response = api.post(url, {"kind": "contract", "title": "x", "file": pdf()})
    assert response.status_code == 400
    assert "la limite est de 10" in str(response.json())
    assert not world.contract.documents.exists()


def test_signatories_add_and_remove(world):
    api = api_for(world.pilot)
    url = f"{detail(world.contract)}signatories/"
    organisation = OrganisationFactory(name="Département")
    person = PersonFactory(public_office=True, first_name="Jean", last_name="Élu")
    data = {"organisation": organisation.pk, "representative": person.pk, "capacity": "Président"}
    response = api.post(url, data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["representative"] == "Jean Élu"
    again = api.post(url, data, format="json")
    assert again.status_code == 400 and "signe déjà ce contrat" in again.json()["organisation"][0]
    assert api.post(url, {"organisation": 999999}, format="json").status_code == 400
    signatory = Signatory.objects.get()
    assert api.delete(f"{url}999999/").status_code == 404
    assert api.delete(f"{url}{signatory.pk}/").status_code == 204
    assert not Signatory.objects.exists()


def test_signed_contract_keeps_its_signatories(filled):
    signatory = filled.contract.signatories.first()
    url = f"{detail(filled.contract)}signatories/{signatory.pk}/"
    response = api_for(filled.world.pilot).delete(url)
    assert response.status_code == 400
    assert response.json() == ["Un contrat signé garde ses signataires."]
    assert Signatory.objects.filter(pk=signatory.pk).exists()


def test_team_writes_only_its_own_draft(world):
    api = api_for(world.team)
    other = api.patch(detail(world.other_contract), {"title": "x", "version": 1}, format="json")
    assert other.status_code == 403
    assert api.post(f"{detail(world.contract)}transition/", {"name": "submit"}).status_code == 200
    response = api.patch(detail(world.contract), {"title": "x", "version": 2}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Vous ne pouvez pas modifier ce contrat."}
    assert Contract.objects.filter(title="x").count() == 0


def test_token_from_password_then_write(world):
    from tests.governance.factories import PASSWORD

    api = APIClient()
    response = api.post(
        "/api/v1/auth/token/", {"username": world.team.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    url = f"{detail(world.contract)}transition/"
    assert api.post(url, {"name": "submit"}, format="json").status_code == 200
    wrong = APIClient().post(
        "/api/v1/auth/token/", {"username": world.team.username, "password": "x"}
    )
    assert wrong.status_code == 400 and "token" not in wrong.json()


def test_anonymous_and_bad_token_writes_are_refused(world):
    url = f"{detail(world.contract)}transition/"
    anonymous = APIClient().post(url, {"name": "submit"}, format="json")
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == "Token"
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert bad.post(url, {"name": "submit"}, format="json").status_code == 401
    world.contract.refresh_from_db()
    assert world.contract.state == "preparation"


def test_session_writes_need_csrf(world):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(world.pilot)
    url = f"{detail(world.contract)}transition/"
    assert api.post(url, {"name": "submit"}, format="json").status_code == 403
    world.contract.refresh_from_db()
    assert world.contract.state == "preparation"


def test_write_answers_match_the_schema(world, openapi, rf, settings, tmp_path):
    from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

    settings.MEDIA_ROOT = tmp_path
    api = api_for(world.pilot)

    def check(method, url, data=None, fmt="json"):
        response = getattr(api, method)(url, data, format=fmt)
        request = rf.generic(method.upper(), url)
        request.resolver_match = response.wsgi_request.resolver_match
        openapi.validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))
        return response.status_code

    url = detail(world.contract)
    new = {"generation": "2023-2027", "identifier": "ti-8402", "title": "Contrat"}
    assert check("post", LIST, new) == 201
    assert check("post", LIST, new) == 400
    assert check("patch", url, {"title": "A", "version": 1}) == 200
    assert check("patch", url, {"title": "B", "version": 1}) == 409
    assert check("patch", detail(world.other_contract), {"title": "B", "version": 1}) == 403
    assert check("post", f"{url}transition/", {"name": "submit"}) == 200
    assert (
        check(
            "post", f"{url}documents/", {"kind": "annex", "title": "A", "file": pdf()}, "multipart"
        )
        == 201
    )
    organisation = OrganisationFactory()
    assert check("post", f"{url}signatories/", {"organisation": organisation.pk}) == 201
    signatory = Signatory.objects.get()
    assert check("delete", f"{url}signatories/{signatory.pk}/") == 204
    meeting = {"region": "84", "date": dt.date.today().isoformat(), "agenda": "Contrats"}
    assert check("post", "/api/v1/copil-meetings/", meeting) == 201
    meeting_url = f"/api/v1/copil-meetings/{CopilMeeting.objects.get().pk}/"
    assert check("patch", meeting_url, {"place": "Lyon"}) == 200
    decision = {"kind": "validate_contract", "contract": world.contract.pk, "text": "Validé"}
    assert check("post", f"{meeting_url}decisions/", decision) == 201


def test_browsable_pages_render_for_a_signed_in_pilot(world, client):
    client.force_login(world.pilot)
    for url in (LIST, detail(world.contract), "/api/v1/copil-meetings/"):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        assert b"<html" in response.content
