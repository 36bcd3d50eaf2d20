"""The deployments registry (filters, targets, map, table) and one deployment's page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from tipilot.core.audit import history_of
from tipilot.deployments import selectors
from tipilot.deployments.enums import DeploymentTransition
from tipilot.deployments.models import Deployment

from .forms import FilterForm, TransitionForm, api_query

PAGE_SIZE = 50


def deployment_list(request):
    form = FilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    filters = form.filters() if valid else selectors.DeploymentFilters()
    rows = selectors.deployment_list(filters) if valid else Deployment.objects.none()
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    geojson = reverse("api-deployments-geojson")
    params = api_query(filters)
    context = {
        "form": form,
        "page_obj": page,
        "count": page.paginator.count,
        "query": query.urlencode(),
        "progress": selectors.target_progress(region=filters.region, territory=filters.territory),
        "map_src": f"{geojson}?{urlencode(params)}" if params else geojson,
        "can_add": request.user.has_perm("deployments.register_deployments"),
    }
    return render(
        request, "web/deployments/deployment_list.html", context, status=200 if valid else 400
    )


def get_deployment(pk: int) -> Deployment:
    try:
        return selectors.deployment_detail(pk)
    except Deployment.DoesNotExist as exc:
        raise Http404("Aucun déploiement à ce numéro.") from exc


def deployment_detail(request, pk: int, *, transition_form=None, status: int = 200):
    deployment = get_deployment(pk)
    can_change = request.user.has_perm("deployments.change_deployment", deployment)
    transitions = []
    if can_change:
        for transition in deployment.get_available_status_transitions():
            name = transition.name
            form = (
                transition_form
                if transition_form is not None and transition_form["name"].value() == name
                else TransitionForm(initial={"name": name}, prefix=name)
            )
            transitions.append((DeploymentTransition(name).label, name, form))
    context = {
        "deployment": deployment,
        "can_change": can_change,
        "transitions": transitions,
        "history": history_of(deployment) if can_change else [],
    }
    return render(request, "web/deployments/deployment_detail.html", context, status=status)
