"""Known data for the bilan tests: four actions over the three territories of ``world``.

ti-8401 (region 84) a1: innover, engaged 2024-01-15, 10 created + 5 maintained jobs planned,
    4 created observed, relocation, fragile; lines: State 100k requested / 80k committed
    (2024-01-20) / 30k paid on the fonds d'accélération, Region 50k / 50k (2024-03-05) / 0.
ti-8402 (region 84) a2: recruter, idea, 3 created jobs planned; line: operator 20k requested
    on the VTE, nothing committed.
ti-2701 (region 27) a3: innover, abandoned, 100 jobs planned, relocation, fragile (none of it
    counts); line: EU 10k / 10k (2024-02-10) / 0.
ti-2701 (region 27) a4: attirer, completed (engaged 2023-12-01), 7 maintained planned, 6
    maintained observed; line: private 5k / 5k (2023-12-10) / 5k.
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from tests.actions.factories import ActionFactory, FundingLineFactory, axis, measure
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory

D = dt.date
K = Decimal(1000)


def line(action, category, requested, committed=0, paid=0, on=None, **extra):
    return FundingLineFactory(
        action=action,
        funder_category=category,
        amount_requested=requested * K,
        amount_committed=committed * K,
        amount_paid=paid * K,
        committed_on=on,
        decision=Decision.GRANTED if committed else Decision.PENDING,
        **extra,
    )


def build_bilan_data(world) -> SimpleNamespace:
    a1 = ActionFactory(
        territory=world.t1,
        axis=axis("innover"),
        status=ActionStatus.ENGAGED,
        engaged_on=D(2024, 1, 15),
        jobs_created_planned=10,
        jobs_maintained_planned=5,
        jobs_created_observed=4,
        is_relocation=True,
        is_fragile_territory=True,
    )
    line(a1, FunderCategory.STATE, 100, 80, 30, D(2024, 1, 20), measure=measure())
    line(a1, FunderCategory.REGION, 50, 50, 0, D(2024, 3, 5))
    a2 = ActionFactory(territory=world.t2, axis=axis("recruter"), jobs_created_planned=3)
    line(a2, FunderCategory.OPERATOR, 20, measure=measure("vte"))
    a3 = ActionFactory(
        territory=world.t3,
        axis=axis("innover"),
        status=ActionStatus.ABANDONED,
        abandoned_on=D(2024, 4, 1),
        jobs_created_planned=100,
        is_relocation=True,
        is_fragile_territory=True,
    )
    line(a3, FunderCategory.EU, 10, 10, 0, D(2024, 2, 10))
    a4 = ActionFactory(
        territory=world.t3,
        axis=axis("attirer"),
        status=ActionStatus.COMPLETED,
        engaged_on=D(2023, 12, 1),
        started_on=D(2024, 1, 1),
        completed_on=D(2024, 6, 1),
        jobs_maintained_planned=7,
        jobs_maintained_observed=6,
    )
    line(a4, FunderCategory.PRIVATE, 5, 5, 5, D(2023, 12, 10))
    return SimpleNamespace(a1=a1, a2=a2, a3=a3, a4=a4)
