"""The applicant's writes: create a draft, save it as it is typed, answer, submit, withdraw.

Each service checks the permission (``calls.permissions``), validates with ``full_clean``,
writes in one transaction, records its author in the audit trail and, for each step of the
lifecycle, an ``ApplicationEvent`` the applicant reads in their timeline.
"""

import datetime as dt
import hashlib
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tipilot.core.audit import save_audited
from tipilot.core.errors import EditConflict
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation
from tipilot.territories.selectors import territory_of_commune

from ..deadlines import next_window, paris_label, submission_window, window_open_at
from ..eligibility import call_generation, eligibility_checks, is_eligible
from ..enums import EventKind, QuestionKind
from ..models import Answer, Application, ApplicationEvent, Call, Question, Submission
from ..notifications import mail_applicant
from ..selectors.applicant import missing_for_submission
from ..uploads import validate_upload

DRAFT_FIELDS = (
    "title",
    "summary",
    "commune",
    "naf_code",
    "amount_requested",
    "total_cost",
    "jobs_created_planned",
    "jobs_maintained_planned",
    "is_relocation",
)
APPLICANT_KINDS = (
    OrganisationKind.FIRM,
    OrganisationKind.COMMUNE,
    OrganisationKind.EPCI,
    OrganisationKind.REGION,
    OrganisationKind.SCHOOL,
    OrganisationKind.OTHER,
)
TEXT_LIMITS = {QuestionKind.SHORT_TEXT: 300, QuestionKind.LONG_TEXT: 10_000}


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _event(application: Application, kind: str, by, message: str = "") -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, kind=kind, by=by, message=message
    )


# Organisation -------------------------------------------------------------------------------


def organisation_for(*, siren: str, name: str, kind: str, by) -> Organisation:
    """The applicant's organisation, found by its SIREN, or created with a validated name."""
    siren = (siren or "").replace(" ", "")
    if not siren:
        raise ValidationError({"organisation_siren": "Indiquez le SIREN du porteur."})
    if kind not in APPLICANT_KINDS:
        raise ValidationError({"organisation_kind": "Choisissez la nature du porteur."})
    existing = Organisation.objects.filter(siren=siren).first()
    if existing is not None:
        return existing
    organisation = Organisation(siren=siren, name=(name or "").strip(), kind=kind)
    try:
        return save_audited(organisation, by=by, reason="Porteur d'une candidature")
    except ValidationError as error:
        renamed = {f"organisation_{k}": v for k, v in error.message_dict.items()}
        raise ValidationError(renamed) from error


def _organisation(organisation, organisation_data, by) -> Organisation | None:
    if organisation is not None or not organisation_data:
        return organisation
    return organisation_for(by=by, **organisation_data)


# Drafts -------------------------------------------------------------------------------------


def _next_reference(call: Call) -> str:
    prefix = f"{call.slug.upper()}-"
    rank = call.applications.count() + 1
    while Application.objects.filter(reference=f"{prefix}{rank:04d}").exists():
        rank += 1
    return f"{prefix}{rank:04d}"


def application_create(
    *, call: Call, by, title: str, organisation=None, organisation_data=None
) -> Application:
    """A draft for a published call with an open or upcoming window."""
    _require(by, "calls.apply", call, "Créez un compte pour candidater.")
    now = timezone.now()
    windows = list(call.windows.all())
    if not call.is_published:
        raise ValidationError("Cet appel n'est pas publié.")
    if window_open_at(windows, now) is None and next_window(windows, now) is None:
        raise ValidationError("Cet appel est clos : il n'accepte plus de candidatures.")
    with transaction.atomic():
        Call.objects.select_for_update().get(pk=call.pk)  # one reference at a time per call
        application = Application(
            call=call,
            applicant=by,
            title=(title or "").strip(),
            reference=_next_reference(call),
            organisation=_organisation(organisation, organisation_data, by),
        )
        save_audited(application, by=by, reason="Création du brouillon")
        _event(application, EventKind.CREATED, by)
    return application


def _locked(application: Application, version: int | None) -> Application:
    current = Application.objects.select_for_update().get(pk=application.pk)
    if version is not None and current.version != version:
        raise EditConflict(current, expected=version, current=current.version)
    return current


