"""The bilan d'étape, live: every figure computed from actions and funding lines.

``bilan_figures`` runs a fixed number of aggregate queries (see ``queries``) and returns a
plain, JSON-ready dict: the pages draw it, the API serialises it, a frozen bilan stores it.
Conventions: euros are floats rounded to the cent; jobs, relocations and the fragile share
count the actions not abandoned; every funding line counts in the euros (a commitment made
stays a commitment); a territory spanning two regions counts in each region, once nationally.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, QuerySet
from django.utils import timezone

from tipilot.actions.enums import FUNDER_GROUP, ActionStatus, FunderCategory, FunderGroup
from tipilot.actions.models import Axis, Measure
from tipilot.geo.models import Region
from tipilot.territories.models import Generation, Territory

from . import queries
from .models import BilanSnapshot, SnapshotState
from .scope import BilanScope
from .trends import monthly_trend
from .values import by_target, euros, money, share

AMOUNTS = ("requested", "committed", "paid")


def bilan_figures(
    *,
    region: Region | None = None,
    territory: Territory | None = None,
    generation: Generation | None = None,
) -> dict:
    """The bilan of France, a region or a territory (optionally of one generation)."""
    scope = BilanScope(region=region, territory=territory, generation=generation)
    axes = list(Axis.objects.order_by("position").values("id", "code", "name"))
    measures = list(
        Measure.objects.order_by("axis__position", "position", "name").values(
            "id", "code", "name", "envelope", axis_name=F("axis__name")
        )
    )
    action_rows = queries.action_groups(scope)
    line_rows = queries.line_groups(scope)
    territory_money = queries.money_by_territory(scope)
    figures = {
        "scope": scope.describe(),
        "as_of": timezone.localdate().isoformat(),
        "actions": _actions(action_rows, axes),
        "money": _money(line_rows, measures),
        **_people(action_rows),
        "fragile": _fragile(action_rows, territory_money, line_rows),
        "trend": monthly_trend(queries.committed_by_day(scope), queries.engaged_by_day(scope)),
        "targets": by_target(scope, line_rows, measures),
        "breakdown": _breakdown(scope, territory_money),
    }
    return figures


def _actions(rows: list[dict], axes: list[dict]) -> dict:
    cross: dict[tuple[str, int], int] = defaultdict(int)
    for row in rows:
        cross[row["status"], row["axis_id"]] += row["count"]
    by_status = [
        {"code": s.value, "label": s.label, "count": sum(cross[s, a["id"]] for a in axes)}
        for s in ActionStatus
    ]
    by_axis = [
        {
            "code": a["code"],
            "label": a["name"],
            "count": sum(cross[s, a["id"]] for s in ActionStatus),
        }
        for a in axes
    ]
    table = [
        {"code": s.value, "label": s.label, "counts": [cross[s, a["id"]] for a in axes]}
        for s in ActionStatus
    ]
    for row in table:
        row["total"] = sum(row["counts"])
    return {
        "total": sum(row["count"] for row in rows),
        "engaged": sum(
            cross[s, a["id"]]
            for s in (ActionStatus.ENGAGED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED)
            for a in axes
        ),
        "by_status": by_status,
        "by_axis": by_axis,
        "by_status_and_axis": {"axes": [a["name"] for a in axes], "rows": table},
    }


def _sum_money(rows, key) -> dict:
    totals: dict = defaultdict(lambda: dict.fromkeys(AMOUNTS, Decimal(0)))
    for row in rows:
        for amount in AMOUNTS:
            totals[key(row)][amount] += row[amount] or 0
    return totals


def _money(rows: list[dict], measures: list[dict]) -> dict:
    by_category = _sum_money(rows, lambda r: r["category"])
    by_group = _sum_money(rows, lambda r: FUNDER_GROUP[FunderCategory(r["category"])])
    by_measure = _sum_money(rows, lambda r: r["measure_key"])
    total = _sum_money(rows, lambda r: "all")["all"]
    measure_rows = [
        {
            "code": m["code"],
            "label": m["name"],
            "axis": m["axis_name"],
            "envelope": euros(m["envelope"]) if m["envelope"] is not None else None,
            **money(by_measure[m["id"]]),
            "envelope_share": share(by_measure[m["id"]]["committed"], m["envelope"]),
        }
        for m in measures
        if m["id"] in by_measure
    ]
    if None in by_measure:
        other = {"code": "", "label": "Autres dispositifs", "axis": "", "envelope": None}
        measure_rows.append({**other, **money(by_measure[None]), "envelope_share": None})
    return {
        "total": money(total),
        "by_group": [
            {"code": g.value, "label": g.label, **money(by_group[g])} for g in FunderGroup
        ],
        "by_category": [
            {"code": c.value, "label": c.label, **money(by_category[c])} for c in FunderCategory
        ],
        "by_measure": measure_rows,
    }


def _active(rows: list[dict]) -> list[dict]:
    return [row for row in rows if row["status"] != ActionStatus.ABANDONED]


def _total(rows: list[dict], name: str) -> int:
    return sum(row[name] or 0 for row in rows)


def _people(rows: list[dict]) -> dict:
    active = _active(rows)
    created, maintained = _total(active, "created_planned"), _total(active, "maintained_planned")
    observed_created = _total(active, "created_observed")
    observed_maintained = _total(active, "maintained_observed")
    moved = [row for row in active if row["is_relocation"]]
    jobs = {
        "created_planned": created,
        "maintained_planned": maintained,
        "planned": created + maintained,
        "created_observed": observed_created,
        "maintained_observed": observed_maintained,
        "observed": observed_created + observed_maintained,
        "observed_actions": _total(active, "observed"),
    }
    relocations = {
        "count": _total(moved, "count"),
        "jobs": _total(moved, "created_planned") + _total(moved, "maintained_planned"),
    }
    return {"jobs": jobs, "relocations": relocations}


def _fragile(action_rows: list[dict], territory_money: list[dict], line_rows: list[dict]) -> dict:
    active = _active(action_rows)
    fragile_committed = sum(r["committed"] or 0 for r in territory_money if r["fragile"])
    fragile_actions = _total([r for r in active if r["is_fragile_territory"]], "count")
    return {
        "actions": fragile_actions,
        "actions_share": share(fragile_actions, _total(active, "count")),
        "committed": euros(fragile_committed),
        "committed_share": share(fragile_committed, _total(line_rows, "committed")),
    }


def _breakdown(scope: BilanScope, territory_money: list[dict]) -> dict | None:
    """National: one row per region; a region: one row per territory (of each generation)."""
    if scope.territory is not None:
        return None
    counts = {r["territory_id"]: r for r in queries.actions_by_territory(scope)}
    amounts: dict = defaultdict(lambda: dict.fromkeys(AMOUNTS, 0))
    for row in territory_money:  # fragile or not: both halves of a territory add up
        for name in AMOUNTS:
            amounts[row["territory_id"]][name] += row[name] or 0
    rows: dict = {}
    for key in queries.breakdown_keys(scope):
        territory = key["territory_id"]
        if territory not in counts:
            continue
        row = rows.setdefault(
            key["code"],
            {
                "code": key["code"],
                "label": key["label"],
                "generation": key.get("generation_code"),
                **dict.fromkeys(BREAKDOWN_SUMS, 0),
            },
        )
        _add_territory(row, counts[territory], amounts.get(territory, {}))
    out = sorted(rows.values(), key=lambda r: (r["code"], r["generation"] or ""))
    for row in out:
        row.update(money(row))
    return {"level": "region" if scope.region is None else "territory", "rows": out}


BREAKDOWN_SUMS = ("actions", "engaged", "jobs_planned", *AMOUNTS)


def _add_territory(row: dict, counts: dict, amounts: dict) -> None:
    row["actions"] += counts["actions"]
    row["engaged"] += counts["engaged"]
    row["jobs_planned"] += (counts["created_planned"] or 0) + (counts["maintained_planned"] or 0)
    for name in AMOUNTS:
        row[name] += amounts.get(name) or 0


def published_snapshots(
    *, level: str = "", region: Region | None = None, territory: Territory | None = None
) -> QuerySet[BilanSnapshot]:
    """Published bilans, newest first, optionally of one scope (without their figures)."""
    snapshots = BilanSnapshot.objects.filter(state=SnapshotState.PUBLISHED)
    if level:
        snapshots = snapshots.filter(level=level)
    if region is not None:
        snapshots = snapshots.filter(region=region)
    if territory is not None:
        snapshots = snapshots.filter(territory=territory)
    return snapshots.select_related("region", "territory__generation", "generation").defer(
        "figures"
    )
