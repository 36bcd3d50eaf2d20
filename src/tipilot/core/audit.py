"""Saving through the audit trail: every service write records who made it.

django-simple-history reads ``_history_user`` from the instance; pages and the API also get
it from ``HistoryRequestMiddleware``, but services set it themselves so that commands and
tasks are attributed too.
"""

from django.db import models


def save_audited(instance: models.Model, *, by, reason: str = "") -> models.Model:
    instance._history_user = by if by is not None and by.is_authenticated else None
    if reason:
        instance._change_reason = reason
    # Protected lifecycle fields (django-fsm-2) change only through their transitions.
    protected = [f.name for f in instance._meta.concrete_fields if getattr(f, "protected", False)]
    instance.full_clean(exclude=protected)
    instance.save()
    return instance


def history_of(instance: models.Model, limit: int = 50) -> list[dict]:
    """The object's history, newest first, with the fields each version changed."""
    records = list(instance.history.select_related("history_user").all()[: limit + 1])
    out = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [
                {"field": _verbose(instance, c.field), "old": c.old, "new": c.new}
                for c in delta.changes
            ]
        out.append({"record": newer, "changes": changes})
    return out[:limit]


def _verbose(instance: models.Model, name: str) -> str:
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 — an m2m or removed field keeps its code name
        return name
