"""The instruction desk: the applications a user instructs or follows, with filters and counts."""

from django.core.paginator import Paginator
from django.shortcuts import render

from tipilot.calls.selectors import instruction as selectors
from tipilot.calls.selectors.laureates import region_choices
from tipilot.governance.scope import user_scope

from ...access import login_redirect, require

PAGE_SIZE = 50


def filters_from(params) -> selectors.DeskFilters:
    """The desk's filters from the query string (French names, as shown in the address)."""
    text = {
        name: params.get(key, "").strip()
        for name, key in (
            ("call", "appel"),
            ("status", "statut"),
            ("region", "region"),
            ("territory", "territoire"),
            ("q", "q"),
        )
    }
    return selectors.DeskFilters(**text, mine=params.get("mes-dossiers") == "1")


@login_redirect
def desk(request):
    require(request, "calls.follow_applications")
    user, params = request.user, request.GET
    filters = filters_from(params)
    page = Paginator(selectors.desk_list(user, filters), PAGE_SIZE).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    without_status = query.copy()
    without_status.pop("statut", None)
    scope = user_scope(user)
    return render(
        request,
        "web/calls/instruction/desk.html",
        {
            "page_obj": page,
            "count": page.paginator.count,
            "params": params,
            "query": query.urlencode(),
            "status_query": without_status.urlencode(),
            "counts": selectors.status_counts(user, filters),
            "calls": selectors.desk_calls(user),
            "regions": region_choices(),
            "statuses": selectors.desk_statuses(),
            "instructs": bool(scope.national or scope.operators),
            "scope_label": scope.label,
            "mine": filters.mine,
        },
    )
