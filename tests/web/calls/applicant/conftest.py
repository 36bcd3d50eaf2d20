"""A call of the fonds d'accélération with its form (text, choice, file questions) and a
complete draft by an applicant of ti-8401."""

from decimal import Decimal
from html import unescape
from types import SimpleNamespace

import pytest

from tests.calls.factories import CallFactory, QuestionFactory
from tests.governance.factories import siren_with_key, user_with_role
from tipilot.calls.enums import QuestionKind
from tipilot.calls.services import applications as services
from tipilot.geo.models import Commune

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def text(response) -> str:
    return unescape(response.content.decode())


def commune_in(territory):
    return Commune.objects.filter(epci__territory_memberships__territory=territory).first()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def filled(world):
    call = CallFactory(
        slug="fonds-2027",
        title="Fonds d'accélération 2027",
        amount_max=Decimal(800_000),
        naf_prefixes=["25"],
    )
    motivation = QuestionFactory(call=call, label="Motivation", kind=QuestionKind.LONG_TEXT)
    sector = QuestionFactory(
        call=call, label="Filière", kind=QuestionKind.CHOICE, choices=["Métal", "Bois"]
    )
    plan = QuestionFactory(call=call, label="Plan de financement", kind=QuestionKind.FILE)
    applicant = user_with_role(None)
    draft = services.application_create(
        call=call,
        by=applicant,
        title="Ligne de découpe laser",
        organisation_data={"siren": siren_with_key(88_000_001), "name": "Tôlerie", "kind": "firm"},
    )
    draft = services.application_save(
        application=draft,
        by=applicant,
        summary="Une ligne.",
        commune=commune_in(world.t1),
        naf_code="25.62A",
        amount_requested=Decimal(200_000),
        total_cost=Decimal(900_000),
    )
    return SimpleNamespace(
        world=world,
        call=call,
        motivation=motivation,
        sector=sector,
        plan=plan,
        applicant=applicant,
        draft=draft,
    )
