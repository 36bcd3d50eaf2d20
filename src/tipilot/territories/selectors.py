"""Reads for territories: lists with search and filters, one territory with its history."""

from collections import defaultdict

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from tipilot.core.text import fold
from tipilot.geo.models import Department, Epci, Region

from .enums import TerritoryStatus
from .models import Generation, Membership, Territory, TerritoryChange


def has_demo_data() -> bool:
    return Territory.objects.filter(is_demo=True).exists()


def territory_list(
    *,
    q: str = "",
    region: str = "",
    generation: str = "",
    department: str = "",
    include_withdrawn: bool = False,
) -> QuerySet[Territory]:
    """Territories matching a free-text search on territory, EPCI, commune or department name."""
    qs = (
        Territory.objects.select_related("generation", "wave")
        .prefetch_related(
            Prefetch("regions", queryset=Region.objects.defer("outline")),
            Prefetch("departments", queryset=Department.objects.defer("outline")),
        )
        .defer("outline", "search_text")
    )
    if not include_withdrawn:
        qs = qs.filter(status=TerritoryStatus.LABELLED)
    if q:
        for word in fold(q).split():
            qs = qs.filter(search_text__contains=word)
    if region:
        qs = qs.filter(regions__code=region)
    if department:
        qs = qs.filter(departments__code=department)
    if generation:
        qs = qs.filter(generation__code=generation)
    return qs.distinct().order_by("-generation__start_year", "identifier")


def territory_detail(*, generation: Generation, identifier: str) -> Territory:
    memberships = (
        Membership.objects.select_related("epci", "commune")
        .defer("epci__outline", "commune__outline")
        .order_by(F("left_on").asc(nulls_first=True), "epci__name", "commune__name")
    )
    changes = TerritoryChange.objects.select_related("epci", "commune").defer(
        "epci__outline", "commune__outline"
    )
    return (
        Territory.objects.select_related("generation", "wave")
        .prefetch_related(
            Prefetch("regions", queryset=Region.objects.defer("outline")),
            Prefetch("departments", queryset=Department.objects.defer("outline")),
            Prefetch("memberships", queryset=memberships),
            Prefetch("changes", queryset=changes),
        )
        .get(generation=generation, identifier=identifier)
    )


def generations_with_territory(identifier: str) -> QuerySet[Generation]:
    return Generation.objects.filter(territories__identifier=identifier).order_by("-start_year")


def latest_generation() -> Generation | None:
    return Generation.objects.filter(territories__isnull=False).order_by("-start_year").first()


def programme_figures(*, region: str = "") -> list[dict]:
    """Key figures per generation: territories, members, communes, population (current)."""
    territories = Territory.objects.filter(status=TerritoryStatus.LABELLED)
    if region:
        territories = territories.filter(regions__code=region)
    per_generation = (
        territories.values("generation__code", "generation__name")
        .annotate(
            territories=Count("id", distinct=True),
            population=Sum("population"),
            communes=Sum("commune_count"),
        )
        .order_by("generation__code")
    )
    members = Membership.objects.filter(
        left_on__isnull=True, territory__in=territories.values("id")
    )
    epcis = dict(
        members.filter(epci__isnull=False)
        .values("territory__generation__code")
        .annotate(n=Count("epci", distinct=True))
        .values_list("territory__generation__code", "n")
    )
    return [{**row, "epcis": epcis.get(row["generation__code"], 0)} for row in per_generation]


def figures_by_region(*, generation: Generation) -> QuerySet:
    return (
        Territory.objects.filter(generation=generation, status=TerritoryStatus.LABELLED)
        .values("regions__code", "regions__name")
        .annotate(territories=Count("id"), population=Sum("population"))
        .order_by("regions__code")
    )


def territory_of_commune(commune, *, generation: Generation | None = None) -> Territory | None:
    """The labelled territory a commune lies in today (through its EPCI or on its own).

    Used to place a project, a site or a deployment from its commune. ``generation`` defaults
    to the latest one with territories; a commune belongs to at most one territory of a
    generation, but if the data say otherwise the lowest identifier wins, deterministically.
    """
    generation = generation or latest_generation()
    if commune is None or generation is None:
        return None
    members = Q(memberships__commune=commune)
    if commune.epci_id:
        members |= Q(memberships__epci_id=commune.epci_id)
    return (
        Territory.objects.filter(
            members,
            memberships__left_on__isnull=True,
            generation=generation,
            status=TerritoryStatus.LABELLED,
        )
        .defer("outline", "search_text")
        .order_by("identifier")
        .first()
    )


def member_commune_ids(territories) -> dict[int, list[int]]:
    """Commune ids of each territory's members today (EPCI members and single communes).

    Two queries whatever the number of territories: the demos spread generated projects,
    sites and deployments over real communes of labelled territories with it.
    """
    ids = [t if isinstance(t, int) else t.pk for t in territories]
    members = Membership.objects.filter(territory_id__in=ids, left_on__isnull=True)
    out: dict[int, list[int]] = defaultdict(list)
    epcis = defaultdict(list)
    for territory_id, epci_id, commune_id in members.values_list(
        "territory_id", "epci_id", "commune_id"
    ):
        if commune_id:
            out[territory_id].append(commune_id)
        else:
            epcis[epci_id].append(territory_id)
    through = Epci.communes.through.objects.filter(epci_id__in=list(epcis))
    for epci_id, commune_id in through.values_list("epci_id", "commune_id"):
        for territory_id in epcis[epci_id]:
            out[territory_id].append(commune_id)
    return {k: sorted(v) for k, v in out.items()}