def application_save(
    *, application: Application, by, version: int | None = None, organisation_data=None, **fields
) -> Application:
    """Save draft fields; the territory follows from the commune. Stale ``version`` → conflict."""
    unknown = set(fields) - set(DRAFT_FIELDS) - {"organisation"}
    if unknown:
        raise ValidationError(f"Champs non modifiables ici : {', '.join(sorted(unknown))}.")
    _require(by, "calls.change_application", application, "Ce brouillon n'est pas modifiable.")
    with transaction.atomic():
        current = _locked(application, version)
        if organisation_data:
            current.organisation = organisation_for(by=by, **organisation_data)
        for name, value in fields.items():
            setattr(current, name, value)
        if "commune" in fields:
            generation = call_generation(current.call)
            current.territory = territory_of_commune(current.commune, generation=generation)
        current.version += 1
        save_audited(current, by=by, reason="Brouillon enregistré")
    return current


# Answers ------------------------------------------------------------------------------------


def _as_text(question: Question, value) -> str:
    text = str(value or "").strip()
    limit = TEXT_LIMITS[question.kind]
    if len(text) > limit:
        raise ValidationError(f"{limit} caractères au plus (vous en avez écrit {len(text)}).")
    return text


def _as_number(question: Question, value):
    text = str(value).strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"« {value} » n'est pas un nombre.") from None
    if number < 0:
        raise ValidationError("Le nombre doit être positif ou nul.")
    if question.kind == QuestionKind.NUMBER:
        if number != number.to_integral_value():
            raise ValidationError("Indiquez un nombre entier.")
        return int(number)
    return str(number.quantize(Decimal("0.01")))


def _as_date(question: Question, value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ValidationError(f"« {value} » n'est pas une date (jj/mm/aaaa).") from None


def _as_yes_no(question: Question, value) -> bool:
    if isinstance(value, bool):
        return value
    mapping = {"oui": True, "true": True, "1": True, "non": False, "false": False, "0": False}
    if str(value).lower() not in mapping:
        raise ValidationError("Répondez par oui ou par non.")
    return mapping[str(value).lower()]


def _as_choice(question: Question, value):
    values = value if question.kind == QuestionKind.MULTIPLE_CHOICE else [value]
    values = [str(v) for v in values or [] if str(v).strip()]
    unknown = [v for v in values if v not in question.choices]
    if unknown:
        raise ValidationError(f"Choix inconnu : « {unknown[0]} ».")
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return [c for c in question.choices if c in values]
    return values[0] if values else None


CONVERTERS = {
    QuestionKind.SHORT_TEXT: _as_text,
    QuestionKind.LONG_TEXT: _as_text,
    QuestionKind.AMOUNT: _as_number,
    QuestionKind.NUMBER: _as_number,
    QuestionKind.DATE: _as_date,
    QuestionKind.YES_NO: _as_yes_no,
    QuestionKind.CHOICE: _as_choice,
    QuestionKind.MULTIPLE_CHOICE: _as_choice,
}


def clean_answer(question: Question, value):
    """The stored JSON value of an answer, checked by the question's kind; empty → None."""
    if value in (None, "", []):
        return None
    try:
        return CONVERTERS[question.kind](question, value)
    except ValidationError as error:
        raise ValidationError({f"q{question.pk}": error.messages}) from None


def _store_file(answer: Answer, question: Question, upload) -> None:
    try:
        mime = validate_upload(upload)
    except ValidationError as error:
        raise ValidationError({f"q{question.pk}": error.messages}) from None
    old = answer.file.name if answer.file else ""
    answer.file_name = upload.name[-200:]
    answer.file_size = upload.size
    answer.file_type = mime
    answer.file.save(upload.name, upload, save=False)
    if old:
        storage = answer.file.storage
        transaction.on_commit(lambda: storage.delete(old))


def answer_save(
    *, application: Application, question: Question, by, value=None, upload=None
) -> Answer:
    """Answer one question of the call (a file question takes ``upload``)."""
    _require(by, "calls.change_application", application, "Ce brouillon n'est pas modifiable.")
    if question.call_id != application.call_id:
        raise ValidationError("Cette question n'appartient pas à l'appel de la candidature.")
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=application.pk)
        answer = Answer.objects.filter(application=application, question=question).first()
        answer = answer or Answer(application=application, question=question)
        if question.kind == QuestionKind.FILE:
            if upload is None:
                raise ValidationError({f"q{question.pk}": "Choisissez un fichier."})
            _store_file(answer, question, upload)
        else:
            answer.value = clean_answer(question, value)
        answer.full_clean()
        answer.save()
    return answer


