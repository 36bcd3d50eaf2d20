"""Reads of France Expérimentation requests: search, filters, similar requests."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from tipilot.core.text import fold
from tipilot.geo.models import Region
from tipilot.governance.scope import user_scope

from .models import DerogationRequest


@dataclass(frozen=True)
class RequestFilters:
    q: str = ""
    theme: str = ""
    status: str = ""
    region: str = ""
    territory: str = ""


def visible_to(user) -> Q:
    """Published requests, plus those the reader may change (national team, pilots)."""
    scope = user_scope(user)
    if scope.national:
        return Q()
    condition = Q(is_public=True)
    if scope.pilot_regions:
        condition |= Q(territory__regions__code__in=scope.pilot_regions)
    return condition


def request_list(filters: RequestFilters = RequestFilters(), *, user=None) -> QuerySet:
    """Requests matching every word of ``q`` (accent-insensitive), and the filters."""
    qs = DerogationRequest.objects.filter(visible_to(user))
    for word in fold(filters.q).split():
        qs = qs.filter(search_text__contains=word)
    if filters.theme:
        qs = qs.filter(theme=filters.theme)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.region:
        qs = qs.filter(territory__regions__code=filters.region)
    if filters.territory:
        qs = qs.filter(territory__identifier=filters.territory)
    ids = qs.values("pk")  # the region joins may repeat a row: select by id
    return (
        DerogationRequest.objects.filter(pk__in=ids)
        .select_related("territory__generation", "applicant")
        .prefetch_related(
            Prefetch("territory__regions", queryset=Region.objects.only("code", "name"))
        )
        .defer("search_text", "territory__outline", "territory__search_text")
        .order_by("-submitted_on", "-id")
    )


def request_detail(pk: int, *, user=None) -> DerogationRequest:
    return request_list(user=user).get(pk=pk)


def similar_requests(request: DerogationRequest, *, user=None, limit: int = 5) -> list:
    """Other requests on the same legal reference first, then on the same theme."""
    same = Q(theme=request.theme)
    if request.legal_key:
        same |= Q(legal_key=request.legal_key)
    rows = (
        DerogationRequest.objects.filter(visible_to(user))
        .filter(same)
        .exclude(pk=request.pk)
        .select_related("territory")
        .defer("search_text", "territory__outline", "territory__search_text")
        .distinct()
        .order_by("-submitted_on", "-id")
    )
    rows = list(rows[:50])
    rows.sort(key=lambda r: r.legal_key != request.legal_key)  # stable: newest within each
    return rows[:limit]
