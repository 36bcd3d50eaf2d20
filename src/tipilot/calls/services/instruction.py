"""Instruction of applications: eligibility, assignment, scores, opinions, reopening, decision.

Each service checks the acting user's permission (``calls/permissions.py``), validates, writes
in one transaction through the audit trail (``save_audited`` with a reason) and writes a step
of the application's timeline (``ApplicationEvent``). Steps internal to the instruction
(assignments, scores, opinions) are hidden from the applicant; eligibility, reopening and the
decision are shown to them and emailed (``calls.notifications``).
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from tipilot.core.audit import save_audited
from tipilot.governance.scope import user_scope

from ..enums import ApplicationStatus, EventKind, OpinionRole, Outcome, Verdict
from ..models import Application, ApplicationEvent, Assignment, Criterion, Opinion, Score
from ..notifications import mail_applicant
from ..selectors.instruction import assignable_instructors, display_name
from .laureates import laureate_to_action

S = ApplicationStatus
ASSIGNABLE = {S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED}
SCORABLE = {S.IN_REVIEW, S.WAITLISTED}
OPINION_PERMS = {
    OpinionRole.REGION: "calls.give_region_opinion",
    OpinionRole.TERRITORY: "calls.give_territory_opinion",
}


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _required_text(value: str, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: message})
    return text


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _event(application, *, kind: str, by, message: str = "", visible: bool = True) -> None:
    ApplicationEvent.objects.create(
        application=application,
        kind=kind,
        by=by if by is not None and by.is_authenticated else None,
        message=message,
        visible_to_applicant=visible,
    )


def _status_error(application: Application, what: str) -> ValidationError:
    status = application.get_status_display().lower()
    return ValidationError(f"{what} est impossible : la candidature est « {status} ».")


def _refresh(current: Application, application: Application) -> Application:
    """Carry the loaded relations (call, applicant...) over to the locked, updated row."""
    for name in ("call", "applicant", "territory", "organisation", "commune"):
        if Application._meta.get_field(name).is_cached(application):
            setattr(current, name, getattr(application, name))
    return current


def application_declare_eligibility(
    *, application: Application, by, eligible: bool, note: str = ""
) -> Application:
    """« Recevable » sends the application into instruction; « irrecevable » needs a reason."""
    _require(by, "calls.instruct_application", application, "Vous n'instruisez pas cet appel.")
    note = (note or "").strip()
    if not eligible:
        _required_text(note, "note", "Indiquez le motif d'irrecevabilité.")
    with transaction.atomic():
        current = _refresh(_locked(application), application)
        method = current.declare_eligible if eligible else current.declare_ineligible
        if not can_proceed(method):
            raise _status_error(current, "Le contrôle de recevabilité")
        method(note=note)
        label = "Déclarée recevable" if eligible else "Déclarée irrecevable"
        save_audited(current, by=by, reason=label)
        _event(
            current,
            kind=EventKind.ELIGIBLE if eligible else EventKind.INELIGIBLE,
            by=by,
            message=note,
        )
        mail_applicant(
            current,
            subject="candidature recevable" if eligible else "candidature irrecevable",
            template="eligibility.txt",
            eligible=eligible,
            note=note,
        )
    return current


def application_assign(*, application: Application, instructor, by) -> Assignment:
    """Put an instructor of the call's operator in charge of the application."""
    _require(by, "calls.instruct_application", application, "Vous n'instruisez pas cet appel.")
    if not assignable_instructors(application.call).filter(pk=instructor.pk).exists():
        operator = application.call.operator.name
        raise ValidationError(
            {"instructor": f"Cette personne n'est pas instructrice de l'opérateur {operator}."}
        )
    with transaction.atomic():
        current = _locked(application)
        if current.status not in ASSIGNABLE:
            raise _status_error(current, "L'affectation")
        if Assignment.objects.filter(application=application, instructor=instructor).exists():
            raise ValidationError({"instructor": "La candidature lui est déjà confiée."})
        assignment = Assignment(application=application, instructor=instructor, assigned_by=by)
        save_audited(assignment, by=by, reason="Affectation")
        _event(
            application,
            kind=EventKind.ASSIGNED,
            by=by,
            message=f"Confiée à {display_name(instructor)}.",
            visible=False,
        )
    return assignment


def application_unassign(*, application: Application, instructor, by) -> None:
    """Take the application back from an instructor (their scores stay in the record)."""
    _require(by, "calls.instruct_application", application, "Vous n'instruisez pas cet appel.")
    with transaction.atomic():
        _locked(application)
        assignment = Assignment.objects.filter(
            application=application, instructor=instructor
        ).first()
        if assignment is None:
            raise ValidationError({"instructor": "La candidature ne lui est pas confiée."})
        assignment._history_user = by
        assignment._change_reason = "Fin d'affectation"
        assignment.delete()
        _event(
            application,
            kind=EventKind.UNASSIGNED,
            by=by,
            message=f"Retirée à {display_name(instructor)}.",
            visible=False,
        )


def _score_value(value, criterion: Criterion) -> int:
    message = f"La note est un nombre entier de 0 à {criterion.max_score}."
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValidationError({"value": message}) from exc
    if number != number.to_integral_value() or not 0 <= number <= criterion.max_score:
        raise ValidationError({"value": message})
    return int(number)


