"""The funding plan of a fiche action: lines added, changed or removed by the territory team
(what is asked of whom), and the funder's decision recorded by its instructor or a pilot."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tipilot.actions import services
from tipilot.actions.models import FundingLine

from ..access import add_service_errors, login_redirect, require
from .detail import get_action
from .forms import DecisionForm, PlanForm, line_initial

PLAN = "actions.change_fundingline"
DECIDE = "actions.decide_fundingline"


def _line(action, line_pk: int) -> FundingLine:
    line = get_object_or_404(
        FundingLine.objects.select_related("funder", "measure").prefetch_related(
            "measure__operators"
        ),
        pk=line_pk,
        action=action,
    )
    line.action = action  # its territory and regions are already loaded
    return line


def _form_page(request, *, action, line, form, title: str):
    return render(
        request,
        "web/actions/funding_line_form.html",
        {"action": action, "line": line, "form": form, "title": title},
        status=400 if form.errors else 200,
    )


def _saved(request, action, done: str):
    messages.success(request, done)
    return redirect("action-detail", external_id=action.external_id)


@login_redirect
def line_add(request, external_id: str):
    action = get_action(external_id)
    require(request, PLAN, FundingLine(action=action))
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.funding_line_add(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, action, "La ligne de financement a été ajoutée.")
    title = "Ajouter une ligne au plan de financement"
    return _form_page(request, action=action, line=None, form=form, title=title)


def _line_update(request, external_id, line_pk, *, perm, form_class, title, done):
    action = get_action(external_id)
    line = _line(action, line_pk)
    require(request, perm, line)
    form = form_class(request.POST or None, initial=line_initial(line, form_class))
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k in form.changed_data}
        try:
            services.funding_line_update(line=line, by=request.user, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, action, done)
    return _form_page(request, action=action, line=line, form=form, title=title)


@login_redirect
def line_edit(request, external_id: str, line_pk: int):
    return _line_update(
        request,
        external_id,
        line_pk,
        perm=PLAN,
        form_class=PlanForm,
        title="Modifier la demande de financement",
        done="La ligne de financement a été enregistrée.",
    )


@login_redirect
def line_decide(request, external_id: str, line_pk: int):
    return _line_update(
        request,
        external_id,
        line_pk,
        perm=DECIDE,
        form_class=DecisionForm,
        title="Enregistrer la décision du financeur",
        done="La décision a été enregistrée.",
    )


@require_POST
@login_redirect
def line_remove(request, external_id: str, line_pk: int):
    action = get_action(external_id)
    line = _line(action, line_pk)
    require(request, PLAN, line)
    try:
        services.funding_line_remove(line=line, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("action-detail", external_id=external_id)
    return _saved(request, action, "La ligne de financement a été retirée.")
