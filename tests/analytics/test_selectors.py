"""Each figure of the bilan, checked against known data (see ``data.py``)."""

import json

import pytest

from tests.actions.factories import ActionFactory
from tipilot.analytics.selectors import bilan_figures
from tipilot.territories.models import Generation

pytestmark = pytest.mark.django_db


def by_code(rows, key="count"):
    return {row["code"]: row[key] for row in rows}


def test_actions_by_status_axis_and_both(world, bilan_data):
    actions = bilan_figures()["actions"]
    assert actions["total"] == 4
    assert actions["engaged"] == 2  # engaged, in progress or completed
    assert by_code(actions["by_status"]) == {
        "idea": 1,
        "preparation": 0,
        "engaged": 1,
        "in_progress": 0,
        "completed": 1,
        "abandoned": 1,
    }
    assert by_code(actions["by_axis"]) == {
        "recruter": 1,
        "innover": 2,
        "attirer": 1,
        "simplifier": 0,
    }
    cross = actions["by_status_and_axis"]
    assert cross["axes"] == ["Recruter", "Innover", "Attirer", "Simplifier"]
    rows = {row["code"]: row["counts"] for row in cross["rows"]}
    assert rows["engaged"] == [0, 1, 0, 0]
    assert rows["abandoned"] == [0, 1, 0, 0]
    assert rows["completed"] == [0, 0, 1, 0]
    assert rows["idea"] == [1, 0, 0, 0]


def test_euros_by_funder_group_and_category(world, bilan_data):
    money = bilan_figures()["money"]
    assert money["total"] == {"requested": 185000.0, "committed": 145000.0, "paid": 35000.0}
    groups = {
        row["code"]: (row["requested"], row["committed"], row["paid"]) for row in money["by_group"]
    }
    assert groups == {
        "state": (100000.0, 80000.0, 30000.0),
        "operators": (20000.0, 0.0, 0.0),
        "regions": (50000.0, 50000.0, 0.0),
        "others": (15000.0, 15000.0, 5000.0),
    }
    categories = by_code(money["by_category"], "committed")
    assert categories == {
        "state": 80000.0,
        "operator": 0.0,
        "region": 50000.0,
        "local": 0.0,
        "eu": 10000.0,
        "private": 5000.0,
    }


def test_euros_by_measure_against_envelope(world, bilan_data):
    rows = {row["code"]: row for row in bilan_figures()["money"]["by_measure"]}
    assert set(rows) == {"fonds-acceleration", "vte", ""}
    fund = rows["fonds-acceleration"]
    assert (fund["requested"], fund["committed"], fund["paid"]) == (100000.0, 80000.0, 30000.0)
    assert fund["envelope"] == 850_000_000.0
    assert fund["envelope_share"] == round(80000 / 850_000_000, 4)
    assert rows["vte"]["requested"] == 20000.0
    assert rows[""]["label"] == "Autres dispositifs"
    assert (rows[""]["requested"], rows[""]["committed"], rows[""]["paid"]) == (
        65000.0,
        65000.0,
        5000.0,
    )


def test_jobs_planned_and_observed_leave_out_abandoned_actions(world, bilan_data):
    jobs = bilan_figures()["jobs"]
    assert jobs == {
        "created_planned": 13,
        "maintained_planned": 12,
        "planned": 25,
        "created_observed": 4,
        "maintained_observed": 6,
        "observed": 10,
        "observed_actions": 2,
    }


def test_relocations(world, bilan_data):
    assert bilan_figures()["relocations"] == {"count": 1, "jobs": 15}


def test_share_in_fragile_territories(world, bilan_data):
    fragile = bilan_figures()["fragile"]
    assert fragile["actions"] == 1
    assert fragile["actions_share"] == round(1 / 3, 4)
    assert fragile["committed"] == 140000.0  # a1 130k + a3 10k: euros count every line
    assert fragile["committed_share"] == round(140 / 145, 4)


def test_monthly_trend_fills_gaps_and_accumulates(world, bilan_data):
    trend = bilan_figures()["trend"]
    assert [row["month"] for row in trend] == ["2023-12", "2024-01", "2024-02", "2024-03"]
    assert [row["committed"] for row in trend] == [5000.0, 80000.0, 10000.0, 50000.0]
    assert [row["committed_cumulative"] for row in trend] == [5000.0, 85000.0, 95000.0, 145000.0]
    assert [row["engaged"] for row in trend] == [1, 1, 0, 0]
    assert [row["engaged_cumulative"] for row in trend] == [1, 2, 2, 2]


