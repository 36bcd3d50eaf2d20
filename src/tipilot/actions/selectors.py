"""Reads on measures, fiches actions and funding lines.

Totals are computed from the funding lines (never typed in), with correlated subqueries so that
a list of measures or actions costs the same number of queries whatever its length.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from tipilot.geo.models import Region
from tipilot.governance.scope import user_scope

from .enums import ActionStatus, Decision
from .models import Action, FundingLine, Measure

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=16, decimal_places=2))
MONEY = DecimalField(max_digits=16, decimal_places=2)


def _line_sum(field: str, **link) -> Coalesce:
    """The sum of ``field`` over the funding lines linked to the outer row by ``link``."""
    column = next(iter(link))
    rows = (
        FundingLine.objects.filter(**{column: OuterRef(link[column])})
        .order_by()
        .values(column)
        .annotate(total=Sum(field))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=MONEY), ZERO)


def _action_count() -> Coalesce:
    through = Action.measures.through
    rows = (
        through.objects.filter(measure_id=OuterRef("pk"))
        .order_by()
        .values("measure_id")
        .annotate(n=Count("action_id"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def measure_list() -> QuerySet[Measure]:
    """The basket, by axis, each measure with ``committed``, ``paid`` and ``action_count``."""
    return (
        Measure.objects.select_related("axis")
        .prefetch_related("operators")
        .annotate(
            requested=_line_sum("amount_requested", measure_id="pk"),
            committed=_line_sum("amount_committed", measure_id="pk"),
            paid=_line_sum("amount_paid", measure_id="pk"),
            action_count=_action_count(),
        )
        .order_by("axis__position", "position", "name", "pk")
    )


def measure_detail(pk: int) -> Measure:
    return measure_list().get(pk=pk)


def share(part: Decimal | None, whole: Decimal | None) -> int | None:
    """``part`` as a whole percentage of ``whole`` (None when there is no whole)."""
    if not whole:
        return None
    return int(round(100 * Decimal(part or 0) / Decimal(whole)))


def measure_regions(measure: Measure) -> list[dict]:
    """Funding lines on ``measure`` by region of their action's territory.

    A territory spanning two regions counts in both.
    """
    rows = (
        FundingLine.objects.filter(measure=measure)
        .order_by()
        .values("action__territory__regions__code", "action__territory__regions__name")
        .annotate(
            actions=Count("action", distinct=True),
            requested=Sum("amount_requested"),
            committed=Sum("amount_committed"),
            paid=Sum("amount_paid"),
        )
        .order_by("action__territory__regions__name")
    )
    return [
        {
            "code": row["action__territory__regions__code"],
            "name": row["action__territory__regions__name"] or "Sans région",
            "actions": row["actions"],
            "requested": row["requested"],
            "committed": row["committed"],
            "paid": row["paid"],
        }
        for row in rows
    ]


def _actions() -> QuerySet[Action]:
    return (
        Action.objects.select_related("territory__generation", "axis", "lead")
        .defer("territory__outline", "territory__search_text")
        .annotate(
            requested=_line_sum("amount_requested", action_id="pk"),
            committed=_line_sum("amount_committed", action_id="pk"),
            paid=_line_sum("amount_paid", action_id="pk"),
        )
    )


@dataclass(frozen=True)
class ActionFilters:
    """What the list pages and the API may filter actions on (empty: no filter)."""

    q: str = ""
    region: str = ""
    territory: str = ""
    generation: str = ""
    axis: str = ""
    status: str = ""
    measure: str = ""
    tag: str = ""
    is_relocation: bool | None = None
    is_fragile_territory: bool | None = None
    updated_since: dt.datetime | None = None


EXACT = {
    "territory": "territory__identifier",
    "generation": "territory__generation__code",
    "axis": "axis__code",
    "status": "status",
    "is_relocation": "is_relocation",
    "is_fragile_territory": "is_fragile_territory",
    "updated_since": "updated_at__gte",
}
RELATED = {  # many-to-many: filtered through a subquery so that rows are not repeated
    "region": "territory__regions__code",
    "measure": "measures__code",
    "tag": "tags__slug",
}


def action_list(filters: ActionFilters = ActionFilters()) -> QuerySet[Action]:
    """Actions with their ``requested``, ``committed`` and ``paid`` totals, filtered."""
    qs = _actions().prefetch_related(
        Prefetch("measures", queryset=Measure.objects.only("id", "code", "name")),
        "tags",
    )
    for name, lookup in EXACT.items():
        value = getattr(filters, name)
        if value not in ("", None):
            qs = qs.filter(**{lookup: value})
    for name, lookup in RELATED.items():
        value = getattr(filters, name)
        if value:
            qs = qs.filter(pk__in=Action.objects.filter(**{lookup: value}).values("pk"))
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q)
            | Q(lead__name__icontains=filters.q)
            | Q(external_id__icontains=filters.q)
        )
    return qs.order_by("territory__identifier", "external_id", "pk")


def action_detail(external_id: str) -> Action:
    """One action with everything its page shows, its funding plan in order."""
    lines = FundingLine.objects.select_related("funder", "measure").prefetch_related(
        "measure__operators"
    )
    return (
        _actions()
        .select_related("contract", "commune")
        .prefetch_related(
            Prefetch("territory__regions", queryset=Region.objects.defer("outline")),
            Prefetch("measures", queryset=Measure.objects.prefetch_related("operators")),
            "tags",
            Prefetch("funding_lines", queryset=lines.order_by("position")),
        )
        .get(external_id=external_id)
    )


def plan_totals(lines) -> dict[str, Decimal]:
    """Requested, committed and paid over a funding plan's lines."""
    totals = {"requested": Decimal(0), "committed": Decimal(0), "paid": Decimal(0)}
    for line in lines:
        totals["requested"] += line.amount_requested
        totals["committed"] += line.amount_committed
        totals["paid"] += line.amount_paid
    return totals


