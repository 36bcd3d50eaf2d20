"""The list of fiches actions with its filters, and an instructor's « dossiers à instruire »."""

from django.core.paginator import Paginator
from django.shortcuts import render

from tipilot.actions import selectors
from tipilot.actions.enums import ActionStatus
from tipilot.actions.models import Axis, Measure, Tag
from tipilot.geo.models import Region
from tipilot.governance.scope import user_scope
from tipilot.territories.models import Generation

from ..access import LoginRequired, login_redirect

PAGE_SIZE = 50
YES_NO = {"oui": True, "non": False}


def filters_from(params) -> selectors.ActionFilters:
    """The list's filters from the query string; unknown values simply match nothing."""
    text = {
        name: params.get(key, "").strip()
        for name, key in (
            ("q", "q"),
            ("region", "region"),
            ("territory", "territoire"),
            ("generation", "generation"),
            ("axis", "axe"),
            ("status", "statut"),
            ("measure", "mesure"),
            ("tag", "theme"),
        )
    }
    return selectors.ActionFilters(
        **text,
        is_relocation=YES_NO.get(params.get("relocalisation", "")),
        is_fragile_territory=YES_NO.get(params.get("fragile", "")),
    )


def _page(request, queryset):
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def action_list(request):
    params = request.GET
    page, query = _page(request, selectors.action_list(filters_from(params)))
    return render(
        request,
        "web/actions/action_list.html",
        {
            "page_obj": page,
            "count": page.paginator.count,
            "params": params,
            "query": query,
            "regions": Region.objects.filter(dissolved=False).defer("outline"),
            "generations": Generation.objects.all(),
            "axes": Axis.objects.all(),
            "statuses": ActionStatus.choices,
            "measures": Measure.objects.only("code", "name"),
            "tags": Tag.objects.all(),
            "instructs": bool(user_scope(request.user).operators),
            # national team, pilots, territory teams: those who write actions somewhere
            "can_create": request.user.has_perm("actions.import_actions"),
        },
    )


@login_redirect
def lines_to_instruct(request):
    """The funding lines of the instructor's operator, pending decisions first."""
    if not request.user.is_authenticated:
        raise LoginRequired
    page, query = _page(request, selectors.lines_to_instruct(request.user))
    return render(
        request,
        "web/actions/lines_to_instruct.html",
        {
            "page_obj": page,
            "count": page.paginator.count,
            "query": query,
            "instructs": bool(user_scope(request.user).operators),
        },
    )
