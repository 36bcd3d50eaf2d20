"""The national team configures calls without code: fields, rules, windows, form and grid.

Every service checks ``calls.manage_calls``, validates with ``full_clean`` (French messages),
writes in one transaction and records its author in the audit trail. A question or a
criterion that an application already used cannot be removed, nor a question change kind:
the answers and scores given would lose their meaning.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tipilot.core.audit import save_audited

from ..enums import QuestionKind
from ..models import Call, CallWindow, Criterion, Question

CALL_FIELDS = (
    "title",
    "slug",
    "summary",
    "description",
    "measure",
    "operator",
    "funder_category",
    "budget",
    "requires_labelled_territory",
    "generation",
    "applicant_kinds",
    "naf_prefixes",
    "amount_min",
    "amount_max",
)
WINDOW_FIELDS = ("name", "opens_at", "closes_at")
QUESTION_FIELDS = ("label", "help_text", "kind", "choices", "required", "position")
CRITERION_FIELDS = ("label", "description", "weight", "max_score", "position")
NAF_PREFIX = re.compile(r"^\d{2}(\.\d{1,2}[A-Z]?)?$")


def _require_manager(by) -> None:
    if not by.has_perm("calls.manage_calls"):
        raise PermissionDenied("Seule l'équipe nationale configure les appels à projets.")


def _check_fields(changes: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")


def clean_naf_prefixes(prefixes) -> list[str]:
    """« 10, 25.62, 28.1 » → ``["10", "25.62", "28.1"]``; each a NAF division, group or code."""
    cleaned: list[str] = []
    for raw in prefixes or []:
        prefix = str(raw).strip().upper()
        if not prefix:
            continue
        if not NAF_PREFIX.match(prefix):
            raise ValidationError(
                {
                    "naf_prefixes": f"« {prefix} » n'est pas un début de code NAF : écrivez une "
                    "division (« 25 »), un groupe (« 25.6 »), une classe (« 25.62 ») ou un "
                    "code complet (« 25.62A »)."
                }
            )
        if prefix not in cleaned:
            cleaned.append(prefix)
    return cleaned


def _save_call(call: Call, *, by, regions, reason: str) -> Call:
    call.naf_prefixes = clean_naf_prefixes(call.naf_prefixes)
    call.applicant_kinds = sorted(set(call.applicant_kinds or []))
    save_audited(call, by=by, reason=reason)
    if regions is not None:
        call.regions.set(regions)
    return call


def call_create(*, by, regions=None, **fields) -> Call:
    """A new call, unpublished until ``call_publish``."""
    _require_manager(by)
    _check_fields(fields, CALL_FIELDS)
    with transaction.atomic():
        return _save_call(Call(**fields), by=by, regions=regions, reason="Création")


def call_update(*, call: Call, by, regions=None, **changes) -> Call:
    _require_manager(by)
    _check_fields(changes, CALL_FIELDS)
    with transaction.atomic():
        current = Call.objects.select_for_update().get(pk=call.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        return _save_call(current, by=by, regions=regions, reason="Modification")


def call_publish(*, call: Call, by) -> Call:
    """Publish the call: it needs at least one window and a summary to be found and applied."""
    _require_manager(by)
    with transaction.atomic():
        current = Call.objects.select_for_update().get(pk=call.pk)
        if current.is_published:
            raise ValidationError("Cet appel est déjà publié.")
        if not current.windows.exists():
            raise ValidationError("Ajoutez au moins une période de dépôt avant de publier l'appel.")
        current.is_published = True
        current.published_at = timezone.now()
        return save_audited(current, by=by, reason="Publication")


# Windows ------------------------------------------------------------------------------------


def window_add(*, call: Call, by, name: str, opens_at, closes_at) -> CallWindow:
    _require_manager(by)
    with transaction.atomic():
        window = CallWindow(call=call, name=name, opens_at=opens_at, closes_at=closes_at)
        return save_audited(window, by=by, reason="Ajout")


def window_update(*, window: CallWindow, by, **changes) -> CallWindow:
    _require_manager(by)
    _check_fields(changes, WINDOW_FIELDS)
    with transaction.atomic():
        current = CallWindow.objects.select_for_update().get(pk=window.pk)
        for name, value in changes.items():
            setattr(current, name, value)
        return save_audited(current, by=by, reason="Modification")


def window_remove(*, window: CallWindow, by) -> None:
    _require_manager(by)
    with transaction.atomic():
        if window.applications.exists():
            raise ValidationError(
                f"La période « {window.name} » a reçu des candidatures : elle ne peut plus "
                "être supprimée (modifiez plutôt ses dates)."
            )
        window._history_user = by
        window.delete()


# Questions ----------------------------------------------------------------------------------


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


def _clean_choices(kind: str, choices) -> list[str]:
    if kind not in (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return []
    return [c.strip() for c in choices or [] if isinstance(c, str) and c.strip()]


def question_add(
    *,
    call: Call,
    by,
    label: str,
    kind: str,
    help_text: str = "",
    choices=(),
    required: bool = True,
    position: int | None = None,
) -> Question:
    _require_manager(by)
    with transaction.atomic():
        question = Question(
            call=call,
            label=label,
            kind=kind,
            help_text=help_text,
            choices=_clean_choices(kind, choices),
            required=required,
            position=position if position is not None else _next_position(call.questions),
        )
        return save_audited(question, by=by, reason="Ajout")


def question_update(*, question: Question, by, **changes) -> Question:
    """Change a question; its kind is frozen once an application answered it."""
    _require_manager(by)
    _check_fields(changes, QUESTION_FIELDS)
    with transaction.atomic():
        current = Question.objects.select_for_update().get(pk=question.pk)
        kind = changes.get("kind", current.kind)
        if kind != current.kind and current.answers.exists():
            raise ValidationError(
                {
                    "kind": f"Des candidats ont déjà répondu à « {current.label} » : son type "
                    "de réponse ne peut plus changer."
                }
            )
        for name, value in changes.items():
            setattr(current, name, value)
        if "choices" in changes or "kind" in changes:
            current.choices = _clean_choices(current.kind, current.choices)
        return save_audited(current, by=by, reason="Modification")


def question_remove(*, question: Question, by) -> None:
    _require_manager(by)
    with transaction.atomic():
        if question.answers.exists():
            raise ValidationError(
                f"Des candidats ont déjà répondu à « {question.label} » : la question ne "
                "peut plus être supprimée (rendez-la facultative si elle n'est plus utile)."
            )
        question._history_user = by
        question.delete()


def question_move(*, question: Question, by, position: int) -> Question:
    """Put the question at ``position`` (1 = first) and renumber the call's questions."""
    _require_manager(by)
    with transaction.atomic():
        others = [
            q
            for q in Question.objects.select_for_update().filter(call_id=question.call_id)
            if q.pk != question.pk
        ]
        index = min(max(position, 1), len(others) + 1) - 1
        ordered = others[:index] + [question] + others[index:]
        for rank, item in enumerate(ordered, start=1):
            if item.position != rank:
                item.position = rank
                save_audited(item, by=by, reason="Nouvel ordre")
        question.position = index + 1
        return question


