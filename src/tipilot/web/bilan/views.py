"""Bilan d'étape pages: the live bilan (France, a region, a territory), its CSV, and the
bilans frozen and published by the national team and the regional pilots."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tipilot.analytics import services
from tipilot.analytics.deployments import bilan_with_deployments
from tipilot.analytics.scope import BilanScope, resolve_scope
from tipilot.analytics.tables import CSV_HEADER, bilan_rows
from tipilot.analytics.targets import FIRST_GENERATION
from tipilot.api.v1.outputs import csv_response
from tipilot.geo.models import Region
from tipilot.territories.models import Generation

from ..access import login_redirect, require


def _figures(scope: BilanScope) -> dict:
    return bilan_with_deployments(
        region=scope.region, territory=scope.territory, generation=scope.generation
    )


def _page(request, scope: BilanScope | None, *, error: ValidationError | None = None):
    params = request.GET
    query = params.urlencode()
    context = {
        "figures": _figures(scope) if scope else None,
        "scope": scope,
        "errors": error.messages if error else [],
        "regions": Region.objects.filter(dissolved=False).only("code", "name"),
        "generations": Generation.objects.all(),
        "params": params,
        "can_freeze": scope is not None and request.user.has_perm("analytics.freeze_bilan", scope),
        "csv_url": _csv_url(scope, query) if scope else "",
        "snapshots_url": _snapshots_url(scope) if scope else reverse("bilan-snapshots"),
        "targets_generation": FIRST_GENERATION,
    }
    return render(request, "web/bilan/bilan.html", context, status=400 if error else 200)


def _csv_url(scope: BilanScope, query: str) -> str:
    if scope.territory is not None:
        url = reverse("territory-bilan-csv", args=[scope.territory.identifier])
        return f"{url}?generation={scope.territory.generation.code}"
    return f"{reverse('bilan-csv')}?{query}" if query else reverse("bilan-csv")


def _snapshots_url(scope: BilanScope) -> str:
    url = reverse("bilan-snapshots")
    if scope.territory is not None:
        return f"{url}?territoire={scope.territory.pk}"
    if scope.region is not None:
        return f"{url}?region={scope.region.code}"
    return f"{url}?echelle=national"


def _national_scope(request) -> BilanScope:
    params = request.GET
    return resolve_scope(region=params.get("region", ""), generation=params.get("generation", ""))


def _territory_scope(request, identifier: str) -> BilanScope:
    try:
        scope = resolve_scope(territory=identifier, generation=request.GET.get("generation", ""))
    except ValidationError as error:
        raise Http404("Aucun territoire ne porte cet identifiant dans cette génération.") from error
    return scope


def bilan(request):
    """The national bilan, or a region's with ``?region=<code>``; ``?generation=`` narrows."""
    try:
        scope = _national_scope(request)
    except ValidationError as error:
        return _page(request, None, error=error)
    return _page(request, scope)


def territory_bilan(request, identifier: str):
    return _page(request, _territory_scope(request, identifier))


def _csv(scope: BilanScope, figures: dict, name: str):
    return csv_response(CSV_HEADER, bilan_rows(figures), f"bilan-{name}-{figures['as_of']}.csv")


def _file_name(scope: BilanScope) -> str:
    if scope.territory is not None:
        return scope.territory.identifier
    return f"region-{scope.region.code}" if scope.region is not None else "national"


def bilan_csv(request):
    try:
        scope = _national_scope(request)
    except ValidationError as error:
        return _page(request, None, error=error)
    return _csv(scope, _figures(scope), _file_name(scope))


def territory_bilan_csv(request, identifier: str):
    scope = _territory_scope(request, identifier)
    return _csv(scope, _figures(scope), _file_name(scope))


@login_redirect
@require_POST
def bilan_freeze(request):
    post = request.POST
    try:
        scope = resolve_scope(
            region=post.get("region", ""),
            territory=post.get("territory", ""),
            generation=post.get("generation", ""),
        )
    except ValidationError as error:
        return _page(request, None, error=error)
    require(request, "analytics.freeze_bilan", scope)
    snapshot = services.bilan_freeze(
        by=request.user,
        region=scope.region,
        territory=scope.territory,
        generation=scope.generation,
        title=post.get("title", "")[:200],
    )
    messages.success(request, "Le bilan est figé : vérifiez-le, puis publiez-le.")
    return redirect("bilan-snapshot", pk=snapshot.pk)
