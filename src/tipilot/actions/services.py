"""Writes on measures, actions and funding lines.

Each service checks the acting user's permission (``permissions.py``), validates with
``full_clean`` (field validators and the models' constraints, with French messages), writes in
one transaction and records the author in the audit trail (django-simple-history).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django_fsm import can_proceed

from tipilot.core.audit import save_audited
from tipilot.core.errors import EditConflict
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from .catalogue import apply_catalogue
from .enums import ActionTransition
from .models import Action, Axis, FundingLine, Measure

ACTION_FIELDS = (
    "title",
    "description",
    "axis",
    "lead",
    "nature",
    "commune",
    "naf_code",
    "total_cost",
    "jobs_created_planned",
    "jobs_maintained_planned",
    "jobs_created_observed",
    "jobs_maintained_observed",
    "is_relocation",
    "is_fragile_territory",
)
PLAN_FIELDS = (
    "funder_category",
    "funder",
    "measure",
    "instrument",
    "amount_requested",
    "requested_on",
    "comment",
)
DECISION_FIELDS = ("decision", "amount_committed", "committed_on", "amount_paid", "paid_on")
MEASURE_FIELDS = (
    "name",
    "axis",
    "description",
    "phase",
    "envelope",
    "envelope_note",
    "target",
    "start_year",
    "end_year",
    "source",
)


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _check_fields(changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")


def next_external_id(territory: Territory) -> str:
    """``FA-2023-ti-2701-007``: generation, territory, rank. Stable, readable in spreadsheets."""
    prefix = f"FA-{territory.generation.start_year}-{territory.identifier}-"
    taken = Action.objects.filter(external_id__startswith=prefix).count()
    rank = taken + 1
    while Action.objects.filter(external_id=f"{prefix}{rank:03d}").exists():
        rank += 1
    return f"{prefix}{rank:03d}"


def action_create(
    *,
    territory: Territory,
    title: str,
    axis: Axis,
    nature: str,
    by,
    external_id: str = "",
    measures=(),
    tags=(),
    is_demo: bool = False,
    **fields,
) -> Action:
    _require(by, "actions.add_action", territory, "Vous ne pouvez pas créer d'action ici.")
    _check_fields(fields, ACTION_FIELDS)
    with transaction.atomic():
        action = Action(
            territory=territory,
            contract=getattr(territory, "contract", None),
            external_id=external_id or next_external_id(territory),
            title=title,
            axis=axis,
            nature=nature,
            is_demo=is_demo,
            **fields,
        )
        save_audited(action, by=by, reason="Création")
        action.measures.set(measures)
        action.tags.set(tags)
    return action


def _locked(action: Action, version: int | None) -> Action:
    current = Action.objects.select_for_update().get(pk=action.pk)
    if version is not None and current.version != version:
        raise EditConflict(current, expected=version, current=current.version)
    return current


def action_update(
    *, action: Action, version: int | None, by, measures=None, tags=None, **changes
) -> Action:
    """Change an action's description, jobs, cost...; ``version`` detects concurrent edits."""
    _check_fields(changes, ACTION_FIELDS)
    _require(by, "actions.change_action", action, "Vous ne pouvez pas modifier cette action.")
    with transaction.atomic():
        current = _locked(action, version)
        for name, value in changes.items():
            setattr(current, name, value)
        current.version += 1
        save_audited(current, by=by, reason="Modification")
        if measures is not None:
            current.measures.set(measures)
        if tags is not None:
            current.tags.set(tags)
    return current


def action_transition(
    *, action: Action, name: str, by, on: dt.date | None = None, version: int | None = None
) -> Action:
    """Move the action along idée → préparation → engagée → en cours → achevée (or abandon)."""
    if name not in ActionTransition.values:
        raise ValidationError({"transition": f"Transition inconnue : « {name} »."})
    _require(by, "actions.change_action", action, "Vous ne pouvez pas modifier cette action.")
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": "La date d'effet ne peut pas être dans le futur."})
    with transaction.atomic():
        current = _locked(action, version)
        method = getattr(current, name)
        if not can_proceed(method):
            label, status = ActionTransition(name).label, current.get_status_display()
            raise ValidationError(
                {"transition": f"« {label} » est impossible depuis « {status} »."}
            )
        method(on=on)
        current.version += 1
        save_audited(current, by=by, reason=ActionTransition(name).label)
    return current


def funding_line_add(*, action: Action, by, **fields) -> FundingLine:
    """Add a line to the plan. Decision fields need the funder's (or a pilot's) right."""
    _check_fields(fields, PLAN_FIELDS + DECISION_FIELDS)
    line = FundingLine(action=action, **fields)
    _require(by, "actions.change_fundingline", line, "Vous ne pouvez pas modifier ce plan.")
    if set(fields) & set(DECISION_FIELDS):
        _require(by, "actions.decide_fundingline", line, "La décision revient au financeur.")
    with transaction.atomic():
        Action.objects.select_for_update().get(pk=action.pk)
        top = action.funding_lines.aggregate(top=Max("position"))["top"] or 0
        line.position = top + 1
        if set(fields) & set(DECISION_FIELDS):
            line.decided_by = by
        return save_audited(line, by=by, reason="Ajout")


def funding_line_update(*, line: FundingLine, by, **changes) -> FundingLine:
    """Change the plan (territory team, pilots) or record the decision (funder, pilots)."""
    _check_fields(changes, PLAN_FIELDS + DECISION_FIELDS)
    if set(changes) & set(PLAN_FIELDS):
        _require(by, "actions.change_fundingline", line, "Vous ne pouvez pas modifier ce plan.")
    if set(changes) & set(DECISION_FIELDS):
        _require(by, "actions.decide_fundingline", line, "La décision revient au financeur.")
    with transaction.atomic():
        current = FundingLine.objects.select_for_update().get(pk=line.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        if set(changes) & set(DECISION_FIELDS):
            current.decided_by = by
        return save_audited(current, by=by, reason="Modification")


def funding_line_remove(*, line: FundingLine, by) -> None:
    _require(by, "actions.change_fundingline", line, "Vous ne pouvez pas modifier ce plan.")
    if line.amount_committed or line.amount_paid:
        raise ValidationError("Une ligne engagée ou décaissée ne se supprime pas : passez-la à 0.")
    with transaction.atomic():
        line._history_user = by
        line.delete()


def measure_update(*, measure: Measure, by, operators=None, **changes) -> Measure:
    _check_fields(changes, MEASURE_FIELDS)
    _require(by, "actions.change_measure", measure, "Seule l'équipe nationale modifie les mesures.")
    with transaction.atomic():
        current = Measure.objects.select_for_update().get(pk=measure.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        save_audited(current, by=by, reason="Modification")
        if operators is not None:
            current.operators.set(operators)
    return current


def catalogue_sync() -> dict[str, int]:
    """Load the announced measures where missing (also done by migration 0002)."""
    with transaction.atomic():
        return apply_catalogue(Axis, Measure, Organisation)
