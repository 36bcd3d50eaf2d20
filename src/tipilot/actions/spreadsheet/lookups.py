"""Everything an import refers to, loaded once in bulk: no query per row.

Territories, axes, measures (with their operators, for the decision right), tags, communes by
INSEE code, organisations by SIREN and by name, existing actions by identifier with their
measures, tags and funding lines. Permissions are answered from the user's scope, computed once,
and memoised per territory (and per funder and measure for decisions).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from tipilot.contracts.models import Contract
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from ..models import Action, Axis, FundingLine, Measure, Tag
from .cells import text

CHUNK = 2000


def chunks(values, size: int = CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass
class Lookups:
    territories: dict[tuple[str, str], Territory] = field(default_factory=dict)
    by_identifier: dict[str, list[Territory]] = field(default_factory=dict)
    by_pk: dict[int, Territory] = field(default_factory=dict)
    axes: dict[str, Axis] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    communes: dict[str, int] = field(default_factory=dict)
    orgs_by_siren: dict[str, int] = field(default_factory=dict)
    orgs_by_name: dict[str, list[int]] = field(default_factory=dict)
    contracts: dict[int, int] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    action_measures: dict[int, set[int]] = field(default_factory=dict)
    action_tags: dict[int, set[int]] = field(default_factory=dict)
    lines: dict[int, dict[int, FundingLine]] = field(default_factory=dict)

    def territory(self, identifier: str, generation: str) -> Territory | None:
        if generation:
            return self.territories.get((identifier, generation))
        found = self.by_identifier.get(identifier, [])
        return found[0] if len(found) == 1 else None


def load_lookups(action_rows: list[dict], line_rows: list[dict]) -> Lookups:
    found = Lookups()
    _load_catalogue(found)
    territories = Territory.objects.select_related("generation").prefetch_related("regions")
    for territory in territories:
        found.territories[(territory.identifier, territory.generation.code)] = territory
        found.by_identifier.setdefault(territory.identifier, []).append(territory)
        found.by_pk[territory.pk] = territory
    found.contracts = dict(Contract.objects.values_list("territory_id", "pk"))
    insee = {text(r.get("commune")).zfill(5) for r in action_rows if text(r.get("commune"))}
    for codes in chunks(insee):
        found.communes.update(
            Commune.objects.filter(insee_code__in=codes).values_list("insee_code", "pk")
        )
    _load_organisations(found, action_rows, line_rows)
    ids = {text(r.get("external_id")) for r in action_rows + line_rows}
    _load_actions(found, ids)
    return found


def _load_catalogue(found: Lookups) -> None:
    found.axes = {a.code: a for a in Axis.objects.all()}
    measures = Measure.objects.prefetch_related("operators")
    found.measures = {m.code: m for m in measures}
    found.tags = {t.slug: t for t in Tag.objects.all()}


def _load_organisations(found: Lookups, action_rows: list[dict], line_rows: list[dict]) -> None:
    sirens, names = set(), set()
    for row, prefix in [(r, "lead") for r in action_rows] + [(r, "funder") for r in line_rows]:
        siren = text(row.get(f"{prefix}_siren"))
        if siren:
            sirens.add(siren.zfill(9))
        elif text(row.get(f"{prefix}_name")):
            names.add(text(row.get(f"{prefix}_name")))
    for batch in chunks(sirens):
        found.orgs_by_siren.update(
            Organisation.objects.filter(siren__in=batch).values_list("siren", "pk")
        )
    by_name = defaultdict(list)
    for batch in chunks(names):
        for name, pk in Organisation.objects.filter(name__in=batch).values_list("name", "pk"):
            by_name[name].append(pk)
    found.orgs_by_name = dict(by_name)


def _load_actions(found: Lookups, ids: set[str]) -> None:
    measures, tags, lines = defaultdict(set), defaultdict(set), defaultdict(dict)
    for batch in chunks(ids):
        actions = Action.objects.filter(external_id__in=batch)
        found.actions.update({a.external_id: a for a in actions.order_by()})
    pks = [a.pk for a in found.actions.values()]
    for batch in chunks(pks):
        through = Action.measures.through.objects.filter(action_id__in=batch)
        for action_id, measure_id in through.values_list("action_id", "measure_id"):
            measures[action_id].add(measure_id)
        through = Action.tags.through.objects.filter(action_id__in=batch)
        for action_id, tag_id in through.values_list("action_id", "tag_id"):
            tags[action_id].add(tag_id)
        for line in FundingLine.objects.filter(action_id__in=batch).order_by():
            lines[line.action_id][line.position] = line
    found.action_measures, found.action_tags, found.lines = measures, tags, lines