@dataclass(frozen=True)
class LineFilters:
    action: str = ""
    territory: str = ""
    region: str = ""
    funder_category: str = ""
    funder: str = ""
    measure: str = ""
    decision: str = ""


LINE_EXACT = {
    "action": "action__external_id",
    "territory": "action__territory__identifier",
    "funder_category": "funder_category",
    "funder": "funder__siren",
    "measure": "measure__code",
    "decision": "decision",
}


def funding_line_list(filters: LineFilters = LineFilters()) -> QuerySet[FundingLine]:
    qs = FundingLine.objects.select_related(
        "action__territory__generation", "funder", "measure"
    ).defer("action__territory__outline", "action__territory__search_text")
    for name, lookup in LINE_EXACT.items():
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{lookup: value})
    if filters.region:
        territories = Action.objects.filter(territory__regions__code=filters.region)
        qs = qs.filter(action__in=territories.values("pk"))
    return qs.order_by("action__external_id", "position", "pk")


def lines_to_instruct(user) -> QuerySet[FundingLine]:
    """« Mes dossiers à instruire »: lines the user's operators fund or deliver, pending first."""
    operators = user_scope(user).operators
    if not operators:
        return FundingLine.objects.none()
    mine = Q(funder_id__in=operators) | Q(
        measure_id__in=Measure.objects.filter(operators__in=operators).values("pk")
    )
    pending_first = Case(
        When(decision=Decision.PENDING, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        funding_line_list()
        .filter(mine)
        .prefetch_related("measure__operators")
        .order_by(pending_first, "action__external_id", "position", "pk")
    )


def _change(change) -> dict:
    field = FundingLine._meta.get_field(change.field)
    labels = dict(field.flatchoices) if field.choices else {}
    return {
        "field": str(field.verbose_name),
        "old": labels.get(change.old, change.old),
        "new": labels.get(change.new, change.new),
    }


def plan_history(action: Action, limit: int = 50) -> list[dict]:
    """The audit trail of the action's funding lines (removed ones included), newest first,
    in the shape of ``core.audit.history_of``: ``record``, ``line`` (its n°) and ``changes``."""
    records = list(
        FundingLine.history.filter(action_id=action.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    out = []
    previous = None
    for record in records:
        changes = []
        if previous is not None and previous.id == record.id:
            delta = record.diff_against(previous, excluded_fields=["decided_by"])
            changes = [_change(c) for c in delta.changes]
        out.append({"record": record, "line": record.position, "changes": changes})
        previous = record
    out.sort(key=lambda item: (item["record"].history_date, item["record"].history_id))
    return out[::-1][:limit]


def territory_action_totals(territory) -> dict:
    """A territory's actions for its page: how many, how many engaged, how much money."""
    S = ActionStatus
    actions = Action.objects.filter(territory=territory).aggregate(
        count=Count("pk"),
        engaged=Count("pk", filter=Q(status__in=[S.ENGAGED, S.IN_PROGRESS, S.COMPLETED])),
    )
    money = FundingLine.objects.filter(action__territory=territory).aggregate(
        committed=Coalesce(Sum("amount_committed"), ZERO),
        paid=Coalesce(Sum("amount_paid"), ZERO),
    )
    return actions | money
