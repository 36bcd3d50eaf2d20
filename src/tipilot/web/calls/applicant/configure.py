"""The national team creates and configures calls: one page, one form, several formsets.

Everything on the page is written in one transaction through the configuration services: if
one row is refused (a question already answered cannot change kind…), nothing is written and
the page shows the error on that row.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tipilot.calls.models import Call
from tipilot.calls.services import configuration as services

from ...access import login_redirect, require
from .config_forms import (
    CallForm,
    CriterionFormSet,
    QuestionFormSet,
    WindowFormSet,
    call_initial,
    criterion_initial,
    question_initial,
    window_initial,
)
from .saving import add_errors

T = "web/calls/applicant/"


class Refused(Exception):
    """A service refused a row: roll the whole page back."""


def _call(slug: str) -> Call:
    call = Call.objects.select_related("measure", "operator").filter(slug=slug).first()
    if call is None:
        raise Http404("Aucun appel ne porte cette adresse.")
    return call


def _call_fields(form: CallForm) -> tuple[dict, list]:
    data = dict(form.cleaned_data)
    regions = data.pop("regions")
    return data, list(regions)


@login_redirect
def call_create(request):
    require(request, "calls.manage_calls")
    form = CallForm(request.POST or None, initial={"requires_labelled_territory": True})
    if request.method == "POST" and form.is_valid():
        fields, regions = _call_fields(form)
        try:
            call = services.call_create(by=request.user, regions=regions, **fields)
        except ValidationError as error:
            add_errors(form, error, {})
        else:
            messages.success(
                request,
                "L'appel est créé, non publié : ajoutez ses périodes de dépôt, ses questions "
                "et sa grille de notation, puis publiez-le.",
            )
            return redirect("call-edit", slug=call.slug)
    status = 400 if form.errors else 200
    return render(request, T + "call_form.html", {"form": form, "call": None}, status=status)


ROWS = {
    "windows": (WindowFormSet, "fenetres", window_initial),
    "questions": (QuestionFormSet, "questions", question_initial),
    "criteria": (CriterionFormSet, "criteres", criterion_initial),
}


def _formsets(request, call: Call) -> dict:
    data = request.POST if request.method == "POST" else None
    return {
        name: formset_class(
            data, prefix=prefix, initial=[initial(o) for o in getattr(call, name).all()]
        )
        for name, (formset_class, prefix, initial) in ROWS.items()
    }


def _window_write(call, by, row, fields):
    values = {k: fields[k] for k in ("name", "opens_at", "closes_at")}
    if row is None:
        return services.window_add(call=call, by=by, **values)
    return services.window_update(window=row, by=by, **values)


def _question_write(call, by, row, fields):
    values = {k: fields[k] for k in ("label", "help_text", "kind", "choices", "required")}
    if fields.get("position") is not None:
        values["position"] = fields["position"]
    if row is None:
        return services.question_add(call=call, by=by, **values)
    return services.question_update(question=row, by=by, **values)


def _criterion_write(call, by, row, fields):
    values = {k: fields[k] for k in ("label", "description", "weight", "max_score")}
    if fields.get("position") is not None:
        values["position"] = fields["position"]
    if row is None:
        return services.criterion_add(call=call, by=by, **values)
    return services.criterion_update(criterion=row, by=by, **values)


WRITERS = {
    "windows": (_window_write, lambda row, by: services.window_remove(window=row, by=by)),
    "questions": (_question_write, lambda row, by: services.question_remove(question=row, by=by)),
    "criteria": (
        _criterion_write,
        lambda row, by: services.criterion_remove(criterion=row, by=by),
    ),
}


def _apply_row(call, name: str, form, existing: dict, by) -> None:
    fields = form.cleaned_data
    row = existing.get(fields.get("id")) if fields.get("id") else None
    if fields.get("id") and row is None:
        raise ValidationError("Cette ligne n'appartient pas à l'appel : rechargez la page.")
    write, remove = WRITERS[name]
    if fields.get("DELETE"):
        if row is not None:
            remove(row, by)
    elif row is not None or form.has_changed():
        if row is None or form.has_changed():
            write(call, by, row, fields)


def _apply(call: Call, form: CallForm, formsets: dict, by) -> bool:
    """Write everything, or nothing: False when a service refused something."""
    failed = False
    try:
        with transaction.atomic():
            fields, regions = _call_fields(form)
            try:
                services.call_update(call=call, by=by, regions=regions, **fields)
            except ValidationError as error:
                add_errors(form, error, {})
                failed = True
            for name, formset in formsets.items():
                existing = {row.pk: row for row in getattr(call, name).all()}
                for row_form in formset.forms:
                    if not row_form.has_changed() and not row_form.cleaned_data.get("id"):
                        continue
                    try:
                        _apply_row(call, name, row_form, existing, by)
                    except ValidationError as error:
                        add_errors(row_form, error, {})
                        failed = True
            if failed:
                raise Refused
    except Refused:
        return False
    return True


@login_redirect
def call_edit(request, slug: str):
    call = _call(slug)
    require(request, "calls.manage_calls")
    form = CallForm(request.POST or None, initial=call_initial(call))
    formsets = _formsets(request, call)
    refused = False
    if request.method == "POST":
        valid = form.is_valid() & all([f.is_valid() for f in formsets.values()])
        if valid and _apply(call, form, formsets, request.user):
            messages.success(request, "La configuration de l'appel est enregistrée.")
            return redirect("call-edit", slug=form.cleaned_data["slug"])
        refused = True
    status = 400 if refused else 200
    context = {"form": form, "call": call, "refused": refused, **formsets}
    return render(request, T + "call_form.html", context, status=status)


@require_POST
@login_redirect
def call_publish(request, slug: str):
    call = _call(slug)
    require(request, "calls.manage_calls")
    try:
        services.call_publish(call=call, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "L'appel est publié : il apparaît dans la liste publique.")
    return redirect("call-detail", slug=slug)
