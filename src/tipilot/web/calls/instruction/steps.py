"""The instruction page's forms, posted: each step calls its service and comes back to the page.

A refused permission is a 403; bad input shows the page again with the form's errors (400).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tipilot.calls.enums import OpinionRole
from tipilot.calls.selectors.instruction import assignable_instructors
from tipilot.calls.services import instruction as services

from ...access import add_service_errors, login_redirect, require
from .detail import OPINION_PERMS, get_application, instruction_detail
from .forms import (
    AssignForm,
    DecisionForm,
    EligibilityForm,
    OpinionForm,
    ReopenForm,
    ScoreForm,
    UnassignForm,
)

INSTRUCT = "calls.instruct_application"


def _done(request, application, text: str):
    messages.success(request, text)
    return redirect("instruction-detail", reference=application.reference)


def _step(request, application, key: str, form, run, done: str):
    """Validate ``form``, run the service; on error show the page again with the form."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, application, done)
    return instruction_detail(request, application.reference, bound={key: form}, status=400)


@require_POST
@login_redirect
def eligibility(request, reference: str):
    application = get_application(request, reference)
    require(request, INSTRUCT, application)

    def run(data):
        services.application_declare_eligibility(
            application=application, by=request.user, eligible=data["eligible"], note=data["note"]
        )

    form = EligibilityForm(request.POST)
    done = "Le contrôle de recevabilité est enregistré ; le déposant en est informé."
    return _step(request, application, "eligibility", form, run, done)


@require_POST
@login_redirect
def assign(request, reference: str):
    application = get_application(request, reference)
    require(request, INSTRUCT, application)
    form = AssignForm(request.POST, instructors=assignable_instructors(application.call))

    def run(data):
        services.application_assign(
            application=application, instructor=data["instructor"], by=request.user
        )

    return _step(request, application, "assign", form, run, "La candidature est confiée.")


@require_POST
@login_redirect
def unassign(request, reference: str):
    application = get_application(request, reference)
    require(request, INSTRUCT, application)
    users = assignable_instructors(application.call).model.objects.filter(
        call_assignments__application=application
    )
    form = UnassignForm(request.POST, instructors=users)

    def run(data):
        services.application_unassign(
            application=application, instructor=data["instructor"], by=request.user
        )

    return _step(request, application, "unassign", form, run, "L'affectation est retirée.")


@require_POST
@login_redirect
def score(request, reference: str):
    application = get_application(request, reference)
    require(request, INSTRUCT, application)
    form = ScoreForm(request.POST, criteria=list(application.call.criteria.all()))

    def run(data):
        with transaction.atomic():  # the whole grid, or nothing
            for criterion, value, comment in form.scores():
                services.score_save(
                    application=application,
                    criterion=criterion,
                    by=request.user,
                    value=value,
                    comment=comment,
                )

    return _step(request, application, "score", form, run, "Vos notes sont enregistrées.")


@require_POST
@login_redirect
def opinion(request, reference: str, role: str):
    application = get_application(request, reference)
    if role not in OpinionRole.values:
        raise Http404("Avis de la Région ou du territoire seulement.")
    require(request, OPINION_PERMS[role], application)
    form = OpinionForm(request.POST, prefix=role)

    def run(data):
        services.opinion_give(
            application=application,
            by=request.user,
            role=role,
            verdict=data["verdict"],
            text=data["text"],
        )

    return _step(request, application, f"opinion_{role}", form, run, "L'avis est enregistré.")


@require_POST
@login_redirect
def decide(request, reference: str):
    application = get_application(request, reference)
    require(request, "calls.decide_application", application)
    form = DecisionForm(request.POST)

    def run(data):
        services.application_decide(application=application, by=request.user, **data)

    done = "La décision est enregistrée ; le déposant en est informé."
    return _step(request, application, "decision", form, run, done)


@require_POST
@login_redirect
def reopen(request, reference: str):
    application = get_application(request, reference)
    require(request, INSTRUCT, application)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.application_reopen(
                application=application, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"La candidature {application.reference} est rouverte : le déposant peut la "
                "modifier et la déposer de nouveau.",
            )
            return redirect("instruction-desk")
    return instruction_detail(request, reference, bound={"reopen": form}, status=400)
