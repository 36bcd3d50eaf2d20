"""The calls demo: real timelines through the services, every stage, idempotent."""

import pytest
from django.contrib.auth import get_user_model

from tipilot.actions.models import Action
from tipilot.calls.demo import calls_demo
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.enums import EventKind, QuestionKind
from tipilot.calls.models import Application, Call, Opinion, Score
from tipilot.calls.selectors.instruction import desk_list

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_opens_three_calls_with_applications_at_every_stage(world, client):
    summary = calls_demo(accounts=True)
    assert "appels 3" in summary and "lauréat" in summary
    assert "candidat@demo.tipilot.fr" in summary and "demo-tipilot-2026" in summary
    fonds = Call.objects.get(slug="fonds-acceleration-2026")
    assert fonds.is_published and fonds.is_demo and fonds.operator == world.operator
    assert set(fonds.questions.values_list("kind", flat=True)) == set(QuestionKind.values)
    assert fonds.criteria.count() == 4
    assert Call.objects.get(slug="ami-antennes-cnam").windows.count() == 3
    statuses = set(Application.objects.values_list("status", flat=True))
    assert statuses == set(S.values)
    assert not Application.objects.filter(is_demo=False).exists()
    laureates = Application.objects.filter(status=S.LAUREATE)
    assert laureates.count() == 3
    for laureate in laureates:
        action = Action.objects.get(pk=laureate.action_id)
        assert action.is_demo and action.funding_lines.get().amount_committed > 0
        kinds = set(laureate.events.values_list("kind", flat=True))
        assert {EventKind.CREATED, EventKind.SUBMITTED, EventKind.ELIGIBLE, EventKind.DECIDED,
                EventKind.ACTION_CREATED} <= kinds  # fmt: skip
    assert Score.objects.exists() and Opinion.objects.filter(role="territory").exists()
    reopened = Application.objects.get(status=S.DRAFT, submissions__isnull=False)
    assert reopened.events.filter(kind=EventKind.REOPENED).exists()
    closed = Application.objects.get(call__slug="ami-ecoles-de-production", status=S.LAUREATE)
    assert (
        closed.window.closes_at < closed.decided_at
        and closed.submitted_at <= closed.window.closes_at
    )


def test_the_demo_instructor_instructs_the_open_call(world, client):
    calls_demo(accounts=True)
    instructor = get_user_model().objects.get(username="instructeur@demo.tipilot.fr")
    assert instructor.check_password("demo-tipilot-2026")
    mine = desk_list(instructor)
    assert {a.call.slug for a in mine} == {"fonds-acceleration-2026"}
    assert S.DRAFT in {a.status for a in mine}  # the reopened one, « Rouverte »
    assert client.login(username="candidat@demo.tipilot.fr", password="demo-tipilot-2026")
    client.force_login(instructor)
    in_review = Application.objects.get(status=S.IN_REVIEW)
    body = client.get(f"/appels/instruction/{in_review.reference}/").content.decode()
    assert 'id="decision-form"' in body and 'id="score-form"' in body


def test_a_second_run_creates_nothing(world):
    calls_demo(accounts=True)
    count = Application.objects.count()
    assert "déjà en place" in calls_demo(accounts=True)
    assert Application.objects.count() == count


def test_without_accounts_the_calls_open_without_applications(world, monkeypatch):
    monkeypatch.setenv("TIPILOT_DEMO_ACCOUNTS", "0")
    summary = calls_demo()
    assert "aucune candidature" in summary
    assert Call.objects.filter(is_demo=True).count() == 3
    assert not Application.objects.exists()
    assert not get_user_model().objects.filter(username__endswith="@demo.tipilot.fr").exists()
