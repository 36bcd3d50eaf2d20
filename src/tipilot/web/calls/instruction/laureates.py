"""The public list of laureates: projects, organisations, places and amounts, no person."""

from django.core.paginator import Paginator
from django.shortcuts import render

from tipilot.calls.models import Call
from tipilot.calls.selectors import laureates as selectors

PAGE_SIZE = 50


def filters_from(params) -> selectors.LaureateFilters:
    return selectors.LaureateFilters(
        call=params.get("call", "").strip(),
        region=params.get("region", "").strip(),
        territory=params.get("territoire", "").strip(),
        q=params.get("q", "").strip(),
    )


def laureate_list(request):
    params = request.GET
    laureates = selectors.laureate_list(filters_from(params))
    page = Paginator(laureates, PAGE_SIZE).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    return render(
        request,
        "web/calls/instruction/laureate_list.html",
        {
            "page_obj": page,
            "totals": selectors.laureate_totals(laureates),
            "params": params,
            "query": query.urlencode(),
            "calls": Call.objects.filter(is_published=True).only("slug", "title"),
            "regions": selectors.region_choices(),
        },
    )
