from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from tipilot.actions.selectors import territory_action_totals
from tipilot.analytics.reach import territory_reach
from tipilot.contracts.models import Contract
from tipilot.geo.models import Region
from tipilot.governance.selectors import public_binome_names
from tipilot.territories.models import Generation, Territory
from tipilot.territories.selectors import (
    generations_with_territory,
)
from tipilot.territories.selectors import (
    territory_detail as select_territory,
)
from tipilot.territories.selectors import (
    territory_list as select_territories,
)

PAGE_SIZE = 50


def territory_list(request):
    params = request.GET
    territories = select_territories(
        q=params.get("q", ""),
        region=params.get("region", ""),
        generation=params.get("generation", ""),
        include_withdrawn=params.get("statut") == "tous",
    )
    page = Paginator(territories, PAGE_SIZE).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    api_query = _api_query(params)
    return render(
        request,
        "web/territory_list.html",
        {
            "page_obj": page,
            "count": page.paginator.count,
            "regions": Region.objects.filter(dissolved=False).defer("outline"),
            "generations": Generation.objects.all(),
            "params": params,
            "query": query.urlencode(),
            "api_query": api_query,
        },
    )


def _api_query(params) -> str:
    api = params.copy()
    api.pop("page", None)
    if api.pop("statut", None) == ["tous"]:
        api["status"] = "all"
    return api.urlencode()


def territory_detail(request, identifier):
    generations = list(generations_with_territory(identifier))
    if not generations:
        raise Http404("Aucun territoire ne porte cet identifiant.")
    wanted = request.GET.get("generation")
    generation = next((g for g in generations if g.code == wanted), generations[0])
    try:
        territory = select_territory(generation=generation, identifier=identifier)
    except Territory.DoesNotExist as exc:
        raise Http404 from exc
    others = Territory.objects.filter(identifier=identifier).exclude(generation=generation)
    memberships = list(territory.memberships.all())
    contract = Contract.objects.filter(territory=territory).first()
    user = request.user
    return render(
        request,
        "web/territory_detail.html",
        {
            "territory": territory,
            "current": [m for m in memberships if m.left_on is None],
            "past": [m for m in memberships if m.left_on is not None],
            "others": others.select_related("generation").defer("outline", "search_text"),
            "outline": territory.outline,
            "contract": contract,
            "binome": public_binome_names(territory),
            "can_create_contract": contract is None
            and user.has_perm("contracts.add_contract", territory),
            "team_private": user.has_perm("governance.view_territory_private", territory),
            "actions": territory_action_totals(territory),
            "can_add_action": user.has_perm("actions.add_action", territory),
            "reach": territory_reach(territory, user=user),
        },
    )