# Submission ---------------------------------------------------------------------------------


def _sha256(answer: Answer) -> str:
    digest = hashlib.sha256()
    with answer.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _answer_snapshot(answer: Answer) -> dict:
    question = answer.question
    item = {"question_id": question.pk, "question": question.label, "kind": question.kind}
    if question.kind == QuestionKind.FILE:
        item["file"] = {
            "name": answer.file_name,
            "size": answer.file_size,
            "type": answer.file_type,
            "sha256": _sha256(answer) if answer.file else "",
        }
    else:
        item["value"] = answer.value
    return item


def snapshot(application: Application) -> dict:
    """The application as submitted: its fields, organisation, place and every answer."""
    organisation = application.organisation
    commune, territory = application.commune, application.territory
    money = ("amount_requested", "total_cost")
    fields = {name: getattr(application, name) for name in DRAFT_FIELDS if name != "commune"}
    fields.update({name: str(fields[name]) if fields[name] is not None else None for name in money})
    return {
        "fields": fields,
        "organisation": organisation
        and {"siren": organisation.siren, "name": organisation.name, "kind": organisation.kind},
        "commune": commune and {"insee_code": commune.insee_code, "name": commune.name},
        "territory": territory and {"identifier": territory.identifier, "name": territory.name},
        "answers": [
            _answer_snapshot(a)
            for a in application.answers.select_related("question").order_by(
                "question__position", "question_id"
            )
        ],
    }


def _submission_checks(current: Application, at) -> tuple:
    """The window accepting the deposit and the eligibility checks, or a French error.

    The deadline comes first: past it, nothing else matters. A re-deposit after a reopening
    answers the instructor's request, so the deadline does not apply to it; it keeps the
    window of the first deposit.
    """
    if current.submissions.exists():
        window = current.window
    else:
        window = submission_window(current.call.windows.all(), at)
    missing = missing_for_submission(current)
    if missing:
        raise ValidationError(["Votre candidature est incomplète :", *missing])
    checks = eligibility_checks(current)
    if not is_eligible(checks):
        failed = [f"{c['label']} : {c['message']}" for c in checks if not c["ok"]]
        intro = "Votre candidature ne respecte pas les règles de l'appel :"
        raise ValidationError([intro, *failed])
    return window, checks


def application_submit(*, application: Application, by, at=None) -> Application:
    """Deposit the draft: complete, eligible, within a window (checked at ``at``, Paris time)."""
    _require(by, "calls.change_application", application, "Ce n'est pas un brouillon.")
    at = at or timezone.now()
    with transaction.atomic():
        current = _locked(application, None)
        window, checks = _submission_checks(current, at)
        number = current.submissions.count() + 1
        current.submit(at=at, window=window)
        current.eligibility = checks
        current.version += 1
        save_audited(current, by=by, reason="Dépôt")
        Submission.objects.create(
            application=current,
            number=number,
            submitted_at=at,
            submitted_by=by,
            window=window,
            snapshot=snapshot(current),
        )
        label = "Dépôt" if number == 1 else f"Nouveau dépôt (n° {number}) après réouverture"
        _event(current, EventKind.SUBMITTED, by, f"{label} le {paris_label(at)}.")
        mail_applicant(
            current,
            subject="candidature déposée",
            template="submitted.txt",
            number=number,
            submitted_label=paris_label(at),
        )
    return current


def application_withdraw(*, application: Application, by, reason: str = "") -> Application:
    """The applicant gives up their draft or submitted application (kept, marked withdrawn)."""
    _require(by, "calls.withdraw_application", application, "Vous ne pouvez pas la retirer.")
    with transaction.atomic():
        current = _locked(application, None)
        current.withdraw()
        current.version += 1
        save_audited(current, by=by, reason=f"Retrait. {reason}".strip())
        _event(current, EventKind.WITHDRAWN, by, reason.strip())
    return current
