"""The demonstration step: one account per role, contracts in every state, idempotent."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model

from tests.factories import CommuneFactory, DepartmentFactory, EpciFactory, TerritoryFactory
from tipilot.contracts.enums import AmendmentState, ContractState
from tipilot.contracts.models import Amendment, Contract, ContractEvent, Signatory
from tipilot.core.management.commands.demo import _render
from tipilot.governance.demo import ADMIN_LOGIN, DEMO_PASSWORD, DOMAIN, governance_demo
from tipilot.governance.enums import DecisionKind, RoleKind
from tipilot.governance.models import (
    CopilDecision,
    CopilMeeting,
    Organisation,
    Person,
    RoleAssignment,
)
from tipilot.territories.derived import territories_refresh_derived

MODELS = (
    Organisation,
    Person,
    RoleAssignment,
    CopilMeeting,
    CopilDecision,
    Contract,
    ContractEvent,
    Amendment,
    Signatory,
)


def counts() -> dict[str, int]:
    rows = {model.__name__: model.objects.count() for model in MODELS}
    rows["User"] = get_user_model().objects.count()
    return rows


@pytest.fixture
def demo_world(world):
    """The ``world`` fixture plus eleven more 2023-2027 territories in region 27."""
    department = DepartmentFactory(region=world.region_b)
    extra = [
        TerritoryFactory(
            identifier=f"ti-27{n:02d}",
            epcis=[EpciFactory(members=CommuneFactory.create_batch(1, department=department))],
        )
        for n in range(2, 13)
    ]
    territories_refresh_derived(territories=extra)
    return world


def test_one_account_per_role_that_can_log_in(demo_world, client):
    result = governance_demo()
    by_login = {row[0]: row for row in result.accounts}
    assert (
        ADMIN_LOGIN in by_login and get_user_model().objects.get(username=ADMIN_LOGIN).is_superuser
    )
    expected = {
        "national": (RoleKind.NATIONAL_TEAM, {}),
        "pilote-bfc": (RoleKind.REGIONAL_PILOT, {"region": demo_world.region_b}),
        "chef-projet": (RoleKind.PROJECT_LEAD, {"territory": demo_world.t3}),
        "elu": (RoleKind.BINOME_ELECTED, {"territory": demo_world.t3}),
        "industriel": (RoleKind.BINOME_INDUSTRIAL, {"territory": demo_world.t3}),
        "copil-bfc": (RoleKind.COPIL_MEMBER, {"region": demo_world.region_b}),
        "instructeur": (RoleKind.OPERATOR_INSTRUCTOR, {"operator": demo_world.operator}),
    }
    for name, (kind, scope) in expected.items():
        login = f"{name}@{DOMAIN}"
        role = RoleAssignment.objects.get(person__user__username=login, kind=kind, **scope)
        assert role.in_force()
        assert client.login(username=login, password=DEMO_PASSWORD), login
        assert login in by_login
    assert Person.objects.get(email=f"elu@{DOMAIN}").public_office
    # Hauts-de-France is not in this small geography: no pilot for it.
    assert not get_user_model().objects.filter(username=f"pilote-hdf@{DOMAIN}").exists()


def test_contracts_in_every_state_through_the_lifecycle(demo_world):
    governance_demo()
    demo = Contract.objects.filter(is_demo=True)
    # ti-8401 and ti-2701 already had a contract: left alone.
    assert not demo.filter(territory__in=[demo_world.t1, demo_world.t3]).exists()
    assert set(demo.values_list("state", flat=True)) == set(ContractState.values)
    today = dt.date.today()
    assert not ContractEvent.objects.filter(on__gt=today).exists()
    for contract in demo.filter(state=ContractState.VALIDATED):
        decision = contract.decisions.get(kind=DecisionKind.VALIDATE_CONTRACT)
        assert contract.events.get(transition="validate").on == decision.meeting.date
    signed = demo.filter(state=ContractState.SIGNED)
    assert all(dt.date(2024, 1, 1) <= c.signed_on <= dt.date(2025, 12, 31) for c in signed)
    assert all(c.signatories.count() == 3 for c in signed)
    amending = demo.get(state=ContractState.AMENDING)
    assert str(amending.amendments.get()) == "Avenant n° 1 : réorientation"
    assert CopilDecision.objects.filter(kind=DecisionKind.ADOPT_AMENDMENT).count() == 1
    late = demo.filter(state=ContractState.PREPARATION, planned_signature_on__lt=today)
    planned = demo.filter(state=ContractState.PREPARATION, planned_signature_on__gt=today)
    assert late.exists() and planned.exists()
    assert CopilMeeting.objects.filter(region__code="27").count() == 3


def test_legacy_contracts_and_composition_change(programme):
    governance_demo()
    legacy = Contract.objects.filter(territory__generation__code="2018-2022")
    assert legacy.exists()
    for contract in legacy:
        assert dt.date(2019, 1, 1) <= contract.signed_on <= dt.date(2020, 12, 31)
        rebond = contract.amendments.get()
        assert rebond.title == "Pack Rebond" and rebond.state == AmendmentState.SIGNED
    # ti-8402 left the programme in 2024 (no region any more): no contract.
    assert not Contract.objects.filter(territory__identifier="ti-8402").exists()
    assert Contract.objects.filter(state=ContractState.CLOSED).count() == 1
    # ti-2701 gained a commune on 2024-07-04: the next COPIL of region 27 gave its opinion.
    decision = CopilDecision.objects.get(kind=DecisionKind.COMPOSITION_CHANGE)
    assert decision.territory.identifier == "ti-2701" and decision.meeting.date.year == 2024


def test_second_run_creates_nothing(demo_world):
    first = governance_demo()
    before = counts()
    second = governance_demo()
    assert counts() == before
    assert first.created and not second.created
    assert "rien de nouveau" in _render(second)


def test_no_accounts_when_disabled(demo_world, monkeypatch):
    users = get_user_model().objects.count()
    monkeypatch.setenv("TIPILOT_DEMO_ACCOUNTS", "0")
    from tipilot.core.management.commands.demo import Command

    out = io.StringIO()
    command = Command(stdout=out)
    command._governance_demo()
    assert get_user_model().objects.count() == users
    assert "TIPILOT_DEMO_ACCOUNTS=0" in out.getvalue()
    assert Contract.objects.filter(is_demo=True).exists()
    assert not ContractEvent.objects.exclude(author=None).filter(contract__is_demo=True).exists()
    # Turned on later: the accounts are added to the same people.
    governance_demo(accounts=True)
    assert Person.objects.get(email=f"national@{DOMAIN}").user.username == f"national@{DOMAIN}"


def test_command_help_documents_the_switch():
    from tipilot.core.management.commands.demo import Command

    assert "TIPILOT_DEMO_ACCOUNTS=0" in Command.help
