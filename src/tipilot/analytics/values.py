"""Small helpers that shape the bilan's numbers, and the progress against targets."""

from collections import defaultdict
from decimal import Decimal

from tipilot.actions.enums import FUNDER_GROUP, FunderCategory, FunderGroup

from . import queries
from .scope import BilanScope
from .targets import Metric, Target, targets_for

CENT = Decimal("0.01")


def euros(amount) -> float:
    return float(Decimal(amount or 0).quantize(CENT))


def money(amounts: dict) -> dict:
    return {name: euros(amounts.get(name)) for name in ("requested", "committed", "paid")}


def share(part, whole) -> float | None:
    """``part / whole`` as a fraction rounded to 4 decimals, or None when ``whole`` is 0."""
    if not whole:
        return None
    return round(float(Decimal(part or 0) / Decimal(whole)), 4)


def by_target(scope: BilanScope, line_rows: list[dict], measures: list[dict]) -> list[dict]:
    """Progress against the targets of the bilan's generation: national bilans only."""
    if scope.region is not None or scope.territory is not None or scope.generation is None:
        return []
    wanted = targets_for(scope.generation.code)
    measured = {}
    for code in {t.measure for t in wanted if t.measure}:
        generation = next(t.generation for t in wanted if t.measure == code)
        measured[code] = queries.measure_actions(measure_code=code, generation_code=generation)
    return [_progress(t, _current(t, line_rows, measures, measured)) for t in wanted]


def _committed(line_rows: list[dict], target: Target, keep) -> Decimal:
    """Committed euros of the lines kept (all of the target's generation: see ``by_target``)."""
    return sum((r["committed"] or 0 for r in line_rows if keep(r)), Decimal(0))


def _current(target: Target, line_rows, measures, measured) -> Decimal:
    if target.metric == Metric.STATE_OPERATORS_COMMITTED:
        groups = {FunderGroup.STATE, FunderGroup.OPERATORS}
        return _committed(
            line_rows, target, lambda r: FUNDER_GROUP[FunderCategory(r["category"])] in groups
        )
    if target.metric == Metric.MEASURE_COMMITTED:
        ids = {m["id"] for m in measures if m["code"] == target.measure}
        return _committed(line_rows, target, lambda r: r["measure_key"] in ids)
    found = defaultdict(int, {k: v or 0 for k, v in measured[target.measure].items()})
    if target.metric == Metric.MEASURE_PROJECTS:
        return Decimal(found["projects"])
    if target.metric == Metric.MEASURE_JOBS:
        return Decimal(found["created"] + found["maintained"])
    return Decimal(found["relocations"])


def _progress(target: Target, current: Decimal) -> dict:
    value = euros(current) if target.unit == "€" else int(current)
    return {
        "code": target.code,
        "label": target.label,
        "target": euros(target.value) if target.unit == "€" else int(target.value),
        "unit": target.unit,
        "measured_on": target.measured_on,
        "generation": target.generation,
        "source": target.source,
        "current": value,
        "progress": share(current, target.value),
    }
