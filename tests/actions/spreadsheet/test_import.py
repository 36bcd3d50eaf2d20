"""The import writes what the file says, once, in one go, with its author in the history."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from tests.actions.factories import ActionFactory, FundingLineFactory, TagFactory, measure
from tipilot.actions.models import Action, FundingLine
from tipilot.actions.spreadsheet import REASON, actions_import
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation

from .conftest import template_files
from .helpers import assert_error, luhn_siren, snapshot

A, F = "Fiches actions", "Financements"


def run(user, actions=None, lines=None, dry_run=False):
    return actions_import(files=template_files(actions, lines), by=user, dry_run=dry_run)


def test_creates_actions_and_lines_with_every_field(world):
    TagFactory(slug="friche", name="Friche")
    commune = world.t1.memberships.first().epci.communes.first()
    siren = luhn_siren("88877766")
    report = run(
        world.national,
        [
            {
                "tags": "friche",
                "commune": commune.insee_code,
                "lead_siren": siren,
                "lead_name": "Forges Nouvelles",
                "started_on": "01/04/2024",
                "jobs_created_observed": "4",
            }
        ],
        [
            {},
            {
                "position": "2",
                "funder_category": "region",
                "amount_requested": "50 000,25",
                "decision": "Accordé",
                "amount_committed": "40000",
                "amount_paid": "10000",
                "committed_on": "2024-02-01",
                "paid_on": "15/02/2024",
                "comment": "Premier versement",
            },
        ],
    )
    assert report.ok, [str(e) for e in report.errors]
    assert report.counts | {} == {
        "actions_created": 1,
        "actions_updated": 0,
        "actions_unchanged": 0,
        "lines_created": 2,
        "lines_updated": 0,
        "lines_unchanged": 0,
        "lines_deleted": 0,
        "organisations_created": 1,
    }
    action = Action.objects.get(external_id="FA-TEST-001")
    assert (action.territory, action.contract, action.status) == (
        world.t1,
        world.contract,
        "engaged",
    )
    assert action.engaged_on == dt.date(2024, 3, 15) and action.started_on == dt.date(2024, 4, 1)
    assert action.total_cost == Decimal("1250000.50")
    assert (action.jobs_created_planned, action.jobs_created_observed) == (12, 4)
    assert action.is_relocation and not action.is_fragile_territory
    assert action.commune == commune and action.naf_code == "25.62A"
    assert [m.code for m in action.measures.all()] == ["fonds-acceleration"]
    assert [t.slug for t in action.tags.all()] == ["friche"]
    lead = Organisation.objects.get(siren=siren)
    assert (action.lead, lead.name, lead.kind) == (lead, "Forges Nouvelles", OrganisationKind.FIRM)
    second = action.funding_lines.get(position=2)
    assert second.amount_requested == Decimal("50000.25") and second.amount_paid == 10000
    assert second.decided_by == world.national and second.decision == "granted"
    assert action.funding_lines.get(position=1).decided_by is None


def test_dry_run_counts_but_writes_nothing(world):
    before = snapshot()
    report = run(world.team, [{}], [{}], dry_run=True)
    assert report.ok and report.dry_run
    assert (report.counts["actions_created"], report.counts["lines_created"]) == (1, 1)
    assert snapshot() == before


def test_a_second_import_changes_nothing(world):
    first = run(world.team, [{}, {"external_id": "FA-2", "status": ""}], [{}])
    assert first.ok
    before = snapshot()
    again = run(world.team, [{}, {"external_id": "FA-2", "status": ""}], [{}])
    assert again.changes == 0
    assert (again.counts["actions_unchanged"], again.counts["lines_unchanged"]) == (2, 1)
    assert snapshot() == before


def test_updates_bump_the_version_and_are_audited(world):
    run(world.team, [{}], [{}])
    report = run(
        world.team, [{"title": "Nouveau titre", "measures": ""}], [{"amount_requested": "7"}]
    )
    assert (report.counts["actions_updated"], report.counts["lines_updated"]) == (1, 1)
    action = Action.objects.get()
    assert (action.title, action.version, action.measures.count()) == ("Nouveau titre", 2, 0)
    assert action.funding_lines.get().amount_requested == 7
    for record in (action.history.first(), action.funding_lines.get().history.first()):
        assert (record.history_user, record.history_change_reason) == (world.team, REASON)
        assert record.history_type == "~"
    assert action.history.last().history_type == "+"


def test_a_measure_change_alone_is_an_update(world):
    run(world.team, [{}])
    report = run(world.team, [{"measures": "fonds-acceleration|vte"}])
    assert report.counts["actions_updated"] == 1, report.errors
    assert Action.objects.get().version == 2


def test_lines_missing_from_the_file_are_removed(world):
    action = ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    FundingLineFactory(action=action, position=1)
    FundingLineFactory(action=action, position=2)
    report = run(world.team, [{}], [{}])
    assert report.counts["lines_deleted"] == 1
    assert list(action.funding_lines.values_list("position", flat=True)) == [1]
    deleted = FundingLine.history.filter(history_type="-").get()
    assert (deleted.position, deleted.history_user) == (2, world.team)


def test_without_the_lines_sheet_the_plan_is_left_alone(world):
    action = ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    FundingLineFactory(action=action, position=1)
    report = run(world.team, [{}])
    assert report.ok and report.counts["lines_deleted"] == 0
    assert action.funding_lines.count() == 1


def test_lines_alone_for_an_existing_action(world):
    ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    report = run(world.team, None, [{}, {"position": "2"}])
    assert report.counts["lines_created"] == 2, report.errors


def test_a_lead_without_siren_is_found_by_name(world):
    town = Organisation.objects.create(name="Commune de Test", kind=OrganisationKind.COMMUNE)
    report = run(world.team, [{"lead_name": "Commune de Test", "nature": "public"}])
    assert report.ok
    assert Action.objects.get().lead == town


def test_a_known_siren_is_used_and_the_name_ignored(world):
    report = run(world.team, [{"lead_siren": world.operator.siren, "lead_name": "autre nom"}])
    assert report.ok and report.counts["organisations_created"] == 0
    assert Action.objects.get().lead == world.operator


def test_a_status_may_be_set_directly(world):
    report = run(
        world.team,
        [{"status": "completed", "started_on": "01/04/2024", "completed_on": "01/05/2024"}],
    )
    assert report.ok
    assert Action.objects.get().status == "completed"


@pytest.mark.parametrize("who", ["instructor", "copil", "nobody"])
def test_roles_without_actions_cannot_import(world, who):
    with pytest.raises(PermissionDenied):
        run(getattr(world, who), [{}])


def test_a_team_cannot_create_in_another_territory(world):
    before = snapshot()
    report = run(world.team, [{"territory": "ti-2701"}])
    assert_error(report, A, 2, "Territoire", "Vous ne pouvez pas créer")
    assert snapshot() == before


def test_a_team_cannot_change_another_territorys_action(world):
    ActionFactory(territory=world.t3, external_id="FA-TEST-001")
    report = run(world.team, [{"territory": "ti-2701"}])
    assert_error(report, A, 2, "Identifiant", "Vous ne pouvez pas modifier")


def test_a_team_cannot_move_its_action_to_another_territory(world):
    ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    report = run(world.team, [{"territory": "ti-2701"}])
    assert_error(report, A, 2, "Territoire", "Vous ne pouvez pas créer")


def test_a_team_cannot_decide_funding_lines(world):
    before = snapshot()
    report = run(world.team, [{}], [{"decision": "Accordé", "amount_committed": "100"}])
    assert_error(report, F, 2, "Décision", "revient au financeur")
    assert snapshot() == before


def test_a_team_may_keep_a_decision_unchanged(world):
    action = ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    FundingLineFactory(
        action=action,
        position=1,
        decision="granted",
        amount_committed=Decimal(100),
        committed_on=dt.date(2024, 2, 1),
        requested_on=dt.date(2024, 1, 10),
        measure=measure(),
    )
    report = run(
        world.team,
        [{}],
        [
            {
                "decision": "Accordé",
                "amount_committed": "100",
                "committed_on": "01/02/2024",
                "comment": "vu",
            }
        ],
    )
    assert report.ok, [str(e) for e in report.errors]
    assert report.counts["lines_updated"] == 1


def test_the_regional_pilot_decides_in_its_region(world):
    report = run(world.pilot, [{}], [{"decision": "Accordé", "amount_committed": "100"}])
    assert report.ok
    other = run(world.pilot, [{"external_id": "FA-9", "territory": "ti-2701"}])
    assert_error(other, A, 2, "Territoire", "Vous ne pouvez pas créer")


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry run", "write"])
def test_import_queries_do_not_grow_with_rows(world, dry_run):
    def files(n):
        actions = [{"external_id": f"FA-{i}"} for i in range(n)]
        lines = [{"external_id": f"FA-{i}", "position": str(p)} for i in range(n) for p in (1, 2)]
        return template_files(actions, lines)

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    actions_import(files=files(1), by=world.team, dry_run=True)  # the user's scope, once
    counts = []
    for n in (3, 30):
        Action.objects.all().delete()
        with CaptureQueriesContext(connection) as ctx:
            report = actions_import(files=files(n), by=world.team, dry_run=True)
        assert report.ok
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_a_concurrent_write_is_reported_and_rolled_back(world, monkeypatch):
    from tipilot.actions.spreadsheet import importer

    real_write = importer.write_plan

    def racing(plan, lookups):
        ActionFactory(territory=world.t1, external_id="FA-TEST-001")  # someone else, meanwhile
        real_write(plan, lookups)

    monkeypatch.setattr(importer, "write_plan", racing)
    report = run(world.team, [{}], [{}])
    assert "modifiées par ailleurs" in report.errors[0].message
    assert Action.objects.filter(external_id="FA-TEST-001").count() == 1
    assert not FundingLine.objects.exists()
