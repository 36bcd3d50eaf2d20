"""Who may change governance data: one django-rules predicate per question.

Pages, forms and the API ask these same rules (``user.has_perm(...)`` or the ``can_*``
helpers); the domain services ask them again before writing, so no layer can skip them.
"""

import rules

from .enums import REGION_ROLES, TERRITORY_ROLES
from .scope import user_scope


def territory_region_codes(territory) -> set[str]:
    """Region codes of a territory (prefetch ``regions`` to keep this query-free)."""
    return {region.code for region in territory.regions.all()}


@rules.predicate
def is_national(user) -> bool:
    return user_scope(user).national


@rules.predicate
def has_any_role(user) -> bool:
    return user_scope(user).any_role


@rules.predicate
def is_any_pilot(user) -> bool:
    return bool(user_scope(user).pilot_regions)


@rules.predicate
def pilots_region(user, region) -> bool:
    return region is not None and region.code in user_scope(user).pilot_regions


@rules.predicate
def sits_in_copil(user, region) -> bool:
    scope = user_scope(user)
    return region is not None and region.code in scope.copil_regions | scope.pilot_regions


@rules.predicate
def pilots_territory(user, territory) -> bool:
    pilot = user_scope(user).pilot_regions
    return bool(pilot) and bool(territory_region_codes(territory) & pilot)


@rules.predicate
def in_territory_team(user, territory) -> bool:
    return territory.pk in user_scope(user).territories


@rules.predicate
def follows_territory(user, territory) -> bool:
    """Members of the territory's team, COPIL or pilots: they may read its private data."""
    scope = user_scope(user)
    if territory.pk in scope.territories:
        return True
    return bool(territory_region_codes(territory) & (scope.pilot_regions | scope.copil_regions))


can_manage_copil = is_national | pilots_region
can_view_copil_private = is_national | sits_in_copil
can_manage_territory_team = is_national | pilots_territory
can_view_territory_private = is_national | follows_territory
can_manage_organisations = is_national | is_any_pilot
can_invite = is_national | is_any_pilot


@rules.predicate
def can_assign_role(user, role) -> bool:
    """National team: any role. Pilots: territory roles and COPIL members of their region."""
    if is_national(user):
        return True
    if role.kind in TERRITORY_ROLES and role.territory_id:
        return pilots_territory(user, role.territory)
    if role.kind in REGION_ROLES and role.region_id and role.kind == "copil_member":
        return pilots_region(user, role.region)
    return False


rules.add_perm("governance.manage_copil", can_manage_copil)
rules.add_perm("governance.manage_national_team", is_national)
rules.add_perm("governance.view_copil_private", can_view_copil_private)
rules.add_perm("governance.manage_territory_team", can_manage_territory_team)
rules.add_perm("governance.view_territory_private", can_view_territory_private)
rules.add_perm("governance.manage_organisations", can_manage_organisations)
rules.add_perm("governance.invite", can_invite)
rules.add_perm("governance.assign_role", can_assign_role)
