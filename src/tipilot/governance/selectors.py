"""Reads on governance data: a territory's team, the people directory."""

import datetime as dt

from django.db.models import QuerySet

from .enums import BINOME_ROLES
from .models import Person, RoleAssignment


def territory_team(*, territory, public: bool, on: dt.date | None = None) -> dict:
    """The territory's roles, current and past.

    For the public (``public=True``) only the current binôme's elected member, and only if
    they hold a public office: no other personal data leaves the platform.
    """
    on = on or dt.date.today()
    roles = list(
        RoleAssignment.objects.filter(territory=territory)
        .select_related("person__organisation", "person__user")
        .order_by("kind", "-start_on")
    )
    current = [r for r in roles if r.in_force(on)]
    if public:
        current = [r for r in current if r.kind in BINOME_ROLES and r.person.public_office]
        return {"current": current, "past": [], "all": []}
    return {
        "current": current,
        "past": [r for r in roles if not r.in_force(on)],
        "all": roles,
    }


def public_binome_names(territory) -> list[str]:
    """Names of the binôme members who may be named publicly (public office holders)."""
    team = territory_team(territory=territory, public=True)
    return [f"{r.person} ({r.get_kind_display()})" for r in team["current"]]


def people_list(*, q: str = "") -> QuerySet[Person]:
    qs = Person.objects.select_related("organisation", "user").prefetch_related(
        "roles__territory", "roles__region", "roles__operator"
    )
    if q:
        qs = qs.filter(last_name__icontains=q) | qs.filter(email__icontains=q)
    return qs.order_by("last_name", "first_name")
