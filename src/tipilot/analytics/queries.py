"""The bilan's SQL: a fixed handful of GROUP BY queries, whatever the number of actions.

Each function returns small lists of grouped rows (dicts); ``selectors`` shapes them. None
loops over actions or funding lines in Python. The groupings are chosen for speed on both
backends (see ``bench/``): each query groups funding lines by one or two indexed keys, and
days rather than months are grouped in SQL (``TruncMonth`` is a Python function on SQLite,
called for every row), the months being summed in Python from at most a few thousand days.
"""

from django.db.models import Count, F, Q, Sum

from tipilot.actions.enums import ActionStatus
from tipilot.actions.models import Action, FundingLine
from tipilot.territories.models import Territory

from .scope import BilanScope

ACTIVE = ~Q(status=ActionStatus.ABANDONED)
ENGAGED = Q(status__in=[ActionStatus.ENGAGED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED])
OBSERVED = Q(jobs_created_observed__isnull=False) | Q(jobs_maintained_observed__isnull=False)
MONEY = {
    "requested": Sum("amount_requested"),
    "committed": Sum("amount_committed"),
    "paid": Sum("amount_paid"),
}


def action_groups(scope: BilanScope) -> list[dict]:
    """Actions counted, and their jobs summed, by status × axis × relocation × fragile."""
    rows = (
        Action.objects.filter(scope.actions())
        .values("status", "axis_id", "is_relocation", "is_fragile_territory")
        .annotate(
            count=Count("id"),
            created_planned=Sum("jobs_created_planned"),
            maintained_planned=Sum("jobs_maintained_planned"),
            created_observed=Sum("jobs_created_observed"),
            maintained_observed=Sum("jobs_maintained_observed"),
            observed=Count("id", filter=OBSERVED),
        )
        .order_by()
    )
    return list(rows)


def _lines(scope: BilanScope):
    return FundingLine.objects.filter(scope.actions("action__"))


def line_groups(scope: BilanScope) -> list[dict]:
    """Euros summed by funder category × measure."""
    rows = (
        _lines(scope)
        .values(category=F("funder_category"), measure_key=F("measure_id"))
        .annotate(**MONEY)
        .order_by()
    )
    return list(rows)


def committed_by_day(scope: BilanScope) -> list[dict]:
    rows = (
        _lines(scope)
        .filter(committed_on__isnull=False)
        .values(day=F("committed_on"))
        .annotate(committed=Sum("amount_committed"))
        .order_by()
    )
    return list(rows)


def engaged_by_day(scope: BilanScope) -> list[dict]:
    rows = (
        Action.objects.filter(scope.actions(), engaged_on__isnull=False)
        .values(day=F("engaged_on"))
        .annotate(engaged=Count("id"))
        .order_by()
    )
    return list(rows)


def measure_actions(*, measure_code: str, generation_code: str) -> dict:
    """Actions with a funding line on the measure: count, planned jobs, relocations."""
    lines = FundingLine.objects.filter(measure__code=measure_code)
    return Action.objects.filter(
        pk__in=lines.values("action_id"), territory__generation__code=generation_code
    ).aggregate(
        projects=Count("id"),
        created=Sum("jobs_created_planned"),
        maintained=Sum("jobs_maintained_planned"),
        relocations=Count("id", filter=Q(is_relocation=True)),
    )


def actions_by_territory(scope: BilanScope) -> list[dict]:
    rows = (
        Action.objects.filter(scope.actions())
        .values("territory_id")
        .annotate(
            actions=Count("id"),
            engaged=Count("id", filter=ENGAGED),
            created_planned=Sum("jobs_created_planned", filter=ACTIVE),
            maintained_planned=Sum("jobs_maintained_planned", filter=ACTIVE),
        )
        .order_by()
    )
    return list(rows)


def money_by_territory(scope: BilanScope) -> list[dict]:
    """Euros by territory × fragile flag: one join of lines to actions serves the breakdown
    table and the fragile share (two such joins were a third of the bilan's time at 10x)."""
    rows = (
        _lines(scope)
        .values(territory_id=F("action__territory_id"), fragile=F("action__is_fragile_territory"))
        .annotate(**MONEY)
        .order_by()
    )
    return list(rows)


def breakdown_keys(scope: BilanScope) -> list[dict]:
    """Where each territory's figures go: its regions (national bilan) or itself (a region's).

    A territory of two regions gives two rows here, so it counts in each region's line.
    """
    generation = {"generation": scope.generation} if scope.generation else {}
    if scope.region is None:
        pairs = Territory.regions.through.objects.filter(
            **{f"territory__{k}": v for k, v in generation.items()}
        )
        return list(pairs.values("territory_id", code=F("region__code"), label=F("region__name")))
    territories = Territory.objects.filter(regions=scope.region, **generation)
    return list(
        territories.values(
            territory_id=F("id"),
            code=F("identifier"),
            label=F("name"),
            generation_code=F("generation__code"),
        )
    )
