"""Reads of the actions domain: totals per measure and action, filters, the instructor's lines."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.actions.factories import ActionFactory, FundingLineFactory, TagFactory, measure
from tipilot.actions import selectors
from tipilot.actions.enums import ActionStatus, Decision, FunderCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    """Two actions on the acceleration fund (Bpifrance), one in each region, and one line
    elsewhere; amounts chosen so that every total is distinct."""
    fund, vte = measure("fonds-acceleration"), measure("vte")
    a1 = ActionFactory(territory=world.t1, title="Usine de batteries", is_relocation=True)
    a2 = ActionFactory(territory=world.t3, title="Fonderie", is_fragile_territory=True)
    a3 = ActionFactory(territory=world.t2, title="Formation", status=ActionStatus.ENGAGED)
    a1.measures.set([fund])
    a2.measures.set([fund])
    a1.tags.set([TagFactory(slug="decarbonation", name="Décarbonation")])
    FundingLineFactory(
        action=a1,
        position=1,
        measure=fund,
        amount_requested=Decimal(500_000),
        amount_committed=Decimal(400_000),
        amount_paid=Decimal(100_000),
        decision=Decision.GRANTED,
    )
    FundingLineFactory(
        action=a2,
        position=1,
        measure=fund,
        amount_requested=Decimal(300_000),
        amount_committed=Decimal(250_000),
        amount_paid=Decimal(0),
        decision=Decision.GRANTED,
    )
    FundingLineFactory(action=a2, position=2, funder_category=FunderCategory.REGION)
    FundingLineFactory(action=a3, position=1, funder=world.operator, amount_requested=7)
    return world, fund, vte, (a1, a2, a3)


def test_measure_totals_sum_their_funding_lines(plan):
    _, fund, vte, _ = plan
    rows = {m.code: m for m in selectors.measure_list()}
    got = rows[fund.code]
    assert (got.requested, got.committed, got.paid, got.action_count) == (
        Decimal(800_000),
        Decimal(650_000),
        Decimal(100_000),
        2,
    )
    assert (rows[vte.code].committed, rows[vte.code].paid, rows[vte.code].action_count) == (0, 0, 0)
    assert selectors.share(got.committed, got.envelope) == 0  # 650 k€ of 850 M€
    assert selectors.share(Decimal(1), Decimal(4)) == 25
    assert selectors.share(Decimal(1), None) is None


def test_measure_by_region(plan):
    _, fund, _, _ = plan
    rows = selectors.measure_regions(fund)
    # Sorted by region name: Auvergne-Rhône-Alpes (84), then Bourgogne-Franche-Comté (27).
    assert [(r["code"], r["actions"], r["committed"], r["paid"]) for r in rows] == [
        ("84", 1, Decimal(400_000), Decimal(100_000)),
        ("27", 1, Decimal(250_000), Decimal(0)),
    ]


def test_action_totals_and_plan_totals(plan):
    _, _, _, (a1, a2, _) = plan
    listed = {a.external_id: a for a in selectors.action_list()}
    assert (listed[a2.external_id].requested, listed[a2.external_id].committed) == (
        Decimal(400_000),
        Decimal(250_000),
    )
    detail = selectors.action_detail(a2.external_id)
    lines = list(detail.funding_lines.all())
    assert [line.position for line in lines] == [1, 2]
    assert selectors.plan_totals(lines) == {
        "requested": Decimal(400_000),
        "committed": Decimal(250_000),
        "paid": Decimal(0),
    }


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({}, {"Usine de batteries", "Fonderie", "Formation"}),
        ({"region": "84"}, {"Usine de batteries", "Formation"}),
        ({"territory": "ti-2701"}, {"Fonderie"}),
        ({"generation": "2023-2027"}, {"Usine de batteries", "Fonderie", "Formation"}),
        ({"generation": "2018-2022"}, set()),
        ({"status": ActionStatus.ENGAGED}, {"Formation"}),
        ({"measure": "fonds-acceleration"}, {"Usine de batteries", "Fonderie"}),
        ({"tag": "decarbonation"}, {"Usine de batteries"}),
        ({"is_relocation": True}, {"Usine de batteries"}),
        ({"is_fragile_territory": False}, {"Usine de batteries", "Formation"}),
        ({"q": "fond"}, {"Fonderie"}),
        ({"axis": "recruter"}, set()),
        ({"axis": "innover"}, {"Usine de batteries", "Fonderie", "Formation"}),
    ],
)
def test_action_filters(plan, filters, titles):
    found = selectors.action_list(selectors.ActionFilters(**filters))
    assert {a.title for a in found} == titles


def test_updated_since(plan):
    later = timezone.now() + dt.timedelta(hours=1)
    assert not selectors.action_list(selectors.ActionFilters(updated_since=later)).exists()


def test_lines_to_instruct_are_the_operators_pending_first(plan):
    world, fund, _, (a1, a2, a3) = plan
    lines = list(selectors.lines_to_instruct(world.instructor))
    # Bpifrance delivers the fund (a1, a2 line 1) and funds a3's line directly.
    assert [(line.action_id, line.decision) for line in lines] == [
        (a3.pk, Decision.PENDING),
        (a1.pk, Decision.GRANTED),
        (a2.pk, Decision.GRANTED),
    ]
    assert not selectors.lines_to_instruct(world.team).exists()


def test_funding_line_filters(plan):
    world, fund, _, (a1, a2, a3) = plan
    lines = selectors.funding_line_list
    assert lines(selectors.LineFilters(region="27")).count() == 2
    assert lines(selectors.LineFilters(measure=fund.code)).count() == 2
    assert lines(selectors.LineFilters(funder=world.operator.siren)).get().action == a3
    assert lines(selectors.LineFilters(funder_category="region")).get().action == a2
    assert lines(selectors.LineFilters(decision="pending", territory="ti-8401")).count() == 0
    assert lines(selectors.LineFilters(action=a2.external_id)).count() == 2
