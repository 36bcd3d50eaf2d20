"""The bilan's trend, month by month: euros committed and actions engaged, with running totals."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from .values import euros


def _month(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%Y-%m")


def _months(first: str, last: str) -> list[str]:
    year, month = (int(part) for part in first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def monthly_trend(committed_rows: list[dict], engaged_rows: list[dict]) -> list[dict]:
    """Days summed by month, every month from the first to the last event (gaps included)."""
    committed: dict[str, Decimal] = defaultdict(Decimal)
    for row in committed_rows:  # one row per day: a bounded number, not one per line
        committed[_month(row["day"])] += row["committed"] or 0
    engaged: dict[str, int] = defaultdict(int)
    for row in engaged_rows:
        engaged[_month(row["day"])] += row["engaged"]
    seen = sorted(set(committed) | set(engaged))
    if not seen:
        return []
    rows, total_euros, total_actions = [], Decimal(0), 0
    for month in _months(seen[0], seen[-1]):
        total_euros += committed.get(month, 0)
        total_actions += engaged.get(month, 0)
        rows.append(
            {
                "month": month,
                "committed": euros(committed.get(month, 0)),
                "committed_cumulative": euros(total_euros),
                "engaged": engaged.get(month, 0),
                "engaged_cumulative": total_actions,
            }
        )
    return rows
