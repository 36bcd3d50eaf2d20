"""The generated demo programme of fiches actions: real-sized, consistent, calibrated, once."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F, Max, Q, Sum

from tipilot.actions.demo import CALIBRATION, PER_FACTOR, actions_demo
from tipilot.actions.enums import FUNDER_GROUP, ActionStatus
from tipilot.actions.models import Action, FundingLine

TODAY = dt.date(2026, 11, 1)
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(programme):
    return actions_demo(today=TODAY)


def test_fills_the_programme_at_its_real_scale(demo):
    assert Action.objects.count() == sum(PER_FACTOR.values()) == 1800
    assert not Action.objects.filter(is_demo=False).exists()
    generations = Action.objects.values_list("territory__generation__code", flat=True)
    assert set(generations.distinct()) == {"2018-2022", "2023-2027"}
    lines = FundingLine.objects.count()
    assert 3 * 1800 <= lines <= 9 * 1800
    assert demo.created["fiches actions"] == 1800
    assert demo.created["lignes de financement"] == lines


def test_amounts_and_dates_are_consistent(demo):
    lines = FundingLine.objects.all()
    assert not lines.filter(amount_paid__gt=F("amount_committed")).exists()
    assert not lines.filter(amount_committed__gt=F("amount_requested")).exists()
    assert not lines.filter(decision="refused").exclude(amount_committed=0).exists()
    latest = lines.aggregate(c=Max("committed_on"), p=Max("paid_on"))
    assert latest["c"] < TODAY and latest["p"] < TODAY
    engaged = Action.objects.filter(status=ActionStatus.ENGAGED)
    assert not engaged.filter(engaged_on__isnull=True).exists()
    ideas = Action.objects.filter(status=ActionStatus.IDEA)
    assert not FundingLine.objects.filter(action__in=ideas).exclude(amount_committed=0).exists()
    completed = Action.objects.filter(status=ActionStatus.COMPLETED)
    assert not completed.filter(Q(completed_on__isnull=True) | Q(started_on__isnull=True)).exists()


def test_first_generation_commitments_match_the_published_bilan(demo):
    first = FundingLine.objects.filter(action__territory__generation__code="2018-2022")
    totals: dict[str, Decimal] = {}
    for category, amount in first.values_list("funder_category").annotate(
        s=Sum("amount_committed")
    ):
        group = FUNDER_GROUP[category]
        totals[group] = totals.get(group, Decimal(0)) + amount
    for group, target in CALIBRATION.items():
        assert abs(totals[group] - target) / target < Decimal("0.001"), (group, totals[group])


def test_runs_once(demo):
    before = (Action.objects.count(), FundingLine.objects.count())
    assert actions_demo(today=TODAY).skipped
    assert (Action.objects.count(), FundingLine.objects.count()) == before


def test_scale_command_refuses_then_replaces(demo):
    with pytest.raises(CommandError, match="--replace"):
        call_command("scale", factor=1)
    call_command("scale", factor=1, replace=True, seed=7)
    assert Action.objects.filter(is_demo=True).count() == 1800


def test_scale_command_needs_territories(db):
    with pytest.raises(CommandError, match="Aucun territoire"):
        call_command("scale", factor=1)
