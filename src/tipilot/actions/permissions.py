"""Who may change measures, actions and funding lines (django-rules).

National team: everything. Regional pilot: the actions of its region's territories. Territory
team: its own territory's actions and their funding plans (what is requested). Operator
instructor: the decisions (granted or refused, committed, paid) on funding lines of its own
instruments — lines its operator funds, or lines on a measure its operator delivers.
Everyone else reads the public part (actions and funding lines carry no personal data).
"""

import rules

from tipilot.governance.permissions import (
    in_territory_team,
    is_national,
    pilots_territory,
)
from tipilot.governance.scope import user_scope


@rules.predicate
def pilots_action_territory(user, action) -> bool:
    return pilots_territory(user, action.territory)


@rules.predicate
def team_of_action(user, action) -> bool:
    return in_territory_team(user, action.territory)


@rules.predicate
def may_act_in_territory(user, territory) -> bool:
    return pilots_territory(user, territory) or in_territory_team(user, territory)


@rules.predicate
def instructs_line(user, line) -> bool:
    """The line is one of the instructor's operator's instruments."""
    operators = user_scope(user).operators
    if not operators:
        return False
    if line.funder_id in operators:
        return True
    if line.measure_id is None:
        return False
    return any(o.pk in operators for o in line.measure.operators.all())


@rules.predicate
def steers_line(user, line) -> bool:
    return pilots_territory(user, line.action.territory)


@rules.predicate
def team_of_line(user, line) -> bool:
    return in_territory_team(user, line.action.territory)


can_add_action = is_national | may_act_in_territory
can_change_action = is_national | pilots_action_territory | team_of_action
can_change_funding_line = is_national | steers_line | team_of_line
can_decide_funding_line = is_national | steers_line | instructs_line
can_manage_measures = is_national


@rules.predicate
def has_action_scope(user) -> bool:
    """National team, pilots and territory teams may send spreadsheets of actions."""
    scope = user_scope(user)
    return bool(scope.national or scope.pilot_regions or scope.territories)


can_import_actions = has_action_scope

rules.add_perm("actions.add_action", can_add_action)
rules.add_perm("actions.change_action", can_change_action)
rules.add_perm("actions.change_fundingline", can_change_funding_line)
rules.add_perm("actions.decide_fundingline", can_decide_funding_line)
rules.add_perm("actions.change_measure", can_manage_measures)
rules.add_perm("actions.import_actions", can_import_actions)
