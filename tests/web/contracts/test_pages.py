"""Contract pages: public record without personal data, editing with conflict detection,
document checks, and the lifecycle through the forms."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.contracts.factories import ContractFactory
from tests.governance.factories import OrganisationFactory, PersonFactory
from tests.querycount import queries_for
from tipilot.contracts.models import ContractDocument
from tipilot.contracts.services import contract_transition, contract_update, signatory_add

PDF = b"%PDF-1.4\n%%EOF\n"
DAY = dt.date(2024, 6, 3)


def close_quietly(response):
    """Close a streamed file response without the request_finished signal closing the
    test's database connection (what Django's test client itself does)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        signals.request_finished.connect(close_old_connections)


def _detail(world):
    return reverse("contract-detail", args=[world.contract.pk])


def test_public_page_shows_no_personal_data(world, client):
    elected = PersonFactory(first_name="Élise", last_name="Publique", public_office=True)
    clerk = PersonFactory(first_name="Paul", last_name="Privé", email="paul@prive.example")
    signatory_add(
        contract=world.contract, organisation=OrganisationFactory(name="Région"),
        representative=elected, by=world.pilot,
    )  # fmt: skip
    signatory_add(
        contract=world.contract, organisation=OrganisationFactory(name="CCI"),
        representative=clerk, by=world.pilot,
    )  # fmt: skip
    contract_transition(contract=world.contract, name="submit", by=world.team, on=DAY)
    html = client.get(_detail(world)).content.decode()
    assert "Élise Publique" in html
    assert "Paul Privé" not in html and "paul@prive.example" not in html
    assert world.team.username not in html  # the event's author is private
    assert "Historique des modifications" not in html
    client.force_login(world.pilot)
    html = client.get(_detail(world)).content.decode()
    assert "Paul Privé" in html and "Historique des modifications" in html


def test_edit_conflict_is_reported_and_nothing_is_overwritten(world, client):
    client.force_login(world.team)
    url = reverse("contract-edit", args=[world.contract.pk])
    form_version = world.contract.version
    contract_update(contract=world.contract, version=None, by=world.pilot, title="Titre du pilote")
    response = client.post(url, {"title": "Titre de l'équipe", "version": form_version})
    assert response.status_code == 409
    assert "modifié par quelqu&#x27;un d&#x27;autre" in response.content.decode()
    world.contract.refresh_from_db()
    assert world.contract.title == "Titre du pilote"


def test_non_pdf_and_oversized_uploads_are_refused(world, client, settings):
    client.force_login(world.team)
    url = reverse("contract-document-upload", args=[world.contract.pk])
    fake = SimpleUploadedFile("contrat.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(url, {"kind": "contract", "title": "Contrat", "file": fake})
    assert response.status_code == 400
    assert "n&#x27;est pas un PDF" in response.content.decode()
    settings.TIPILOT_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("contrat.pdf", PDF * 3, "application/pdf")
    response = client.post(url, {"kind": "contract", "title": "Contrat", "file": big})
    assert response.status_code == 400
    assert "la limite est de 10" in response.content.decode()
    assert not ContractDocument.objects.exists()


def test_draft_documents_are_private_until_signature(world, client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.team)
    client.post(
        reverse("contract-document-upload", args=[world.contract.pk]),
        {"kind": "contract", "title": "Projet", "file": SimpleUploadedFile("p.pdf", PDF)},
    )
    document = ContractDocument.objects.get()
    url = reverse("contract-document", args=[world.contract.pk, document.pk])
    response = client.get(url)
    assert response.status_code == 200
    close_quietly(response)
    assert Client().get(url).status_code == 404
    for name in ("submit", "validate", "sign"):
        contract_transition(contract=world.contract, name=name, by=world.pilot, on=DAY)
    response = Client().get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    close_quietly(response)


def test_illegal_transition_by_form_says_why(world, client):
    client.force_login(world.pilot)
    response = client.post(
        reverse("contract-transition", args=[world.contract.pk]),
        {"name": "sign", "on": DAY.isoformat(), "version": world.contract.version},
    )
    assert response.status_code == 400
    assert "impossible depuis l&#x27;état « En préparation »" in response.content.decode()


def test_only_offered_transitions_are_shown(world, client):
    client.force_login(world.team)
    html = client.get(_detail(world)).content.decode()
    assert 'id="transition-submit"' in html and 'id="transition-validate"' not in html
    client.force_login(world.pilot)
    html = client.get(_detail(world)).content.decode()
    assert 'id="transition-submit"' in html


def test_forms_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.pilot)
    response = client.post(
        reverse("contract-transition", args=[world.contract.pk]),
        {"name": "submit", "on": DAY.isoformat(), "version": 1},
    )
    assert response.status_code == 403
    world.contract.refresh_from_db()
    assert world.contract.state == "preparation"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["contract-list", "copil-list"])
def test_lists_run_a_constant_number_of_queries(client, url_name):
    from tests.factories import make_programme
    from tests.governance.factories import CopilMeetingFactory

    def grow(n):
        for territory in make_programme(n):
            ContractFactory(territory=territory)
            CopilMeetingFactory(region=territory.regions.first())

    grow(2)
    first = queries_for(client, reverse(url_name))
    grow(8)
    assert queries_for(client, reverse(url_name)) == first
