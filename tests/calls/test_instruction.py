"""Instruction services: eligibility, assignment, scores, opinions, reopening, decision."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.calls.factories import CriterionFactory
from tests.calls.instruction_setup import at_status, in_review, make_call, submitted
from tests.governance.factories import OrganisationFactory, user_with_role
from tipilot.calls.enums import ApplicationStatus as S
from tipilot.calls.enums import EventKind
from tipilot.calls.models import Application, Assignment, Opinion, Score
from tipilot.calls.selectors.instruction import desk_list, scoring_grid
from tipilot.calls.services import instruction as svc
from tipilot.governance.enums import OrganisationKind, RoleKind

pytestmark = pytest.mark.django_db


def events(application, kind):
    return list(application.events.filter(kind=kind))


# Eligibility ---------------------------------------------------------------------------------


def test_an_instructor_declares_an_application_eligible_and_the_applicant_is_told(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    application = submitted(world)
    with django_capture_on_commit_callbacks(execute=True):
        done = svc.application_declare_eligibility(
            application=application, by=world.instructor, eligible=True, note="Dossier complet"
        )
    assert done.status == S.IN_REVIEW and done.eligibility_note == "Dossier complet"
    (event,) = events(done, EventKind.ELIGIBLE)
    assert event.visible_to_applicant and event.by == world.instructor
    (mail,) = mailoutbox
    assert mail.to == [application.applicant.email]
    assert "recevable" in mail.subject and "Dossier complet" in mail.body
    assert f"/appels/candidatures/{application.reference}/" in mail.body
    assert events(done, EventKind.NOTIFIED)
    assert done.history.first().history_change_reason == "Déclarée recevable"
    assert done.history.first().history_user == world.instructor


def test_ineligibility_needs_a_reason(world, mailoutbox, django_capture_on_commit_callbacks):
    application = submitted(world)
    with pytest.raises(ValidationError) as error:
        svc.application_declare_eligibility(
            application=application, by=world.instructor, eligible=False, note="  "
        )
    assert "motif" in error.value.message_dict["note"][0]
    with django_capture_on_commit_callbacks(execute=True):
        done = svc.application_declare_eligibility(
            application=application, by=world.instructor, eligible=False, note="Hors territoire"
        )
    assert done.status == S.INELIGIBLE
    assert "irrecevable" in mailoutbox[0].subject and "Hors territoire" in mailoutbox[0].body


@pytest.mark.parametrize("who", ["pilot", "team", "nobody", "other_operator"])
def test_only_the_operator_and_the_national_team_check_eligibility(world, who):
    application = submitted(world)
    if who == "other_operator":
        other = OrganisationFactory(kind=OrganisationKind.OPERATOR)
        user = user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=other)
    else:
        user = getattr(world, who)
    with pytest.raises(PermissionDenied):
        svc.application_declare_eligibility(application=application, by=user, eligible=True)
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_eligibility_is_checked_once(world):
    application = in_review(world)
    with pytest.raises(ValidationError, match="en instruction"):
        svc.application_declare_eligibility(
            application=application, by=world.national, eligible=False, note="x"
        )


# Assignment ----------------------------------------------------------------------------------


def test_assignment_to_an_instructor_of_the_operator(world):
    application = submitted(world)
    assignment = svc.application_assign(
        application=application, instructor=world.instructor, by=world.national
    )
    assert assignment.assigned_by == world.national
    (event,) = events(application, EventKind.ASSIGNED)
    assert not event.visible_to_applicant
    with pytest.raises(ValidationError, match="déjà confiée"):
        svc.application_assign(
            application=application, instructor=world.instructor, by=world.national
        )
    svc.application_unassign(
        application=application, instructor=world.instructor, by=world.national
    )
    assert not Assignment.objects.filter(application=application).exists()
    assert not events(application, EventKind.UNASSIGNED)[0].visible_to_applicant
    with pytest.raises(ValidationError, match="pas confiée"):
        svc.application_unassign(
            application=application, instructor=world.instructor, by=world.national
        )


@pytest.mark.parametrize("who", ["nobody", "pilot", "other_operator"])
def test_only_the_operator_instructors_are_assignable(world, who):
    application = submitted(world)
    if who == "other_operator":
        other = OrganisationFactory(kind=OrganisationKind.OPERATOR)
        instructor = user_with_role(RoleKind.OPERATOR_INSTRUCTOR, operator=other)
    else:
        instructor = getattr(world, who)
    with pytest.raises(ValidationError) as error:
        svc.application_assign(application=application, instructor=instructor, by=world.national)
    assert "n'est pas instructrice" in error.value.message_dict["instructor"][0]


def test_a_draft_or_decided_application_is_not_assigned(world):
    application = at_status(world, S.REJECTED)
    with pytest.raises(ValidationError, match="refusée"):
        svc.application_assign(
            application=application, instructor=world.instructor, by=world.instructor
        )


def test_a_pilot_does_not_assign(world):
    with pytest.raises(PermissionDenied):
        svc.application_assign(
            application=submitted(world), instructor=world.instructor, by=world.pilot
        )


# Scores --------------------------------------------------------------------------------------


def test_only_assigned_instructors_score_within_the_grid(world):
    application = in_review(world)
    first, second = application.call.criteria.order_by("position")
    with pytest.raises(PermissionDenied, match="confiée"):
        svc.score_save(application=application, criterion=first, by=world.instructor, value=3)
    svc.application_assign(application=application, instructor=world.instructor, by=world.national)
    for bad in (-1, 6, "deux", 2.5, None):
        with pytest.raises(ValidationError) as error:
            svc.score_save(application=application, criterion=first, by=world.instructor, value=bad)
        assert "de 0 à 5" in error.value.message_dict["value"][0]
    score = svc.score_save(
        application=application, criterion=first, by=world.instructor, value=5, comment="Bien"
    )
    again = svc.score_save(application=application, criterion=first, by=world.instructor, value=4)
    assert again.pk == score.pk and again.value == 4 and again.comment == ""
    assert Score.objects.filter(application=application).count() == 1
    assert score.history.count() == 2
    (last,) = events(application, EventKind.SCORED)[-1:]
    assert not last.visible_to_applicant and "4/5" in last.message
    svc.score_save(application=application, criterion=second, by=world.instructor, value="10")
    foreign = CriterionFactory()
    with pytest.raises(ValidationError, match="grille"):
        svc.score_save(application=application, criterion=foreign, by=world.instructor, value=1)


def test_weighted_score_out_of_twenty(world):
    application = in_review(world)
    first, second = application.call.criteria.order_by("position")  # weights 2 (/5), 1 (/10)
    svc.score_save(application=application, criterion=first, by=world.national, value=5)
    svc.score_save(application=application, criterion=second, by=world.national, value=5)
    # (5/5 × 2 + 5/10 × 1) / 3 × 20 = 16.67
    (row,) = desk_list(world.national)
    assert row.score20 == pytest.approx(50 / 3)
    grid = scoring_grid(Application.objects.get(pk=application.pk), world.instructor)
    assert grid["average"] == pytest.approx(50 / 3)
    assert [r["mine"] for r in grid["rows"]] == [None, None]
    assert len(grid["rows"][0]["others"]) == 1


def test_scores_only_during_instruction(world):
    application = submitted(world)
    criterion = application.call.criteria.first()
    with pytest.raises(ValidationError, match="déposée"):
        svc.score_save(application=application, criterion=criterion, by=world.national, value=1)


# Opinions ------------------------------------------------------------------------------------


def test_the_region_and_the_territory_give_their_opinions(world):
    application = in_review(world)
    opinion = svc.opinion_give(
        application=application, by=world.pilot, role="region", verdict="favourable", text="Oui"
    )
    assert opinion.author == world.pilot
    svc.opinion_give(
        application=application, by=world.team, role="territory", verdict="reserved", text="Hmm"
    )
    again = svc.opinion_give(
        application=application, by=world.pilot, role="region", verdict="unfavourable", text="Non"
    )
    assert again.pk == opinion.pk and again.verdict == "unfavourable"
    assert Opinion.objects.filter(application=application).count() == 2
    assert all(not e.visible_to_applicant for e in events(application, EventKind.OPINION))


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("other_pilot", "region"),
        ("pilot", "territory"),
        ("team", "region"),
        ("instructor", "region"),
    ],
)
def test_opinions_only_from_their_region_or_territory(world, who, role):
    with pytest.raises(PermissionDenied):
        svc.opinion_give(
            application=in_review(world),
            by=getattr(world, who),
            role=role,
            verdict="favourable",
            text="x",
        )


def test_an_opinion_is_motivated(world):
    application = in_review(world)
    with pytest.raises(ValidationError) as error:
        svc.opinion_give(
            application=application, by=world.pilot, role="region", verdict="favourable", text=" "
        )
    assert "Motivez" in error.value.message_dict["text"][0]
    with pytest.raises(ValidationError):
        svc.opinion_give(
            application=application, by=world.pilot, role="region", verdict="bof", text="x"
        )
    with pytest.raises(ValidationError):
        svc.opinion_give(
            application=application, by=world.pilot, role="copil", verdict="favourable", text="x"
        )


def test_no_opinion_once_decided(world):
    with pytest.raises(PermissionDenied):
        svc.opinion_give(
            application=at_status(world, S.REJECTED),
            by=world.pilot,
            role="region",
            verdict="favourable",
            text="x",
        )


# Reopening -----------------------------------------------------------------------------------


def test_reopening_needs_a_reason_and_tells_the_applicant(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    application = in_review(world)
    version = application.version
    with pytest.raises(ValidationError) as error:
        svc.application_reopen(application=application, by=world.instructor, reason="")
    assert "pourquoi" in error.value.message_dict["reason"][0]
    with django_capture_on_commit_callbacks(execute=True):
        done = svc.application_reopen(
            application=application, by=world.instructor, reason="Plan de financement incomplet"
        )
    assert done.status == S.DRAFT and done.version == version + 1
    (event,) = events(done, EventKind.REOPENED)
    assert event.visible_to_applicant and event.message == "Plan de financement incomplet"
    assert "rouverte" in mailoutbox[-1].subject and "incomplet" in mailoutbox[-1].body
    assert done.history.first().history_change_reason.startswith("Rouverte")


def test_a_long_reason_is_kept_whole_in_the_audit_trail(world):
    reason = "Le plan de financement ne mentionne pas le cofinancement régional. " * 6
    done = svc.application_reopen(application=in_review(world), by=world.instructor, reason=reason)
    assert len(reason) > 400  # the library's default column stopped at 100 on PostgreSQL
    assert done.history.first().history_change_reason == f"Rouverte : {reason.strip()}"


def test_a_decided_application_is_not_reopened(world):
    with pytest.raises(ValidationError, match="lauréat"):
        svc.application_reopen(
            application=at_status(world, S.LAUREATE), by=world.national, reason="Erreur"
        )
    with pytest.raises(PermissionDenied):
        svc.application_reopen(application=submitted(world), by=world.pilot, reason="x")


# Decision ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (None, "Indiquez"),
        (0, "Indiquez"),
        ("-5", "Indiquez"),
        ("200000.01", "dépasse"),
        ("abc", "invalide"),
    ],
)
def test_a_laureate_gets_an_amount_within_the_request(world, amount, message):
    application = in_review(world)
    with pytest.raises(ValidationError) as error:
        svc.application_decide(
            application=application,
            by=world.instructor,
            outcome="laureate",
            reason="Bon projet",
            amount_granted=amount,
        )
    assert message in error.value.message_dict["amount_granted"][0]
    application.refresh_from_db()
    assert application.status == S.IN_REVIEW and application.action is None


def test_decision_needs_a_reason_a_known_outcome_and_the_right_status(world):
    application = in_review(world)
    with pytest.raises(ValidationError) as error:
        svc.application_decide(
            application=application, by=world.instructor, outcome="rejected", reason=" "
        )
    assert "Motivez" in error.value.message_dict["reason"][0]
    with pytest.raises(ValidationError):
        svc.application_decide(
            application=application, by=world.instructor, outcome="peut-être", reason="x"
        )
    with pytest.raises(ValidationError, match="Seul un lauréat"):
        svc.application_decide(
            application=application,
            by=world.instructor,
            outcome="rejected",
            reason="x",
            amount_granted=5,
        )
    with pytest.raises(ValidationError, match="déposée"):
        svc.application_decide(
            application=submitted(world), by=world.national, outcome="rejected", reason="x"
        )
    with pytest.raises(PermissionDenied):
        svc.application_decide(
            application=application, by=world.pilot, outcome="rejected", reason="x"
        )


def test_a_rejection_is_told_with_its_reason_and_audited(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    application = in_review(world)
    with django_capture_on_commit_callbacks(execute=True):
        done = svc.application_decide(
            application=application,
            by=world.instructor,
            outcome="rejected",
            reason="Hors priorités",
        )
    assert done.status == S.REJECTED and done.decided_by == world.instructor and done.decided_at
    assert done.action is None
    assert "refusée" in mailoutbox[-1].subject and "Hors priorités" in mailoutbox[-1].body
    record = done.history.first()
    assert (
        record.history_change_reason == "Décision : Refusée"
        and record.history_user == world.instructor
    )
    (event,) = events(done, EventKind.DECIDED)
    assert event.visible_to_applicant and "Hors priorités" in event.message


def test_waitlisted_then_laureate(world, mailoutbox, django_capture_on_commit_callbacks):
    application = at_status(world, S.WAITLISTED)
    with pytest.raises(ValidationError):
        svc.application_decide(
            application=application, by=world.national, outcome="waitlisted", reason="x"
        )
    with django_capture_on_commit_callbacks(execute=True):
        done = svc.application_decide(
            application=application,
            by=world.instructor,
            outcome="laureate",
            reason="Enveloppe libérée",
            amount_granted=Decimal("150000"),
        )
    assert done.status == S.LAUREATE and done.amount_granted == Decimal("150000.00")
    assert done.funding_line.amount_committed == Decimal("150000")
    body = mailoutbox[-1].body
    assert "lauréat" in body and "150" in body and done.action.external_id in body
    assert [h.history_change_reason for h in done.history.all()[:2]] == [
        f"Fiche action {done.action.external_id}",
        "Décision : Lauréat",
    ]


def test_deciding_twice_never_makes_two_actions(world):
    application = at_status(world, S.LAUREATE)
    with pytest.raises(ValidationError):
        svc.application_decide(
            application=application,
            by=world.national,
            outcome="laureate",
            reason="x",
            amount_granted=1,
        )
    assert Application.objects.get(pk=application.pk).action_id == application.action_id
    from tipilot.actions.models import Action

    assert Action.objects.count() == 1


def test_a_project_outside_any_territory_cannot_be_laureate(world):
    call = make_call(requires_labelled_territory=False)
    application = in_review(world, call=call, territory=False)
    with pytest.raises(ValidationError, match="aucun territoire"):
        svc.application_decide(
            application=application,
            by=world.national,
            outcome="laureate",
            reason="x",
            amount_granted=10,
        )
    done = svc.application_decide(
        application=application, by=world.national, outcome="rejected", reason="x"
    )
    assert done.status == S.REJECTED