def score_save(
    *, application: Application, criterion: Criterion, by, value, comment: str = ""
) -> Score:
    """The acting instructor's score on one criterion (a second save replaces it)."""
    _require(by, "calls.instruct_application", application, "Vous n'instruisez pas cet appel.")
    assigned = application.assignments.filter(instructor=by).exists()
    if not (assigned or user_scope(by).national):
        raise PermissionDenied("Seuls les instructeurs à qui la candidature est confiée notent.")
    if criterion.call_id != application.call_id:
        raise ValidationError({"criterion": "Ce critère n'appartient pas à la grille de l'appel."})
    number = _score_value(value, criterion)
    with transaction.atomic():
        current = _locked(application)
        if current.status not in SCORABLE:
            raise _status_error(current, "La notation")
        score = Score.objects.filter(
            application=application, criterion=criterion, instructor=by
        ).first() or Score(application=application, criterion=criterion, instructor=by)
        score.value = number
        score.comment = (comment or "").strip()
        save_audited(score, by=by, reason="Notation")
        _event(
            application,
            kind=EventKind.SCORED,
            by=by,
            message=f"« {criterion.label} » : {number}/{criterion.max_score}.",
            visible=False,
        )
    return score


def opinion_give(*, application: Application, by, role: str, verdict: str, text: str) -> Opinion:
    """The Region's (pilot) or the territory's (binôme, chef de projet) opinion, replaceable."""
    if role not in OPINION_PERMS:
        raise ValidationError({"role": "Avis de la Région ou du territoire seulement."})
    _require(by, OPINION_PERMS[role], application, "Vous ne pouvez pas donner cet avis.")
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": "Avis favorable, réservé ou défavorable."})
    text = _required_text(text, "text", "Motivez l'avis.")
    with transaction.atomic():
        _locked(application)
        opinion = Opinion.objects.filter(application=application, role=role).first() or Opinion(
            application=application, role=role
        )
        opinion.verdict, opinion.text, opinion.author = verdict, text, by
        save_audited(opinion, by=by, reason=f"Avis {OpinionRole(role).label.lower()}")
        _event(
            application,
            kind=EventKind.OPINION,
            by=by,
            message=f"{OpinionRole(role).label} : {Verdict(verdict).label.lower()}.",
            visible=False,
        )
    return opinion


def application_reopen(*, application: Application, by, reason: str) -> Application:
    """Send a submitted application back to its applicant for changes, with a reason."""
    _require(by, "calls.instruct_application", application, "Vous n'instruisez pas cet appel.")
    reason = _required_text(reason, "reason", "Indiquez pourquoi la candidature est rouverte.")
    with transaction.atomic():
        current = _refresh(_locked(application), application)
        if not can_proceed(current.reopen):
            raise _status_error(current, "La réouverture")
        current.reopen()
        current.version += 1
        save_audited(current, by=by, reason=f"Rouverte : {reason}")
        _event(current, kind=EventKind.REOPENED, by=by, message=reason)
        mail_applicant(
            current, subject="candidature rouverte", template="reopened.txt", reason=reason
        )
    return current


def _granted(application: Application, outcome: str, amount) -> Decimal | None:
    if outcome != Outcome.LAUREATE:
        if amount not in (None, ""):
            raise ValidationError({"amount_granted": "Seul un lauréat reçoit une aide."})
        return None
    if application.territory_id is None:
        raise ValidationError(
            "Le projet n'est dans aucun territoire d'industrie : il ne peut pas être lauréat."
        )
    try:
        granted = Decimal(str(amount)) if amount not in (None, "") else None
    except InvalidOperation as exc:
        raise ValidationError({"amount_granted": "Montant invalide."}) from exc
    if granted is None or granted <= 0:
        raise ValidationError({"amount_granted": "Indiquez l'aide accordée (plus de 0 €)."})
    requested = application.amount_requested
    if requested is not None and granted > requested:
        raise ValidationError(
            {"amount_granted": f"L'aide accordée dépasse l'aide demandée ({euros(requested)})."}
        )
    return granted.quantize(Decimal("0.01"))


def application_decide(
    *, application: Application, by, outcome: str, reason: str, amount_granted=None
) -> Application:
    """Lauréat, refusée or liste d'attente, with a reason; a laureate becomes a fiche action."""
    _require(by, "calls.decide_application", application, "La décision revient à l'opérateur.")
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Décision inconnue : lauréat, refusée ou en attente."})
    reason = _required_text(reason, "reason", "Motivez la décision.")
    with transaction.atomic():
        current = _refresh(_locked(application), application)
        method = {"laureate": current.make_laureate, "rejected": current.reject}.get(
            outcome, current.waitlist
        )
        if not can_proceed(method):
            raise _status_error(current, f"La décision « {Outcome(outcome).label} »")
        granted = _granted(current, outcome, amount_granted)
        method()
        current.decision_reason, current.amount_granted = reason, granted
        current.decided_at, current.decided_by = timezone.now(), by
        save_audited(current, by=by, reason=f"Décision : {Outcome(outcome).label}")
        _event(current, kind=EventKind.DECIDED, by=by, message=_decision_message(current))
        if outcome == Outcome.LAUREATE:
            laureate_to_action(application=current, by=by)
        mail_applicant(
            current,
            subject=f"décision : {Outcome(outcome).label.lower()}",
            template="decision.txt",
            outcome=outcome,
            reason=reason,
        )
    return current


def euros(amount: Decimal) -> str:
    """« 150 000 € », « 1 234,50 € »: French grouping, cents only when there are some."""
    digits = 0 if amount == amount.to_integral_value() else 2
    text = f"{amount:,.{digits}f}".replace(",", "\u202f").replace(".", ",")
    return f"{text}\xa0€"


def _decision_message(application: Application) -> str:
    text = f"{application.get_status_display()} : {application.decision_reason}"
    if application.amount_granted is not None:
        text += f" (aide accordée : {euros(application.amount_granted)})"
    return text
