"""An action of ti-8401 with a funding plan: a line on the acceleration fund (Bpifrance,
pending) and a line asked of the Region."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory, measure
from tipilot.actions.enums import FunderCategory


@pytest.fixture
def filled(world):
    fund = measure("fonds-acceleration")
    action = ActionFactory(territory=world.t1, title="Usine de batteries", total_cost=1_000_000)
    action.measures.set([fund])
    fund_line = FundingLineFactory(
        action=action, position=1, measure=fund, amount_requested=Decimal(400_000)
    )
    region_line = FundingLineFactory(
        action=action,
        position=2,
        funder_category=FunderCategory.REGION,
        amount_requested=Decimal(100_000),
    )
    other = ActionFactory(territory=world.t3, title="Fonderie du Morvan")
    return SimpleNamespace(
        world=world,
        fund=fund,
        action=action,
        fund_line=fund_line,
        region_line=region_line,
        other=other,
    )
