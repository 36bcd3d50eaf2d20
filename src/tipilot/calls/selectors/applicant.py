"""Reads for the applicant: their own applications, one application's page, what is missing."""

from django.db.models import Prefetch, QuerySet

from ..enums import QuestionKind
from ..models import Answer, Application, ApplicationEvent, CallWindow, Question

REQUIRED_FIELDS = (
    ("title", "l'intitulé du projet"),
    ("summary", "le résumé du projet"),
    ("organisation_id", "le porteur (SIREN, nom et nature)"),
    ("commune_id", "la commune du projet"),
    ("amount_requested", "l'aide demandée"),
    ("total_cost", "le coût total du projet"),
)


def my_applications(user) -> QuerySet[Application]:
    """The user's own applications only, newest first, with their call and its windows."""
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.filter(applicant=user)
        .select_related("call", "organisation", "window")
        .prefetch_related(Prefetch("call__windows", queryset=CallWindow.objects.all()))
        .order_by("-created_at", "-pk")
    )


def application_page(reference: str) -> Application:
    """One application with all its page needs (raises ``Application.DoesNotExist``)."""
    return (
        Application.objects.select_related(
            "call__operator",
            "call__measure",
            "call__generation",
            "organisation",
            "commune__region",
            "territory__generation",
            "window",
            "action",
            "applicant",
        )
        .prefetch_related(
            "call__regions",
            "call__windows",
            Prefetch("call__questions", queryset=Question.objects.order_by("position", "pk")),
            Prefetch("answers", queryset=Answer.objects.select_related("question")),
            "submissions",
        )
        .get(reference=reference)
    )


def applicant_events(application: Application) -> QuerySet[ApplicationEvent]:
    return application.events.filter(visible_to_applicant=True).order_by("at", "pk")


def answers_by_question(application: Application) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in application.answers.all()}


def answer_is_empty(answer: Answer | None, question: Question) -> bool:
    if answer is None:
        return True
    if question.kind == QuestionKind.FILE:
        return not answer.file
    if question.kind == QuestionKind.YES_NO:
        return answer.value is None
    return answer.value in (None, "", [])


def missing_for_submission(application: Application) -> list[str]:
    """What the applicant still has to fill in before submitting, in French."""
    missing = [
        f"Indiquez {label}."
        for name, label in REQUIRED_FIELDS
        if getattr(application, name) in (None, "")
    ]
    answers = answers_by_question(application)
    for question in application.call.questions.all():
        if question.required and answer_is_empty(answers.get(question.pk), question):
            verb = "Joignez" if question.kind == QuestionKind.FILE else "Répondez à"
            missing.append(f"{verb} « {question.label} ».")
    return missing
