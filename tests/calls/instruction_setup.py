"""Applications at a given stage of instruction, for the instruction tests: submitted by
their applicant, then moved along by the instruction services, as users would."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.calls.factories import ApplicationFactory, CallFactory, CriterionFactory
from tests.factories import CommuneFactory
from tipilot.calls.enums import ApplicationStatus, QuestionKind
from tipilot.calls.models import Application
from tipilot.calls.services import instruction
from tipilot.calls.services.applications import answer_save, application_submit
from tipilot.geo.models import Commune


def commune_of(territory) -> Commune:
    return Commune.objects.filter(epci__territory_memberships__territory=territory).first()


def make_call(**kwargs):
    call = CallFactory(**kwargs)
    CriterionFactory(call=call, label="Impact sur l'emploi", weight=2, max_score=5)
    CriterionFactory(call=call, label="Maturité du projet", weight=1, max_score=10)
    return call


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DEFAULTS = {
    QuestionKind.SHORT_TEXT: "Réponse courte",
    QuestionKind.LONG_TEXT: "Réponse détaillée",
    QuestionKind.AMOUNT: "1000",
    QuestionKind.NUMBER: 3,
    QuestionKind.DATE: "2026-06-30",
    QuestionKind.YES_NO: True,
}


def pdf(name: str = "piece.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _default(question):
    if question.kind == QuestionKind.CHOICE:
        return question.choices[0]
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return question.choices[:1]
    if question.kind == QuestionKind.FILE:
        return pdf()
    return DEFAULTS[question.kind]


def answer_all(application, answers: dict | None = None) -> None:
    """Answer the given questions, and every other required one with a plausible value."""
    answers = answers or {}
    for question in application.call.questions.all():
        if question not in answers and not question.required:
            continue
        value = answers[question] if question in answers else _default(question)
        as_file = question.kind == QuestionKind.FILE
        answer_save(
            application=application,
            question=question,
            by=application.applicant,
            value=None if as_file else value,
            upload=value if as_file else None,
        )


def submitted(world, *, call=None, territory=None, answers=None, **fields) -> Application:
    """An application of a firm in ``territory`` (ti-8401 by default; ``False``: a commune
    outside any territory), answered and submitted by its applicant through the applicant
    side's services (complete, eligible, in the window)."""
    territory = territory if territory is not None else world.t1
    application = ApplicationFactory(
        call=call or make_call(),
        territory=territory or None,
        commune=commune_of(territory) if territory else CommuneFactory(),
        **fields,
    )
    answer_all(application, answers)
    return application_submit(application=application, by=application.applicant)


def in_review(world, **kwargs) -> Application:
    application = submitted(world, **kwargs)
    return instruction.application_declare_eligibility(
        application=application, by=world.national, eligible=True
    )


def at_status(world, status: str, **kwargs) -> Application:
    """Move a fresh application to ``status`` through the services."""
    S = ApplicationStatus
    if status == S.SUBMITTED:
        return submitted(world, **kwargs)
    if status == S.INELIGIBLE:
        return instruction.application_declare_eligibility(
            application=submitted(world, **kwargs),
            by=world.national,
            eligible=False,
            note="Hors champ",
        )
    application = in_review(world, **kwargs)
    if status == S.IN_REVIEW:
        return application
    outcome = {S.LAUREATE: "laureate", S.REJECTED: "rejected", S.WAITLISTED: "waitlisted"}[status]
    amount = application.amount_requested if outcome == "laureate" else None
    return instruction.application_decide(
        application=application,
        by=world.national,
        outcome=outcome,
        reason="Motif",
        amount_granted=amount,
    )
