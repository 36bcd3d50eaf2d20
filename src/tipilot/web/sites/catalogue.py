"""The public catalogue of sites clés en main (filters, map, cards) and the waves."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from tipilot.sites import selectors
from tipilot.sites.enums import ACCESS, UTILITIES

from .forms import CatalogueForm

PAGE_SIZE = 24


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def catalogue(request):
    form = CatalogueForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    data = form.api_data() if valid else {}
    sites = selectors.site_list(selectors.site_filters(data))
    if not valid:
        sites = sites.none()
    page = Paginator(sites, PAGE_SIZE).get_page(request.GET.get("page"))
    query = _query(request)
    api_query = form.api_query()
    context = {
        "form": form,
        "page_obj": page,
        "figures": selectors.catalogue_figures(sites),
        "query": query,
        "geojson_url": reverse("api-sites-geojson") + (f"?{api_query}" if api_query else ""),
        "access_choices": [(code, label) for code, (_, _, label) in ACCESS.items()],
        "utility_choices": list(UTILITIES.items()),
        "checked_access": request.GET.getlist("acces"),
        "checked_utility": request.GET.getlist("reseau"),
        "can_create": request.user.has_perm("sites.add_site"),
    }
    return render(request, "web/sites/catalogue.html", context, status=200 if valid else 400)


def waves(request):
    rows = list(selectors.wave_list())
    return render(
        request,
        "web/sites/waves.html",
        {"waves": rows, "recorded": sum(w.recorded for w in rows)},
    )
