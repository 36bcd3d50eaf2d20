"""Writes on bilans d'étape: freeze the live figures of a scope, then publish them.

Both check the acting user's permission (``permissions.py``), write in one transaction and
record the author in the audit trail. A published bilan is never changed afterwards.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django_fsm import can_proceed

from tipilot.core.audit import save_audited
from tipilot.geo.models import Region
from tipilot.territories.models import Generation, Territory

from .deployments import bilan_with_deployments
from .models import BilanSnapshot
from .scope import BilanScope


def default_title(scope: BilanScope, as_of) -> str:
    generation = f", génération {scope.generation.code}" if scope.generation else ""
    return f"Bilan d'étape — {scope.label}{generation} — {date_format(as_of, 'j F Y')}"


def bilan_freeze(
    *,
    by,
    region: Region | None = None,
    territory: Territory | None = None,
    generation: Generation | None = None,
    title: str = "",
) -> BilanSnapshot:
    """Store the scope's figures as of today, as a draft to publish."""
    scope = BilanScope(region=region, territory=territory, generation=generation)
    if not by.has_perm("analytics.freeze_bilan", scope):
        raise PermissionDenied("Vous ne pouvez pas figer ce bilan.")
    now = timezone.now()
    as_of = timezone.localdate(now)
    with transaction.atomic():
        snapshot = BilanSnapshot(
            level=scope.level,
            region=scope.region,
            territory=scope.territory,
            generation=scope.generation,
            as_of=as_of,
            title=title.strip() or default_title(scope, as_of),
            figures=bilan_with_deployments(
                region=region, territory=territory, generation=generation
            ),
            frozen_by=by,
            frozen_at=now,
        )
        return save_audited(snapshot, by=by, reason="Bilan figé")


def bilan_publish(*, snapshot: BilanSnapshot, by) -> BilanSnapshot:
    """Publish a frozen bilan: from now on everyone reads it, and no one changes it."""
    with transaction.atomic():
        current = BilanSnapshot.objects.select_for_update().get(pk=snapshot.pk)
        if not can_proceed(current.publish):
            raise ValidationError("Ce bilan est déjà publié : il ne change plus.")
        if not by.has_perm("analytics.publish_bilan", current):
            raise PermissionDenied("Vous ne pouvez pas publier ce bilan.")
        current.publish(by=by, at=timezone.now())
        return save_audited(current, by=by, reason="Bilan publié")