def test_national_table_by_region(world, bilan_data):
    breakdown = bilan_figures()["breakdown"]
    assert breakdown["level"] == "region"
    rows = {row["code"]: row for row in breakdown["rows"]}
    assert set(rows) == {"27", "84"}
    assert rows["84"]["label"] == "Auvergne-Rhône-Alpes"
    assert (rows["84"]["actions"], rows["84"]["engaged"], rows["84"]["jobs_planned"]) == (2, 1, 18)
    assert (rows["84"]["requested"], rows["84"]["committed"], rows["84"]["paid"]) == (
        170000.0,
        130000.0,
        30000.0,
    )
    assert (rows["27"]["actions"], rows["27"]["engaged"], rows["27"]["jobs_planned"]) == (2, 1, 7)
    assert rows["27"]["committed"] == 15000.0


def test_region_bilan_and_its_table_by_territory(world, bilan_data):
    figures = bilan_figures(region=world.region_a)
    assert figures["scope"]["level"] == "region"
    assert figures["actions"]["total"] == 2
    assert figures["money"]["total"]["committed"] == 130000.0
    assert figures["targets"] == []  # targets are national
    rows = {row["code"]: row for row in figures["breakdown"]["rows"]}
    assert figures["breakdown"]["level"] == "territory"
    assert set(rows) == {"ti-8401", "ti-8402"}
    assert rows["ti-8401"]["committed"] == 130000.0
    assert rows["ti-8402"]["requested"] == 20000.0
    assert rows["ti-8402"]["jobs_planned"] == 3


def test_territory_bilan(world, bilan_data):
    figures = bilan_figures(territory=world.t3)
    assert figures["scope"]["territory"] == {"identifier": "ti-2701", "name": "Territoire ti-2701"}
    assert figures["scope"]["generation"] == "2023-2027"
    assert figures["actions"]["total"] == 2
    assert figures["jobs"]["planned"] == 7
    assert figures["breakdown"] is None


def test_a_territory_of_two_regions_counts_in_each_and_once_nationally(world, bilan_data):
    world.t2.regions.add(world.region_b)  # ti-8402 now spans regions 84 and 27
    assert bilan_figures(region=world.region_b)["actions"]["total"] == 3
    assert bilan_figures(region=world.region_a)["actions"]["total"] == 2
    national = bilan_figures()
    assert national["actions"]["total"] == 4
    assert national["money"]["total"]["requested"] == 185000.0
    rows = {row["code"]: row for row in national["breakdown"]["rows"]}
    assert rows["27"]["actions"] == 3 and rows["84"]["actions"] == 2
    assert rows["27"]["requested"] == 35000.0


def test_generation_filter(world, bilan_data):
    first = Generation.objects.get(code="2018-2022")
    second = Generation.objects.get(code="2023-2027")
    assert bilan_figures(generation=first)["actions"]["total"] == 0
    assert bilan_figures(generation=first)["money"]["total"]["committed"] == 0.0
    assert bilan_figures(generation=second)["actions"]["total"] == 4


def test_empty_programme_has_no_division_by_zero(world):
    figures = bilan_figures()
    assert figures["actions"]["total"] == 0
    assert figures["fragile"]["actions_share"] is None
    assert figures["trend"] == []
    assert figures["breakdown"]["rows"] == []


def test_figures_are_plain_json(world, bilan_data):
    figures = bilan_figures()
    assert json.loads(json.dumps(figures)) == figures


def test_fixed_number_of_queries(world, bilan_data, django_assert_num_queries):
    first = Generation.objects.get(code="2018-2022")
    with django_assert_num_queries(9):
        bilan_figures()
    with django_assert_num_queries(10):  # with the targets of the generation
        bilan_figures(generation=first)
    for index in range(20):
        ActionFactory(territory=world.t3, jobs_created_planned=index)
    with django_assert_num_queries(9):
        bilan_figures()
    with django_assert_num_queries(10):
        bilan_figures(generation=first)
    with django_assert_num_queries(9):
        bilan_figures(region=world.region_a)
