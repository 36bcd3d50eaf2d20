"""Frozen bilans: the list of those published (and the drafts one may publish), one bilan
shown with the live bilan's template, its CSV, and its publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tipilot.analytics import services
from tipilot.analytics.models import BilanSnapshot, ScopeLevel, SnapshotState
from tipilot.analytics.selectors import published_snapshots
from tipilot.analytics.tables import CSV_HEADER, bilan_rows
from tipilot.api.v1.outputs import csv_response
from tipilot.geo.models import Region

from ..access import login_redirect, require

PAGE_SIZE = 50


def _snapshot(request, pk: int) -> BilanSnapshot:
    snapshot = (
        BilanSnapshot.objects.select_related(
            "region", "territory__generation", "generation", "frozen_by", "published_by"
        )
        .prefetch_related("territory__regions")
        .filter(pk=pk)
        .first()
    )
    if snapshot is None or not request.user.has_perm("analytics.view_snapshot", snapshot):
        raise Http404("Aucun bilan publié à ce numéro.")
    return snapshot


def _drafts(user) -> list[BilanSnapshot]:
    """Drafts the user may publish (few: a draft is published or left within days)."""
    if not user.is_authenticated:
        return []
    drafts = (
        BilanSnapshot.objects.filter(state=SnapshotState.DRAFT)
        .select_related("region", "territory__generation", "generation")
        .prefetch_related("territory__regions")
        .defer("figures")
    )
    return [d for d in drafts if user.has_perm("analytics.publish_bilan", d)]


def snapshot_list(request):
    params = request.GET
    level = params.get("echelle", "")
    if level not in ScopeLevel.values:
        level = ""
    region = Region.objects.filter(code=params.get("region", "")).only("code", "name").first()
    snapshots = published_snapshots(level=level, region=region)
    territory = params.get("territoire", "")
    if territory.isdigit():
        snapshots = snapshots.filter(territory_id=int(territory))
    return render(
        request,
        "web/bilan/snapshot_list.html",
        {
            "page_obj": Paginator(snapshots, PAGE_SIZE).get_page(params.get("page")),
            "drafts": _drafts(request.user),
            "levels": ScopeLevel.choices,
            "regions": Region.objects.filter(dissolved=False).only("code", "name"),
            "params": params,
            "query": _without_page(params),
        },
    )


def _without_page(params) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


def snapshot_detail(request, pk: int):
    snapshot = _snapshot(request, pk)
    return render(
        request,
        "web/bilan/bilan.html",
        {
            "figures": snapshot.figures,
            "snapshot": snapshot,
            "errors": [],
            "can_publish": request.user.has_perm("analytics.publish_bilan", snapshot),
        },
    )


def snapshot_csv(request, pk: int):
    snapshot = _snapshot(request, pk)
    name = f"bilan-arrete-{snapshot.pk}-{snapshot.as_of.isoformat()}.csv"
    return csv_response(CSV_HEADER, bilan_rows(snapshot.figures), name)


@login_redirect
@require_POST
def snapshot_publish(request, pk: int):
    snapshot = _snapshot(request, pk)
    require(request, "analytics.publish_bilan", snapshot)
    try:
        services.bilan_publish(snapshot=snapshot, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Le bilan est publié : ses chiffres ne changeront plus.")
    return redirect("bilan-snapshot", pk=snapshot.pk)
