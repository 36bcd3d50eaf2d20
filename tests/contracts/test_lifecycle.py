"""The contract lifecycle: legal paths, illegal jumps, permissions, conflicts, the event log."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm import TransitionNotAllowed

from tipilot.contracts.enums import AmendmentState, ContractState
from tipilot.contracts.services import contract_transition, contract_update
from tipilot.core.errors import EditConflict

D = dt.date(2024, 5, 2)


def walk(contract, by, *names):
    for name in names:
        extra = {"amendment_title": "Pack Rebond"} if name == "start_amendment" else {}
        contract = contract_transition(contract=contract, name=name, by=by, on=D, **extra)
    return contract


def test_full_lifecycle_with_amendment(world):
    c = walk(world.contract, world.pilot, "submit", "validate", "sign")
    assert c.state == ContractState.SIGNED and c.signed_on == D
    c = walk(c, world.pilot, "start_amendment")
    assert c.state == ContractState.AMENDING
    assert c.amendments.get().title == "Pack Rebond"
    c = walk(c, world.national, "sign_amendment", "close")
    assert c.state == ContractState.CLOSED and c.closed_on == D
    assert c.amendments.get().state == AmendmentState.SIGNED
    events = list(c.events.values_list("transition", "source", "target"))
    assert events[0] == ("submit", "preparation", "submitted")
    assert len(events) == 6
    assert c.version == 7
    assert c.history.count() == 7


@pytest.mark.parametrize(
    "name", ["validate", "sign", "start_amendment", "sign_amendment", "close", "return"]
)
def test_illegal_jumps_from_preparation_are_refused(world, name):
    with pytest.raises(ValidationError) as exc:
        contract_transition(
            contract=world.contract, name=name, by=world.national, amendment_title="x"
        )
    assert "impossible depuis l'état « En préparation »" in str(exc.value)
    world.contract.refresh_from_db()
    assert world.contract.state == ContractState.PREPARATION
    assert not world.contract.events.exists()


def test_state_cannot_be_set_directly(world):
    with pytest.raises(AttributeError):
        world.contract.state = ContractState.SIGNED


def test_fsm_method_refuses_wrong_source(world):
    with pytest.raises(TransitionNotAllowed):
        world.contract.sign(on=D)


def test_team_submits_its_draft_but_cannot_validate(world):
    c = walk(world.contract, world.team, "submit")
    with pytest.raises(PermissionDenied):
        walk(c, world.team, "validate")


def test_pilot_of_another_region_is_refused(world):
    with pytest.raises(PermissionDenied):
        walk(world.contract, world.other_pilot, "submit")


def test_future_and_backdated_effect_dates_are_refused(world):
    c = walk(world.contract, world.pilot, "submit")
    with pytest.raises(ValidationError, match="futur"):
        contract_transition(
            contract=c, name="validate", by=world.pilot, on=dt.date.today() + dt.timedelta(1)
        )
    with pytest.raises(ValidationError, match="précède"):
        contract_transition(contract=c, name="validate", by=world.pilot, on=dt.date(2020, 1, 1))


def test_amendment_needs_a_title(world):
    c = walk(world.contract, world.pilot, "submit", "validate", "sign")
    with pytest.raises(ValidationError, match="objet de l'avenant"):
        contract_transition(contract=c, name="start_amendment", by=world.pilot, on=D)


def test_concurrent_edit_is_detected_and_nothing_is_lost(world):
    version = world.contract.version
    contract_update(
        contract=world.contract, version=version, by=world.pilot, title="Titre de Alice"
    )
    with pytest.raises(EditConflict, match="modifié par quelqu'un d'autre"):
        contract_update(
            contract=world.contract, version=version, by=world.team, title="Titre de Bob"
        )
    world.contract.refresh_from_db()
    assert world.contract.title == "Titre de Alice"


def test_history_records_the_author(world):
    c = contract_update(
        contract=world.contract,
        version=world.contract.version,
        by=world.pilot,
        planned_signature_on=dt.date(2025, 1, 15),
    )
    record = c.history.first()
    assert record.history_user == world.pilot
    assert record.diff_against(record.prev_record).changed_fields == [
        "planned_signature_on",
        "version",
    ]


def test_notifications_go_to_binome_on_transition_and_planned_date(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        walk(world.contract, world.pilot, "submit")
    assert [m.to for m in mailoutbox] == [[world.binome.email]]
    assert "Soumis au COPIL" in mailoutbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        contract_update(
            contract=world.contract,
            version=None,
            by=world.pilot,
            planned_signature_on=dt.date(2025, 1, 15),
        )
    assert "signature prévue le 15/01/2025" in mailoutbox[1].subject
