"""Data for the contracts and COPIL API tests: a contract through its whole early life, with
people whose names are public (public office) and people whose names are not."""

import datetime as dt
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.governance.factories import OrganisationFactory, PersonFactory
from tipilot.contracts.services import contract_transition, document_add, signatory_add
from tipilot.governance.services import copil_decision_add, copil_meeting_save

DAY = dt.date(2024, 6, 3)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def api_for(user) -> APIClient:
    """A client that writes as ``user`` with a token, as a script would."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def fill(world) -> SimpleNamespace:
    """Contract ti-8401 submitted, validated by the COPIL of region 84 and signed, with two
    signatories and a document; ti-2701's draft with a private document; a COPIL meeting
    with its members present and minutes. MEDIA_ROOT must point to a temporary folder."""
    elected = PersonFactory(
        first_name="Élise", last_name="Publique", public_office=True, phone="04 70 00 00 01"
    )
    clerk = PersonFactory(first_name="Paul", last_name="Discret", phone="01 23 45 67 89")
    signatory_add(
        contract=world.contract, organisation=OrganisationFactory(name="Région AURA"),
        representative=elected, capacity="Présidente", by=world.pilot,
    )  # fmt: skip
    signatory_add(
        contract=world.contract, organisation=OrganisationFactory(name="CCI locale"),
        representative=clerk, capacity="Directeur", by=world.pilot,
    )  # fmt: skip
    meeting = copil_meeting_save(
        by=world.pilot, region=world.region_a, date=DAY, place="Lyon", agenda="Contrats",
        members_present=[clerk, elected], minutes=pdf("cr.pdf"),
    )  # fmt: skip
    contract = contract_transition(
        contract=world.contract, name="submit", by=world.team, on=DAY, comment="Prêt"
    )
    copil_decision_add(
        meeting=meeting, kind="validate_contract", contract=contract, text="Validé", by=world.pilot
    )
    contract.refresh_from_db()
    contract = contract_transition(contract=contract, name="sign", by=world.pilot, on=DAY)
    document_add(
        contract=contract, kind="contract", title="Contrat signé", file=pdf(), by=world.pilot
    )
    document_add(
        contract=world.other_contract, kind="contract", title="Brouillon confidentiel",
        file=pdf(), by=world.other_pilot,
    )  # fmt: skip
    return SimpleNamespace(
        world=world, contract=contract, meeting=meeting, elected=elected, clerk=clerk
    )