# Criteria -----------------------------------------------------------------------------------


def criterion_add(*, call: Call, by, label: str, position: int | None = None, **fields):
    _require_manager(by)
    _check_fields(fields, CRITERION_FIELDS)
    with transaction.atomic():
        criterion = Criterion(
            call=call,
            label=label,
            position=position if position is not None else _next_position(call.criteria),
            **fields,
        )
        return save_audited(criterion, by=by, reason="Ajout")


def criterion_update(*, criterion: Criterion, by, **changes) -> Criterion:
    """Change a criterion; once scored, its maximum cannot fall below a score given."""
    _require_manager(by)
    _check_fields(changes, CRITERION_FIELDS)
    with transaction.atomic():
        current = Criterion.objects.select_for_update().get(pk=criterion.pk)
        top = current.scores.aggregate(top=Max("value"))["top"]
        if top is not None and changes.get("max_score", current.max_score) < top:
            raise ValidationError(
                {
                    "max_score": f"Une note de {top} a déjà été donnée sur « {current.label} » : "
                    "la note maximale ne peut pas être inférieure."
                }
            )
        for name, value in changes.items():
            setattr(current, name, value)
        return save_audited(current, by=by, reason="Modification")


def criterion_remove(*, criterion: Criterion, by) -> None:
    _require_manager(by)
    with transaction.atomic():
        if criterion.scores.exists():
            raise ValidationError(
                f"Des candidatures ont déjà été notées sur « {criterion.label} » : le critère "
                "ne peut plus être supprimé."
            )
        criterion._history_user = by
        criterion.delete()
