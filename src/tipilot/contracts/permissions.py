"""Who may change a contract, and through which transitions (django-rules).

National team: everything. Regional pilot: contracts of territories in its region, every
transition. Territory team: its own contract while it is a draft (edit, documents, submit to
COPIL) or while an amendment is prepared (documents). Everyone else: read the public part.
"""

import rules

from tipilot.governance.permissions import (
    follows_territory,
    in_territory_team,
    is_national,
    pilots_territory,
)

from .enums import ContractState, Transition


@rules.predicate
def pilots_contract(user, contract) -> bool:
    return pilots_territory(user, contract.territory)


@rules.predicate
def team_of_contract(user, contract) -> bool:
    return in_territory_team(user, contract.territory)


@rules.predicate
def follows_contract(user, contract) -> bool:
    return follows_territory(user, contract.territory)


@rules.predicate
def is_draft(user, contract) -> bool:
    return contract.state == ContractState.PREPARATION


@rules.predicate
def is_draft_or_amending(user, contract) -> bool:
    return contract.state in (ContractState.PREPARATION, ContractState.AMENDING)


@rules.predicate
def pilots_target_territory(user, territory) -> bool:
    return pilots_territory(user, territory)


steers = is_national | pilots_contract
can_create_contract = is_national | pilots_target_territory
can_change_contract = steers | (team_of_contract & is_draft)
can_add_document = steers | (team_of_contract & is_draft_or_amending)
can_manage_signatories = steers
can_view_contract_private = is_national | follows_contract

TRANSITION_RULES = {
    Transition.SUBMIT: steers | (team_of_contract & is_draft),
    Transition.RETURN: steers,
    Transition.VALIDATE: steers,
    Transition.SIGN: steers,
    Transition.START_AMENDMENT: steers,
    Transition.SIGN_AMENDMENT: steers,
    Transition.CLOSE: steers,
}

rules.add_perm("contracts.add_contract", can_create_contract)
rules.add_perm("contracts.change_contract", can_change_contract)
rules.add_perm("contracts.add_document", can_add_document)
rules.add_perm("contracts.manage_signatories", can_manage_signatories)
rules.add_perm("contracts.view_private", can_view_contract_private)
for _name, _rule in TRANSITION_RULES.items():
    rules.add_perm(f"contracts.{_name}_contract", _rule)


def can_transition(user, contract, name: str) -> bool:
    return user.has_perm(f"contracts.{name}_contract", contract)
