"""Reads of sites clés en main: the filtered catalogue, its figures, one site, the waves."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from tipilot.core.text import fold

from .enums import ACCESS, UTILITIES, SiteStatus
from .models import Site, SiteWave

RELATED = ("commune__region", "commune__department", "territory__generation", "wave")
HEAVY = (
    "search_text",
    "contact_name",
    "contact_email",
    "commune__outline",
    "commune__region__outline",
    "commune__department__outline",
    "territory__outline",
    "territory__search_text",
)


@dataclass(frozen=True)
class SiteFilters:
    """The catalogue's filters, shared by the page, the map and the API. Empty: everything
    but the withdrawn sites (a status filter shows them)."""

    q: str = ""
    region: str = ""
    department: str = ""
    territory: str = ""
    wave: str = ""
    status: str = ""
    surface_min: Decimal | None = None
    surface_max: Decimal | None = None
    access: frozenset[str] = field(default_factory=frozenset)
    utilities: frozenset[str] = field(default_factory=frozenset)
    ready: bool = False
    available_now: bool = False


def site_filters(data: dict) -> SiteFilters:
    """Filters from cleaned form or query data (the page's and the API's names)."""
    text = ("q", "region", "department", "territory", "wave", "status")
    return SiteFilters(
        **{name: (data.get(name) or "").strip() for name in text},
        surface_min=data.get("surface_min"),
        surface_max=data.get("surface_max"),
        access=frozenset(data.get("access") or ()),
        utilities=frozenset(data.get("utility") or ()),
        ready=bool(data.get("ready")),
        available_now=bool(data.get("available_now")),
    )


def _where_place(f: SiteFilters) -> Q:
    where = Q(status=f.status) if f.status else ~Q(status=SiteStatus.WITHDRAWN)
    for name, value in (
        ("commune__region__code", f.region),
        ("commune__department__code", f.department),
        ("territory__identifier", f.territory),
        ("wave__code", f.wave),
    ):
        if value:
            where &= Q(**{name: value})
    for word in fold(f.q).split():
        where &= Q(search_text__contains=word)
    return where


def _where(filters: SiteFilters, today: dt.date) -> Q:
    f = filters
    where = _where_place(f)
    if f.surface_min is not None:
        where &= Q(surface_available_ha__gte=f.surface_min)
    if f.surface_max is not None:
        where &= Q(surface_available_ha__lte=f.surface_max)
    for code in sorted(f.access & ACCESS.keys()):
        where &= Q(**{ACCESS[code][0]: True})
    for code in sorted(f.utilities & UTILITIES.keys()):
        where &= Q(**{code: True})
    if f.ready:
        where &= Q(is_ready=True)
    if f.available_now:
        where &= Q(available_from__lte=today, surface_available_ha__gt=0)
    return where


def site_list(filters: SiteFilters | None = None, *, today: dt.date | None = None) -> QuerySet:
    """The catalogue: sites matching the filters, with their commune, territory and wave."""
    where = _where(filters or SiteFilters(), today or dt.date.today())
    return (
        Site.objects.filter(where).select_related(*RELATED).defer(*HEAVY).order_by("name", "slug")
    )


def catalogue_figures(sites: QuerySet) -> dict:
    """Count, ready count and hectares available of a filtered catalogue, in one query."""
    return sites.order_by().aggregate(
        count=Count("pk"),
        ready=Count("pk", filter=Q(is_ready=True)),
        hectares=Coalesce(Sum("surface_available_ha"), Decimal(0)),
    )


def site_detail(slug: str) -> Site:
    """One site with what its page shows (raises ``Site.DoesNotExist``)."""
    return (
        Site.objects.select_related(*RELATED)
        .defer(
            "commune__outline",
            "commune__region__outline",
            "commune__department__outline",
            "territory__outline",
            "territory__search_text",
        )
        .get(slug=slug)
    )


def wave_list() -> QuerySet[SiteWave]:
    """The waves, each with the sites recorded here (withdrawn ones apart)."""
    return SiteWave.objects.annotate(
        recorded=Count("sites", filter=~Q(sites__status=SiteStatus.WITHDRAWN)),
        withdrawn=Count("sites", filter=Q(sites__status=SiteStatus.WITHDRAWN)),
    ).order_by("announced_on")
