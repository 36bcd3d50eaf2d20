"""Figures derived from a territory's current composition and the reference geography.

Stored on the territory (population, commune count, regions, departments, search text) so
that lists, maps and the API read them with a constant number of queries. Refreshed by the
import service and by ``tipilot territories refresh`` after a new geography vintage.
"""

from django.db import transaction
from django.db.models import Prefetch

from tipilot.core.text import fold
from tipilot.geo.models import Commune, Department

from .models import Membership, Territory

COMMUNE_FIELDS = ("id", "name", "population", "department_id", "region_id")


def territories_refresh_derived(*, territories: list[Territory] | None = None) -> int:
    """Recompute derived figures for ``territories`` (all when None); return how many."""
    queryset = (
        Territory.objects.all()
        if territories is None
        else Territory.objects.filter(id__in=[t.id for t in territories])
    )
    current = (
        Membership.objects.filter(left_on__isnull=True)
        .select_related("epci", "commune")
        .defer("epci__outline", "commune__outline")
    )
    communes = Commune.objects.only(*COMMUNE_FIELDS)
    rows = list(
        queryset.defer("outline").prefetch_related(
            Prefetch("memberships", queryset=current, to_attr="current"),
            Prefetch("current__epci__communes", queryset=communes),
        )
    )
    departments = Department.objects.in_bulk()
    with transaction.atomic():
        region_links, department_links = [], []
        for territory in rows:
            members = _communes_of(territory)
            territory.population = sum(c.population for c in members.values())
            territory.commune_count = len(members)
            territory.member_count = len(territory.current)
            dept_ids = {c.department_id for c in members.values()}
            region_ids = {c.region_id for c in members.values()}
            territory.search_text = _search_text(territory, members, dept_ids, departments)
            region_links += [
                Territory.regions.through(territory_id=territory.id, region_id=r)
                for r in region_ids
            ]
            department_links += [
                Territory.departments.through(territory_id=territory.id, department_id=d)
                for d in dept_ids
            ]
        Territory.objects.bulk_update(
            rows, ["population", "commune_count", "member_count", "search_text"], batch_size=500
        )
        ids = [t.id for t in rows]
        Territory.regions.through.objects.filter(territory_id__in=ids).delete()
        Territory.departments.through.objects.filter(territory_id__in=ids).delete()
        Territory.regions.through.objects.bulk_create(region_links, batch_size=2000)
        Territory.departments.through.objects.bulk_create(department_links, batch_size=2000)
    return len(rows)


def _communes_of(territory) -> dict[int, Commune]:
    members: dict[int, Commune] = {}
    for membership in territory.current:
        if membership.commune_id:
            members[membership.commune_id] = membership.commune
        else:
            for commune in membership.epci.communes.all():
                members[commune.id] = commune
    return members


def _search_text(territory, members, dept_ids, departments) -> str:
    names = [territory.name, territory.identifier]
    names += [m.epci.name for m in territory.current if m.epci_id]
    names += [c.name for c in members.values()]
    names += [departments[d].name for d in dept_ids if d in departments]
    return "|" + "|".join(sorted({fold(n) for n in names})) + "|"
