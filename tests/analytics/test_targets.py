"""Progress against the programme's targets, measured on their generation."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory, measure
from tests.factories import CommuneFactory, DepartmentFactory, EpciFactory, TerritoryFactory
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory
from tipilot.analytics.selectors import bilan_figures
from tipilot.analytics.targets import TARGETS, targets_for
from tipilot.territories.derived import territories_refresh_derived
from tipilot.territories.models import Generation

pytestmark = pytest.mark.django_db
M = Decimal(1_000_000)


@pytest.fixture
def first_generation(world):
    """A 2018-2022 territory of region 84 with two fonds d'accélération projects."""
    department = DepartmentFactory(region=world.region_a)
    territory = TerritoryFactory(
        generation=Generation.objects.get(code="2018-2022"),
        identifier="ti-8401",
        epcis=[EpciFactory(members=CommuneFactory.create_batch(2, department=department))],
    )
    territories_refresh_derived(territories=[territory])
    fund = measure()
    one = ActionFactory(
        territory=territory,
        status=ActionStatus.ENGAGED,
        engaged_on=dt.date(2021, 3, 1),
        jobs_created_planned=30,
        jobs_maintained_planned=20,
        is_relocation=True,
    )
    two = ActionFactory(territory=territory, jobs_created_planned=5)
    for action, category, committed in (
        (one, FunderCategory.STATE, 2 * M),
        (one, FunderCategory.OPERATOR, 1 * M),
        (two, FunderCategory.REGION, 3 * M),
    ):
        FundingLineFactory(
            action=action,
            funder_category=category,
            measure=fund,
            amount_requested=committed,
            amount_committed=committed,
            committed_on=dt.date(2021, 4, 1),
            decision=Decision.GRANTED,
        )
    return territory


def targets(**filters):
    return {t["code"]: t for t in bilan_figures(**filters)["targets"]}


def test_targets_are_sourced_and_measured():
    assert {t.code for t in TARGETS} == {
        "state-operators-committed",
        "fund-committed",
        "fund-projects",
        "fund-jobs",
        "fund-relocations",
    }
    for target in TARGETS:
        assert target.source and target.measured_on and target.value > 0 and target.unit
    assert targets_for("2023-2027") == ()
    assert {t.code for t in targets_for("2018-2022")} == {t.code for t in TARGETS}


def test_progress_against_targets_counts_only_their_generation(world, bilan_data, first_generation):
    found = targets(generation=Generation.objects.get(code="2018-2022"))
    state = found["state-operators-committed"]
    # 2 M€ State + 1 M€ operator in 2018-2022; the 80 k€ State of 2023-2027 is left out.
    assert state["current"] == 3_000_000.0
    assert state["target"] == 1_300_000_000.0
    assert state["progress"] == round(3 / 1300, 4)
    assert state["unit"] == "€"
    assert found["fund-committed"]["current"] == 6_000_000.0
    assert found["fund-committed"]["progress"] == round(6 / 850, 4)
    assert found["fund-projects"]["current"] == 2
    assert found["fund-projects"]["target"] == 1416
    assert found["fund-jobs"]["current"] == 55
    assert found["fund-relocations"]["current"] == 1


def test_targets_follow_the_generation_filter(world, bilan_data, first_generation):
    first = Generation.objects.get(code="2018-2022")
    second = Generation.objects.get(code="2023-2027")
    assert targets(generation=first)["fund-projects"]["current"] == 2
    assert targets(generation=second) == {}  # no announced target for 2023-2027
    assert targets() == {}  # all generations: each target is read on its own generation
    assert targets(region=world.region_a, generation=first) == {}  # national targets


def test_no_data_means_zero_progress(world):
    found = targets(generation=Generation.objects.get(code="2018-2022"))
    assert found["fund-projects"]["current"] == 0
    assert found["state-operators-committed"]["progress"] == 0.0
