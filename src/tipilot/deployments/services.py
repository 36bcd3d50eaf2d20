"""Writes on the deployments registries: create, update, move along the lifecycle.

Each service checks the acting user's permission (``permissions.py``) on the deployment as it
will be (its commune's region, its measure's operators), validates with ``full_clean`` and
records the author in the audit trail.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from tipilot.actions.models import Measure
from tipilot.core.audit import save_audited
from tipilot.geo.models import Commune
from tipilot.geo.points import point_in_outline
from tipilot.territories.selectors import territory_of_commune

from .enums import MEASURE_CODES, DeploymentKind, DeploymentTransition
from .models import Deployment, DeploymentTarget
from .targets import apply_targets

FIELDS = (
    "name",
    "commune",
    "latitude",
    "longitude",
    "organisation",
    "wave",
    "headcount",
    "status",
    "labelled_on",
    "opened_on",
    "closed_on",
)
UPDATABLE = tuple(f for f in FIELDS if f != "status")
DENIED = "Votre rôle ne vous permet pas de modifier ce déploiement."


def _check_fields(changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")


def _require(by, perm: str, deployment: Deployment) -> None:
    if not by.has_perm(perm, deployment):
        raise PermissionDenied(DENIED)


def measure_of_kind(kind: str) -> Measure:
    if kind not in MEASURE_CODES:
        raise ValidationError({"kind": f"Type de déploiement inconnu : « {kind} »."})
    try:
        return Measure.objects.get(code=MEASURE_CODES[kind])
    except Measure.DoesNotExist as exc:
        raise ValidationError({"kind": "La mesure de ce type manque au catalogue."}) from exc


def _place(deployment: Deployment) -> None:
    """Without coordinates, the deployment is drawn inside its commune."""
    if deployment.latitude is None or deployment.longitude is None:
        point = point_in_outline(deployment.commune.outline)
        deployment.latitude, deployment.longitude = point or (None, None)


def deployment_create(
    *, kind: str, name: str, commune: Commune, by, is_demo: bool = False, **fields
) -> Deployment:
    """Register a school, an antenna or a VTE placement; its territory follows the commune."""
    _check_fields(fields, FIELDS)
    deployment = Deployment(
        kind=kind,
        measure=measure_of_kind(kind),
        name=name,
        commune=commune,
        is_demo=is_demo,
        **fields,
    )
    if kind == DeploymentKind.VTE and deployment.headcount is None:
        deployment.headcount = 1
    _require(by, "deployments.add_deployment", deployment)
    with transaction.atomic():
        deployment.territory = territory_of_commune(commune)
        _place(deployment)
        return save_audited(deployment, by=by, reason="Création")


def deployment_update(*, deployment: Deployment, by, **changes) -> Deployment:
    """Change name, place, organisation, wave, headcount or dates (not the status)."""
    _check_fields(changes, UPDATABLE)
    _require(by, "deployments.change_deployment", deployment)
    with transaction.atomic():
        current = Deployment.objects.select_for_update().get(pk=deployment.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        _require(by, "deployments.change_deployment", current)  # and where it moves to
        if "commune" in changes:
            current.territory = territory_of_commune(current.commune)
            if "latitude" not in changes and "longitude" not in changes:
                current.latitude = current.longitude = None
        _place(current)
        return save_audited(current, by=by, reason="Modification")


def deployment_transition(
    *, deployment: Deployment, name: str, by, on: dt.date | None = None
) -> Deployment:
    """Labelled, open (in post), closed (ended): each step records its date."""
    if name not in DeploymentTransition.values:
        raise ValidationError({"transition": f"Transition inconnue : « {name} »."})
    _require(by, "deployments.change_deployment", deployment)
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"on": "La date d'effet ne peut pas être dans le futur."})
    with transaction.atomic():
        current = Deployment.objects.select_for_update().get(pk=deployment.pk)
        method = getattr(current, name)
        if not can_proceed(method):
            label, status = DeploymentTransition(name).label, current.get_status_display()
            raise ValidationError(
                {"transition": f"« {label} » est impossible depuis « {status} »."}
            )
        method(on=on)
        return save_audited(current, by=by, reason=DeploymentTransition(name).label)


def targets_sync() -> int:
    """Seed the announced targets where missing (also done by migration 0002)."""
    with transaction.atomic():
        return apply_targets(DeploymentTarget, Measure)
