"""Writes on France Expérimentation requests: record, update, answer — audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tipilot.core.audit import save_audited

from .models import DerogationRequest

FIELDS = (
    "title",
    "rule",
    "legal_reference",
    "theme",
    "project",
    "territory",
    "applicant",
    "submitted_on",
    "status",
    "answer",
    "answered_on",
    "follow_up",
    "is_public",
)
DENIED = "Votre rôle ne vous permet pas de modifier cette demande."


def _check_fields(changes: dict) -> None:
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")


def next_reference(year: int) -> str:
    """``FE-2021-007``: year of submission, rank."""
    prefix = f"FE-{year}-"
    rank = DerogationRequest.objects.filter(reference__startswith=prefix).count() + 1
    while DerogationRequest.objects.filter(reference=f"{prefix}{rank:03d}").exists():
        rank += 1
    return f"{prefix}{rank:03d}"


def derogation_create(*, by, reference: str = "", is_demo: bool = False, **fields):
    """Record a request. A pilot records it for a territory of its region only."""
    _check_fields(fields)
    request = DerogationRequest(is_demo=is_demo, **fields)
    if not by.has_perm("experimentation.add_derogationrequest"):
        raise PermissionDenied(DENIED)
    if not by.has_perm("experimentation.change_derogationrequest", request):
        raise PermissionDenied("Choisissez un territoire de votre région.")
    with transaction.atomic():
        if request.submitted_on is None:
            raise ValidationError({"submitted_on": "Indiquez la date de dépôt."})
        request.reference = reference or next_reference(request.submitted_on.year)
        return save_audited(request, by=by, reason="Création")


def derogation_update(*, request: DerogationRequest, by, **changes) -> DerogationRequest:
    """Change the request, record the answer, publish it."""
    _check_fields(changes)
    if not by.has_perm("experimentation.change_derogationrequest", request):
        raise PermissionDenied(DENIED)
    with transaction.atomic():
        current = DerogationRequest.objects.select_for_update().get(pk=request.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        if not by.has_perm("experimentation.change_derogationrequest", current):
            raise PermissionDenied("Choisissez un territoire de votre région.")
        return save_audited(current, by=by, reason="Modification")
