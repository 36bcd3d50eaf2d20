"""Services of the actions domain: permissions, lifecycle, funding decisions, conflicts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.actions.factories import ActionFactory, FundingLineFactory, axis, measure
from tipilot.actions import services
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory, Nature
from tipilot.actions.models import Action, Measure
from tipilot.core.errors import EditConflict

pytestmark = pytest.mark.django_db


def test_catalogue_holds_four_axes_and_the_announced_measures():
    measure()
    assert list(
        Action._meta.get_field("axis").related_model.objects.values_list("code", flat=True)
    ) == [
        "recruter",
        "innover",
        "attirer",
        "simplifier",
    ]
    fund = Measure.objects.get(code="fonds-acceleration")
    assert fund.envelope == Decimal(850_000_000)
    assert [o.name for o in fund.operators.all()] == ["Bpifrance"]
    assert Measure.objects.count() >= 18
    assert services.catalogue_sync() == {"axes": 0, "mesures": 0, "opérateurs": 0}


def test_team_creates_an_action_of_its_territory_with_a_stable_identifier(world):
    action = services.action_create(
        territory=world.t1, title="Usine", axis=axis(), nature=Nature.PRIVATE, by=world.team
    )
    assert action.external_id == f"FA-{world.t1.generation.start_year}-ti-8401-001"
    assert action.contract == world.contract
    assert action.history.first().history_user == world.team
    with pytest.raises(PermissionDenied):
        services.action_create(
            territory=world.t3, title="Ailleurs", axis=axis(), nature=Nature.PUBLIC, by=world.team
        )


@pytest.mark.parametrize("who", ["national", "pilot", "team", "binome"])
def test_allowed_roles_edit_the_action(world, who):
    action = ActionFactory(territory=world.t1)
    updated = services.action_update(
        action=action, version=1, by=getattr(world, who), jobs_created_planned=12
    )
    assert updated.jobs_created_planned == 12 and updated.version == 2


@pytest.mark.parametrize("who", ["other_pilot", "copil", "instructor", "nobody", "anonymous"])
def test_other_roles_may_not_edit_the_action(world, who):
    action = ActionFactory(territory=world.t1)
    with pytest.raises(PermissionDenied):
        services.action_update(action=action, version=1, by=getattr(world, who), title="x")


def test_concurrent_edit_is_refused(world):
    action = ActionFactory(territory=world.t1)
    services.action_update(action=action, version=1, by=world.team, title="Première")
    with pytest.raises(EditConflict):
        services.action_update(action=action, version=1, by=world.pilot, title="Seconde")
    assert Action.objects.get(pk=action.pk).title == "Première"


def test_lifecycle_sets_dates_and_refuses_illegal_steps(world):
    action = ActionFactory(territory=world.t1)
    with pytest.raises(ValidationError, match="impossible"):
        services.action_transition(action=action, name="complete", by=world.team)
    on = dt.date(2024, 5, 2)
    action = services.action_transition(action=action, name="engage", by=world.team, on=on)
    action = services.action_transition(action=action, name="start", by=world.team, on=on)
    assert (action.status, action.engaged_on, action.started_on) == (
        ActionStatus.IN_PROGRESS,
        on,
        on,
    )
    action = services.action_transition(action=action, name="abandon", by=world.team, on=on)
    assert action.status == ActionStatus.ABANDONED and action.abandoned_on == on


def test_invalid_naf_code_is_refused_with_its_reason(world):
    action = ActionFactory(territory=world.t1)
    with pytest.raises(ValidationError, match="25.62A"):
        services.action_update(action=action, version=1, by=world.team, naf_code="2562")


def test_team_plans_funding_but_the_operator_decides(world):
    action = ActionFactory(territory=world.t1)
    line = services.funding_line_add(
        action=action,
        by=world.team,
        funder_category=FunderCategory.OPERATOR,
        funder=world.operator,
        measure=measure(),
        amount_requested=Decimal("200000"),
    )
    assert line.position == 1
    with pytest.raises(PermissionDenied, match="financeur"):
        services.funding_line_update(line=line, by=world.team, amount_committed=Decimal(1))
    line = services.funding_line_update(
        line=line,
        by=world.instructor,
        decision=Decision.GRANTED,
        amount_committed=Decimal("150000"),
        amount_paid=Decimal("50000"),
    )
    assert line.decided_by == world.instructor
    with pytest.raises(PermissionDenied):
        services.funding_line_update(line=line, by=world.instructor, amount_requested=Decimal(1))


def test_instructor_may_not_decide_other_funders_lines(world):
    line = FundingLineFactory(action=ActionFactory(territory=world.t1))
    with pytest.raises(PermissionDenied):
        services.funding_line_update(line=line, by=world.instructor, decision=Decision.REFUSED)


def test_paid_above_committed_is_refused_and_nothing_changes(world):
    line = FundingLineFactory(action=ActionFactory(territory=world.t1))
    with pytest.raises(ValidationError, match="décaissé dépasse"):
        services.funding_line_update(
            line=line, by=world.pilot, amount_committed=Decimal(10), amount_paid=Decimal(20)
        )
    line.refresh_from_db()
    assert line.amount_paid == 0


def test_committed_line_cannot_be_removed(world):
    line = FundingLineFactory(action=ActionFactory(territory=world.t1), amount_committed=5)
    with pytest.raises(ValidationError):
        services.funding_line_remove(line=line, by=world.team)
