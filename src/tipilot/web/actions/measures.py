"""The basket of measures: the list by axis and one measure's page, editable by the nation."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from tipilot.actions import selectors, services
from tipilot.actions.models import Measure
from tipilot.deployments.selectors import measure_progress

from ..access import add_service_errors, login_redirect, require
from .forms import MeasureForm, measure_initial

PAGE_SIZE = 50


def _measure(pk: int) -> Measure:
    try:
        return selectors.measure_detail(pk)
    except Measure.DoesNotExist as exc:
        raise Http404("Aucune mesure à ce numéro.") from exc


def _progress(measure: Measure) -> Measure:
    measure.committed_share = selectors.share(measure.committed, measure.envelope)
    measure.paid_share = selectors.share(measure.paid, measure.envelope)
    return measure


def measure_list(request):
    measures = [_progress(m) for m in selectors.measure_list()]
    axes = [(axis, list(items)) for axis, items in groupby(measures, key=lambda m: m.axis)]
    return render(
        request,
        "web/measures/measure_list.html",
        {"axes": axes, "count": len(measures)},
    )


def measure_detail(request, pk: int):
    measure = _progress(_measure(pk))
    actions = selectors.action_list(selectors.ActionFilters(measure=measure.code))
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "web/measures/measure_detail.html",
        {
            "measure": measure,
            "page_obj": page,
            "regions": selectors.measure_regions(measure),
            "deployments": measure_progress(measure),
            "can_change": request.user.has_perm("actions.change_measure", measure),
        },
    )


@login_redirect
def measure_edit(request, pk: int):
    measure = _measure(pk)
    require(request, "actions.change_measure", measure)
    form = MeasureForm(request.POST or None, initial=measure_initial(measure))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        operators = data.pop("operators")
        try:
            services.measure_update(measure=measure, by=request.user, operators=operators, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La mesure a été enregistrée.")
            return redirect("measure-detail", pk=pk)
    return render(
        request,
        "web/measures/measure_form.html",
        {"form": form, "measure": measure},
        status=400 if form.errors else 200,
    )
