"""A laureate becomes a fiche action of its territory, with its funding line and in the bilan."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.calls.instruction_setup import at_status, in_review
from tests.governance.factories import OrganisationFactory
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory, Nature
from tipilot.actions.models import Action, FundingLine
from tipilot.analytics.selectors import bilan_figures
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.enums import EventKind
from tipilot.calls.selectors.laureates import LaureateFilters, laureate_list, laureate_totals
from tipilot.calls.services import instruction as svc
from tipilot.calls.services.laureates import laureate_to_action, nature_of
from tipilot.governance.enums import OrganisationKind

pytestmark = pytest.mark.django_db


def decide(world, application, amount="120000"):
    return svc.application_decide(
        application=application,
        by=world.instructor,
        outcome="laureate",
        reason="Projet structurant",
        amount_granted=Decimal(amount),
    )


def test_the_laureate_becomes_an_engaged_fiche_action_of_its_territory(world):
    application = in_review(world, is_relocation=True, jobs_maintained_planned=4)
    done = decide(world, application)
    action = Action.objects.get(pk=done.action_id)
    call = done.call
    today = timezone.localdate()
    assert action.territory == world.t1 and action.contract == world.contract
    assert action.external_id.startswith("FA-2023-ti-8401-")
    assert (action.title, action.description) == (application.title, application.summary)
    assert action.axis == call.measure.axis and list(action.measures.all()) == [call.measure]
    assert action.lead == application.organisation and action.nature == Nature.PRIVATE
    assert action.commune == application.commune and action.naf_code == "25.62A"
    assert action.total_cost == Decimal("1000000") and action.is_relocation
    assert (action.jobs_created_planned, action.jobs_maintained_planned) == (12, 4)
    assert action.status == ActionStatus.ENGAGED and action.engaged_on == today
    assert action.history.first().history_user == world.instructor
    assert "Lauréat" in action.history.first().history_change_reason
    (line,) = action.funding_lines.all()
    assert line == done.funding_line
    assert line.funder == call.operator and line.funder_category == FunderCategory.OPERATOR
    assert line.measure == call.measure and line.instrument == call.title
    assert line.amount_requested == Decimal("200000") and line.requested_on == today
    assert line.decision == Decision.GRANTED and line.amount_committed == Decimal("120000")
    assert line.committed_on == today and line.decided_by == world.instructor
    assert done.events.filter(kind=EventKind.ACTION_CREATED, visible_to_applicant=True).exists()


def test_it_counts_in_the_bilan_of_its_region(world):
    decide(world, in_review(world), amount="75000")
    figures = bilan_figures(region=world.region_a)
    assert figures["money"]["total"]["committed"] == Decimal("75000")


def test_a_public_applicant_gives_a_public_action(world):
    commune = OrganisationFactory(kind=OrganisationKind.COMMUNE)
    done = decide(world, in_review(world, organisation=commune))
    assert done.action.nature == Nature.PUBLIC
    assert nature_of(None) == Nature.PRIVATE


def test_laureate_to_action_is_idempotent(world):
    done = at_status(world, S.LAUREATE)
    assert laureate_to_action(application=done, by=world.national) == done.action
    done.action_id = None  # a stale copy: the database row already has its action
    done.action = None
    assert laureate_to_action(application=done, by=world.national).pk is not None
    assert Action.objects.count() == 1 and FundingLine.objects.count() == 1


def test_only_a_laureate_becomes_an_action(world):
    with pytest.raises(ValidationError, match="Seul un lauréat"):
        laureate_to_action(application=in_review(world), by=world.national)


def test_a_later_call_decision_date_still_orders_dates(world):
    application = in_review(world)
    application.submitted_at = timezone.now() + dt.timedelta(days=2)  # clock skew, say
    application.save()
    done = decide(world, application)
    assert done.funding_line.requested_on is None


def test_public_laureates_and_their_filters(world):
    first = at_status(world, S.LAUREATE)
    second = at_status(world, S.LAUREATE, territory=world.t3)
    at_status(world, S.REJECTED)
    assert list(laureate_list()) == [second, first]
    assert list(laureate_list(LaureateFilters(region="27"))) == [second]
    assert list(laureate_list(LaureateFilters(territory="ti-8401"))) == [first]
    assert list(laureate_list(LaureateFilters(call=first.call.slug))) == [first]
    assert list(laureate_list(LaureateFilters(q=first.title))) == [first]
    totals = laureate_totals(laureate_list())
    assert totals == {"count": 2, "granted": Decimal("400000")}
