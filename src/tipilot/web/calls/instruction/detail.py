"""One application as its instructors and followers see it: what was filed, the checks, the
grid, the opinions, the decision and reopening forms, the timeline and the audit trail.

Pilots and territory teams read it and give their opinion; operators' instructors and the
national team instruct. The forms shown depend on the reader's permissions.
"""

from decimal import Decimal

from django.http import Http404
from django.shortcuts import render
from django.utils.formats import number_format

from tipilot.calls.enums import ApplicationStatus, OpinionRole, QuestionKind
from tipilot.calls.models import Application
from tipilot.calls.selectors import instruction as selectors
from tipilot.core.audit import history_of

from ...access import login_redirect, require
from .forms import (
    AssignForm,
    DecisionForm,
    EligibilityForm,
    OpinionForm,
    ReopenForm,
    ScoreForm,
    UnassignForm,
)

S = ApplicationStatus
OPINION_PERMS = {
    OpinionRole.REGION: "calls.give_region_opinion",
    OpinionRole.TERRITORY: "calls.give_territory_opinion",
}


def get_application(request, reference: str) -> Application:
    """The application, if the reader follows applications and may see this one."""
    require(request, "calls.follow_applications")
    try:
        application = selectors.application_for_instruction(reference)
    except Application.DoesNotExist as exc:
        raise Http404("Aucune candidature de cette référence.") from exc
    if application.status == S.DRAFT and not application.submissions.all():
        raise Http404("Cette candidature est un brouillon : seul son déposant la voit.")
    require(request, "calls.view_application", application)
    return application


def answer_text(question, answer) -> str:
    """An answer as read by a person: lists joined, yes/no in words, amounts in euros."""
    value = answer.value if answer else None
    if value in (None, "", []):
        return ""
    if question.kind == QuestionKind.YES_NO:
        return "Oui" if value in (True, "true", "oui", "1") else "Non"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if question.kind == QuestionKind.AMOUNT:
        try:
            return f"{number_format(Decimal(str(value)), 2, force_grouping=True)} €"
        except ArithmeticError:
            return str(value)
    return str(value)


def _answers(application: Application) -> list[dict]:
    by_question = {a.question_id: a for a in application.answers.all()}
    return [
        {
            "question": q,
            "answer": by_question.get(q.pk),
            "text": answer_text(q, by_question.get(q.pk)),
            "is_file": q.kind == QuestionKind.FILE,
        }
        for q in application.call.questions.all()
    ]


def _permissions(user, application: Application) -> dict:
    status = application.status
    can_instruct = user.has_perm("calls.instruct_application", application)
    can_decide = user.has_perm("calls.decide_application", application)
    assigned = any(a.instructor_id == user.pk for a in application.assignments.all())
    return {
        "can_instruct": can_instruct,
        "can_check_eligibility": can_instruct and status == S.SUBMITTED,
        "can_assign": can_instruct and status in {S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED},
        "can_score": can_instruct
        and status in {S.IN_REVIEW, S.WAITLISTED}
        and (assigned or user.has_perm("calls.manage_calls")),
        "is_assigned": assigned,
        "can_decide": can_decide and status in {S.IN_REVIEW, S.WAITLISTED},
        "can_reopen": can_instruct and status in {S.SUBMITTED, S.INELIGIBLE, S.IN_REVIEW},
    }


def _forms(user, application: Application, grid: dict, bound: dict) -> dict:
    instructors = selectors.assignable_instructors(application.call)
    assigned = [a.instructor_id for a in application.assignments.all()]
    mine = {row["criterion"].pk: row["mine"] for row in grid["rows"] if row["mine"]}
    opinions = {o.role: o for o in application.opinions.all()}
    forms = {
        "eligibility": EligibilityForm(),
        "assign": AssignForm(instructors=instructors.exclude(pk__in=assigned)),
        "unassign": UnassignForm(instructors=instructors.model.objects.filter(pk__in=assigned)),
        "score": ScoreForm(criteria=grid["criteria"], scores=mine),
        "decision": DecisionForm(initial={"amount_granted": application.amount_requested}),
        "reopen": ReopenForm(),
    }
    for role, perm in OPINION_PERMS.items():
        if user.has_perm(perm, application):
            current = opinions.get(role)
            initial = {"verdict": current.verdict, "text": current.text} if current else {}
            forms[f"opinion_{role}"] = OpinionForm(initial=initial, prefix=role)
    forms.update(bound)
    return forms


def instruction_detail(request, reference: str, bound: dict | None = None, status: int = 200):
    application = get_application(request, reference)
    user = request.user
    grid = selectors.scoring_grid(application, user)
    forms = _forms(user, application, grid, bound or {})
    context = {
        "application": application,
        "call": application.call,
        "regions": list(application.territory.regions.all()) if application.territory else [],
        "answers": _answers(application),
        "checks": application.eligibility or [],
        "grid": grid,
        "assignments": list(application.assignments.all()),
        "opinions": list(application.opinions.all()),
        "events": list(application.events.all()),
        "submissions": list(application.submissions.all()),
        "forms": forms,
        "opinion_forms": [
            (OpinionRole(role), forms[f"opinion_{role}"])
            for role in OPINION_PERMS
            if f"opinion_{role}" in forms
        ],
        "history": history_of(application),
        "reopened": application.status == S.DRAFT,
        **_permissions(user, application),
    }
    return render(request, "web/calls/instruction/detail.html", context, status=status)


@login_redirect
def instruction_page(request, reference: str):
    return instruction_detail(request, reference)
