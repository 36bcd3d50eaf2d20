import datetime as dt

import pytest
from django.utils import timezone

from tests.contracts.factories import ContractFactory
from tipilot.contracts.services import contract_transition, contract_update

TODAY = timezone.localdate()


@pytest.fixture
def calendar(world):
    """ti-8401 signed, ti-8402 planned (future), ti-2701 late (planned in the past)."""
    past = TODAY - dt.timedelta(days=30)
    signed = world.contract
    for name in ("submit", "validate", "sign"):
        signed = contract_transition(contract=signed, name=name, by=world.national, on=past)
    planned = ContractFactory(territory=world.t2)
    contract_update(
        contract=planned, version=None, by=world.national,
        planned_signature_on=TODAY + dt.timedelta(days=20),
    )  # fmt: skip
    contract_update(
        contract=world.other_contract, version=None, by=world.national, planned_signature_on=past
    )
    return world
