"""Reads on contracts: the public list, the signature calendar, one contract with its parts."""

import datetime as dt

from django.db.models import Case, CharField, Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from tipilot.geo.models import Region

from .enums import CalendarStatus
from .models import Contract, Signatory


def with_calendar_status(qs: QuerySet, today: dt.date | None = None) -> QuerySet:
    """Annotate ``calendar_state`` (signed, planned, late, unscheduled) and ``calendar_date``."""
    today = today or timezone.localdate()
    return qs.annotate(
        calendar_state=Case(
            When(signed_on__isnull=False, then=Value(CalendarStatus.SIGNED)),
            When(planned_signature_on__isnull=True, then=Value(CalendarStatus.UNSCHEDULED)),
            When(planned_signature_on__lt=today, then=Value(CalendarStatus.LATE)),
            default=Value(CalendarStatus.PLANNED),
            output_field=CharField(),
        ),
        calendar_date=Coalesce("signed_on", "planned_signature_on"),
    )


def contract_list(
    *,
    region: str = "",
    generation: str = "",
    state: str = "",
    calendar_status: str = "",
    q: str = "",
    today: dt.date | None = None,
) -> QuerySet[Contract]:
    qs = with_calendar_status(
        Contract.objects.select_related("territory__generation")
        .prefetch_related(
            Prefetch("territory__regions", queryset=Region.objects.defer("outline")),
            Prefetch(
                "signatories",
                queryset=Signatory.objects.select_related("organisation", "representative"),
            ),
            "amendments",
        )
        .defer("territory__outline", "territory__search_text"),
        today,
    )
    if region:
        qs = qs.filter(territory__regions__code=region)
    if generation:
        qs = qs.filter(territory__generation__code=generation)
    if state:
        qs = qs.filter(state=state)
    if calendar_status:
        qs = qs.filter(calendar_state=calendar_status)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(territory__name__icontains=q))
    return qs.distinct().order_by(F("calendar_date").asc(nulls_last=True), "territory__identifier")


def calendar_counts(qs: QuerySet) -> dict[str, int]:
    """How many contracts of ``qs`` (annotated by ``with_calendar_status``) in each status."""
    rows = qs.order_by().values("calendar_state").annotate(n=Count("id", distinct=True))
    counts = {status.value: 0 for status in CalendarStatus}
    for row in rows:
        counts[row["calendar_state"]] = row["n"]
    counts["total"] = sum(counts.values())
    return counts


def signed_contract_count(*, generation: str = "") -> int:
    qs = Contract.objects.filter(signed_on__isnull=False)
    if generation:
        qs = qs.filter(territory__generation__code=generation)
    return qs.count()


def contract_detail(pk: int) -> Contract:
    return (
        Contract.objects.select_related("territory__generation")
        .prefetch_related(
            Prefetch("territory__regions", queryset=Region.objects.defer("outline")),
            Prefetch(
                "signatories",
                queryset=Signatory.objects.select_related("organisation", "representative"),
            ),
            "amendments",
            "documents",
            "events__author",
        )
        .defer("territory__outline", "territory__search_text")
        .get(pk=pk)
    )


def signatures_by_generation() -> dict[str, dict[str, int]]:
    """For the home page: per generation code, contracts signed and contracts recorded."""
    rows = (
        Contract.objects.values("territory__generation__code")
        .annotate(
            total=Count("id"),
            signed=Count("id", filter=Q(signed_on__isnull=False)),
        )
        .order_by()
    )
    return {
        row["territory__generation__code"]: {"signed": row["signed"], "total": row["total"]}
        for row in rows
    }
