"""What an import changes, computed from the validated rows, then written in bulk.

Writes go through django-simple-history's bulk helpers so every created or changed row has its
history record, with the importing user and the reason « Import de tableur ».
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tipilot.governance.models import Organisation

from ..models import Action, FundingLine
from .lookups import Lookups, chunks
from .validate import NewOrganisation, Row

BATCH = 500


@dataclass
class Plan:
    by: object
    reason: str
    full_plans: bool
    new_orgs: dict[str, NewOrganisation] = field(default_factory=dict)
    actions: list[Row] = field(default_factory=list)
    lines: list[tuple[str, int, Row, FundingLine | None]] = field(default_factory=list)
    removed: list[FundingLine] = field(default_factory=list)
    created: list[Row] = field(default_factory=list)
    updated: list[tuple[Action, Row, list[str]]] = field(default_factory=list)
    m2m: list[tuple[str, Row]] = field(default_factory=list)
    new_lines: list[tuple[str, int, Row]] = field(default_factory=list)
    changed_lines: list[tuple[FundingLine, Row, list[str]]] = field(default_factory=list)

    def count(self, counts: dict[str, int], lookups: Lookups) -> None:
        for row in self.actions:
            self._diff_action(row, lookups)
        for external_id, position, row, existing in self.lines:
            if existing is None:
                self.new_lines.append((external_id, position, row))
                continue
            changed = [k for k, v in row.values.items() if getattr(existing, k) != v]
            if changed:
                self.changed_lines.append((existing, row, changed))
        counts["actions_created"] = len(self.created)
        counts["actions_updated"] = len(self.updated)
        counts["actions_unchanged"] = len(self.actions) - len(self.created) - len(self.updated)
        counts["lines_created"] = len(self.new_lines)
        counts["lines_updated"] = len(self.changed_lines)
        counts["lines_unchanged"] = len(self.lines) - len(self.new_lines) - len(self.changed_lines)
        counts["lines_deleted"] = len(self.removed)
        counts["organisations_created"] = len(self.new_orgs)

    def _diff_action(self, row: Row, lookups: Lookups) -> None:
        external_id = row.cells["external_id"]
        existing = lookups.actions.get(external_id)
        if existing is None:
            self.created.append(row)
            self.m2m.append((external_id, row))
            return
        changed = [k for k, v in row.values.items() if getattr(existing, k) != v]
        sets_changed = row.measures != lookups.action_measures.get(
            existing.pk, set()
        ) or row.tags != lookups.action_tags.get(existing.pk, set())
        if sets_changed:
            self.m2m.append((external_id, row))
        if changed or sets_changed:
            self.updated.append((existing, row, changed))


def write_plan(plan: Plan, lookups: Lookups) -> None:
    options = {
        "default_user": plan.by,
        "default_change_reason": plan.reason,
        "default_date": timezone.now(),
        "batch_size": BATCH,
    }
    with transaction.atomic():
        _create_organisations(plan, options)
        ids = _write_actions(plan, lookups, options)
        _write_sets(plan, ids)
        _write_lines(plan, ids, options)


def _resolve(value):
    return value.pk if isinstance(value, NewOrganisation) else value


def _create_organisations(plan: Plan, options: dict) -> None:
    if not plan.new_orgs:
        return
    orgs = [Organisation(siren=o.siren, name=o.name, kind=o.kind) for o in plan.new_orgs.values()]
    bulk_create_with_history(orgs, Organisation, **options)
    pks = {}
    for batch in chunks(plan.new_orgs):
        pks.update(Organisation.objects.filter(siren__in=batch).values_list("siren", "pk"))
    for siren, new in plan.new_orgs.items():
        new.pk = pks[siren]


def _write_actions(plan: Plan, lookups: Lookups, options: dict) -> dict[str, int]:
    now = timezone.now()
    new = []
    for row in plan.created:
        values = {**row.values, "lead_id": _resolve(row.values["lead_id"])}
        contract = lookups.contracts.get(values["territory_id"])
        new.append(Action(external_id=row.cells["external_id"], contract_id=contract, **values))
    bulk_create_with_history(new, Action, **options)
    fields = {"version", "updated_at"}
    for action, row, changed in plan.updated:
        for key in changed:
            setattr(action, key, _resolve(row.values[key]))
        if "territory_id" in changed:
            action.contract_id = lookups.contracts.get(action.territory_id)
            fields.add("contract_id")
        action.version += 1
        action.updated_at = now
        fields.update(changed)
    if plan.updated:
        actions = [a for a, _, _ in plan.updated]
        bulk_update_with_history(actions, Action, fields=sorted(fields), **options)
    ids = {a.external_id: a.pk for a in lookups.actions.values()}
    for batch in chunks([r.cells["external_id"] for r in plan.created]):
        ids.update(Action.objects.filter(external_id__in=batch).values_list("external_id", "pk"))
    return ids


def _write_sets(plan: Plan, ids: dict[str, int]) -> None:
    pks = [ids[external_id] for external_id, _ in plan.m2m]
    measures, tags = Action.measures.through, Action.tags.through
    for batch in chunks(pks):
        measures.objects.filter(action_id__in=batch).delete()
        tags.objects.filter(action_id__in=batch).delete()
    links_m, links_t = [], []
    for external_id, row in plan.m2m:
        pk = ids[external_id]
        links_m += [measures(action_id=pk, measure_id=m) for m in sorted(row.measures)]
        links_t += [tags(action_id=pk, tag_id=t) for t in sorted(row.tags)]
    measures.objects.bulk_create(links_m, batch_size=BATCH)
    tags.objects.bulk_create(links_t, batch_size=BATCH)


def _write_lines(plan: Plan, ids: dict[str, int], options: dict) -> None:
    for line in plan.removed:
        line._history_user = plan.by
        line._change_reason = plan.reason
        line.delete()
    by = plan.by
    new = []
    for external_id, position, row in plan.new_lines:
        values = {**row.values, "funder_id": _resolve(row.values["funder_id"])}
        line = FundingLine(action_id=ids[external_id], position=position, **values)
        line.decided_by = by if row.decided else None
        new.append(line)
    bulk_create_with_history(new, FundingLine, **options)
    fields = set()
    for line, row, changed in plan.changed_lines:
        for key in changed:
            setattr(line, key, _resolve(row.values[key]))
        if row.decided:
            line.decided_by = by
            fields.add("decided_by")
        fields.update(changed)
    if plan.changed_lines:
        lines = [line for line, _, _ in plan.changed_lines]
        bulk_update_with_history(lines, FundingLine, fields=sorted(fields), **options)
