"""Who may act where: the roles a user holds today, read once per request.

A user's scope is computed from the role assignments in force of the person linked to the
account, and cached on the user object, so that a page that checks fifty permissions makes
one query. Superusers count as national team.
"""

import datetime as dt
from dataclasses import dataclass, field

from .enums import TERRITORY_ROLES, RoleKind


@dataclass(frozen=True)
class Scope:
    national: bool = False
    pilot_regions: frozenset[str] = field(default_factory=frozenset)
    copil_regions: frozenset[str] = field(default_factory=frozenset)
    territories: frozenset[int] = field(default_factory=frozenset)
    operators: frozenset[int] = field(default_factory=frozenset)

    @property
    def any_role(self) -> bool:
        return bool(
            self.national
            or self.pilot_regions
            or self.copil_regions
            or self.territories
            or self.operators
        )

    @property
    def label(self) -> str:
        if self.national:
            return "Équipe nationale"
        if self.pilot_regions:
            return "Pilote régional"
        if self.territories:
            return "Équipe de territoire"
        if self.operators:
            return "Instructeur"
        if self.copil_regions:
            return "Membre de COPIL"
        return "Sans rôle"


EMPTY = Scope()
CACHE_ATTRIBUTE = "_tipilot_scope"


def user_scope(user) -> Scope:
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    scope = Scope(national=True) if user.is_superuser else _scope_from_roles(user)
    setattr(user, CACHE_ATTRIBUTE, scope)
    return scope


def forget_scope(user) -> None:
    """Drop the cached scope (after the user's roles changed)."""
    if hasattr(user, CACHE_ATTRIBUTE):
        delattr(user, CACHE_ATTRIBUTE)


def _scope_from_roles(user) -> Scope:
    from .models import RoleAssignment

    roles = RoleAssignment.objects.in_force(dt.date.today()).filter(person__user=user)
    rows = roles.values_list("kind", "territory_id", "region__code", "operator_id")
    national, pilot, copil, territories, operators = False, set(), set(), set(), set()
    for kind, territory_id, region_code, operator_id in rows:
        if kind == RoleKind.NATIONAL_TEAM:
            national = True
        elif kind == RoleKind.REGIONAL_PILOT:
            pilot.add(region_code)
        elif kind == RoleKind.COPIL_MEMBER:
            copil.add(region_code)
        elif kind in TERRITORY_ROLES:
            territories.add(territory_id)
        elif kind == RoleKind.OPERATOR_INSTRUCTOR:
            operators.add(operator_id)
    return Scope(
        national=national,
        pilot_regions=frozenset(pilot),
        copil_regions=frozenset(copil),
        territories=frozenset(territories),
        operators=frozenset(operators),
    )
