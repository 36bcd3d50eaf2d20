"""France Expérimentation: searchable requests, one request with similar ones, edit pages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from tipilot.core.audit import history_of
from tipilot.experimentation import selectors, services
from tipilot.experimentation.models import DerogationRequest

from ..access import LoginRequired, login_redirect, require, save_or_form_errors
from .forms import FilterForm, RequestForm, request_initial

PAGE_SIZE = 30


def request_list(request):
    form = FilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    rows = (
        selectors.request_list(form.filters(), user=request.user)
        if valid
        else DerogationRequest.objects.none()
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "count": page.paginator.count,
        "query": query.urlencode(),
        "can_add": request.user.has_perm("experimentation.add_derogationrequest"),
    }
    return render(
        request, "web/experimentation/request_list.html", context, status=200 if valid else 400
    )


def _get(request, pk: int) -> DerogationRequest:
    try:
        return selectors.request_detail(pk, user=request.user)
    except DerogationRequest.DoesNotExist as exc:
        raise Http404("Aucune demande publiée à ce numéro.") from exc


def request_detail(request, pk: int):
    item = _get(request, pk)
    can_change = request.user.has_perm("experimentation.change_derogationrequest", item)
    context = {
        "item": item,
        "similar": selectors.similar_requests(item, user=request.user),
        "can_change": can_change,
        "history": history_of(item) if can_change else [],
    }
    return render(request, "web/experimentation/request_detail.html", context)


@login_redirect
def request_create(request):
    if not request.user.is_authenticated:
        raise LoginRequired
    require(request, "experimentation.add_derogationrequest")
    form = RequestForm(request.POST or None, initial={"status": "submitted"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = save_or_form_errors(
            form, lambda: services.derogation_create(by=request.user, **data)
        )
        if created is not None:
            messages.success(request, f"La demande {created.reference} a été enregistrée.")
            return redirect("derogation-detail", pk=created.pk)
    context = {"form": form, "item": None}
    status = 400 if form.errors else 200
    return render(request, "web/experimentation/request_form.html", context, status=status)


@login_redirect
def request_edit(request, pk: int):
    item = _get(request, pk)
    require(request, "experimentation.change_derogationrequest", item)
    form = RequestForm(request.POST or None, initial=request_initial(item))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_form_errors(
            form, lambda: services.derogation_update(request=item, by=request.user, **data)
        )
        if saved is not None:
            messages.success(request, "La demande a été enregistrée.")
            return redirect("derogation-detail", pk=pk)
    context = {"form": form, "item": item}
    status = 400 if form.errors else 200
    return render(request, "web/experimentation/request_form.html", context, status=status)
