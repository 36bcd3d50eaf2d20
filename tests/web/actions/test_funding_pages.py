"""The funding plan through the pages: the territory team writes the plan, the funder's
instructor (or a pilot) records the decision; « mes dossiers à instruire »."""

from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from tipilot.actions.enums import Decision
from tipilot.actions.models import FundingLine


def text(response) -> str:
    return unescape(response.content.decode())


def url(name, filled, line=None) -> str:
    args = [filled.action.external_id] + ([line.pk] if line else [])
    return reverse(name, args=args)


PLAN = {
    "funder_category": "eu",
    "instrument": "FEDER",
    "amount_requested": "250000",
    "requested_on": "2024-02-01",
}
DECISION = {
    "decision": "granted",
    "amount_committed": "300000",
    "committed_on": "2024-05-01",
    "amount_paid": "50000",
    "paid_on": "2024-06-01",
}


def test_team_adds_changes_and_removes_a_line(filled, client):
    client.force_login(filled.world.team)
    add = url("funding-line-add", filled)
    assert client.get(add).status_code == 200
    assert client.post(add, PLAN).status_code == 302
    line = FundingLine.objects.get(action=filled.action, position=3)
    assert (line.funder_category, line.instrument, line.amount_requested) == (
        "eu",
        "FEDER",
        Decimal(250_000),
    )
    assert line.history.first().history_user == filled.world.team
    edit = url("funding-line-edit", filled, line)
    assert client.post(edit, {**PLAN, "amount_requested": "260000"}).status_code == 302
    line.refresh_from_db()
    assert line.amount_requested == Decimal(260_000)
    response = client.post(edit, {**PLAN, "amount_requested": "-1"})
    assert response.status_code == 400
    assert client.post(url("funding-line-remove", filled, line)).status_code == 302
    assert not FundingLine.objects.filter(pk=line.pk).exists()


def test_team_may_not_decide(filled, client):
    client.force_login(filled.world.team)
    decide = url("funding-line-decide", filled, filled.fund_line)
    assert client.get(decide).status_code == 403
    assert client.post(decide, DECISION).status_code == 403
    filled.fund_line.refresh_from_db()
    assert filled.fund_line.decision == Decision.PENDING


def test_instructor_decides_on_its_operators_lines_only(filled, client):
    world = filled.world
    client.force_login(world.instructor)
    decide = url("funding-line-decide", filled, filled.fund_line)
    assert client.get(decide).status_code == 200
    response = client.post(decide, {**DECISION, "amount_paid": "400000"})
    assert response.status_code == 400
    assert "Le montant décaissé dépasse le montant engagé." in text(response)
    assert client.post(decide, DECISION).status_code == 302
    line = FundingLine.objects.get(pk=filled.fund_line.pk)
    assert (line.decision, line.amount_committed, line.amount_paid) == (
        Decision.GRANTED,
        Decimal(300_000),
        Decimal(50_000),
    )
    assert line.decided_by == world.instructor
    region = url("funding-line-decide", filled, filled.region_line)
    assert client.post(region, DECISION).status_code == 403
    plan = url("funding-line-edit", filled, filled.fund_line)
    assert client.post(plan, PLAN).status_code == 403
    assert client.post(url("funding-line-add", filled), PLAN).status_code == 403


def test_committed_line_is_not_removed(filled, client):
    client.force_login(filled.world.pilot)
    decide = url("funding-line-decide", filled, filled.fund_line)
    assert client.post(decide, DECISION).status_code == 302
    response = client.post(url("funding-line-remove", filled, filled.fund_line), follow=True)
    assert "Une ligne engagée ou décaissée ne se supprime pas" in text(response)
    assert FundingLine.objects.filter(pk=filled.fund_line.pk).exists()


def test_lines_of_another_action_are_not_reachable(filled, client):
    client.force_login(filled.world.national)
    foreign = reverse("funding-line-edit", args=[filled.other.external_id, filled.fund_line.pk])
    assert client.get(foreign).status_code == 404


def test_lines_to_instruct(filled, client):
    world = filled.world
    client.force_login(world.pilot)
    assert (
        client.post(url("funding-line-decide", filled, filled.fund_line), DECISION).status_code
        == 302
    )
    other_line = FundingLine.objects.create(
        action=filled.other, position=1, funder_category="operator", funder=world.operator
    )
    client.force_login(world.instructor)
    html = text(client.get(reverse("funding-lines-to-instruct")))
    table = html[html.index('id="lines-to-instruct"') :]
    assert "2 lignes" in html
    # Pending first (the Morvan line funded by Bpifrance), then the granted fund line.
    assert table.index("Fonderie du Morvan") < table.index("Usine de batteries")
    assert reverse("funding-line-decide", args=[filled.other.external_id, other_line.pk]) in html
    assert 'id="to-instruct-link"' in text(client.get("/fiches-actions/"))


@pytest.mark.parametrize("who", ["team", "nobody"])
def test_lines_to_instruct_for_non_instructors(filled, client, who):
    client.force_login(getattr(filled.world, who))
    html = text(client.get(reverse("funding-lines-to-instruct")))
    assert "n'instruit pour aucun opérateur" in html
    assert 'id="to-instruct-link"' not in text(client.get("/fiches-actions/"))


def test_lines_to_instruct_needs_an_account(client, db):
    assert "/comptes/" in client.get(reverse("funding-lines-to-instruct"))["Location"]


def test_plan_history_names_who_changed_what(filled, client):
    world = filled.world
    client.force_login(world.instructor)
    client.post(url("funding-line-decide", filled, filled.fund_line), DECISION)
    client.force_login(world.team)
    client.post(url("funding-line-remove", filled, filled.region_line))
    html = text(client.get(reverse("action-detail", args=[filled.action.external_id])))
    table = html[html.index('id="plan-history"') :]
    assert "Historique du plan de financement (4)" in html  # 2 creations, 1 decision, 1 removal
    assert "Retrait" in table and "n° 2" in table
    assert "<strong>décision</strong> : En attente → Accordé" in table
    assert "<strong>montant engagé (€)</strong> : — → 300" in table
    assert world.instructor.username in table
    assert "decided" not in table
    client.logout()
    html = text(client.get(reverse("action-detail", args=[filled.action.external_id])))
    assert "Historique du plan" not in html
