"""An application to a call: the applicant's draft, its answers, submissions and timeline."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import get_valid_filename
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.actions.models import Action, FundingLine, naf_code
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from ..enums import ApplicationStatus, EventKind
from .call import Call, CallWindow, Question

S = ApplicationStatus
EUROS = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
DECIDABLE = [S.IN_REVIEW, S.WAITLISTED]


class Application(FSMModelMixin, models.Model):
    """One applicant's project submitted to a call.

    The applicant's own fields (project, place, amounts, jobs) are those a laureate's fiche
    action needs, so that the action is created without typing anything twice; the call's
    specific questions are answered in ``Answer`` rows. Only a draft can be edited: a
    submitted application changes only after ``reopen`` (by an instructor, with a reason).
    """

    reference = models.CharField("référence", max_length=100, unique=True)
    call = models.ForeignKey(
        Call, models.PROTECT, related_name="applications", verbose_name="appel"
    )
    window = models.ForeignKey(
        CallWindow,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="période de dépôt",
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="applications",
        verbose_name="déposant",
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="porteur",
    )
    title = models.CharField("intitulé du projet", max_length=300)
    summary = models.TextField("résumé du projet", blank=True)
    commune = models.ForeignKey(
        Commune,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="commune du projet",
    )
    territory = models.ForeignKey(
        Territory,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="territoire d'industrie",
    )
    naf_code = models.CharField(
        "secteur (code NAF)", max_length=6, blank=True, validators=[naf_code]
    )
    amount_requested = models.DecimalField("aide demandée (€)", null=True, blank=True, **EUROS)
    total_cost = models.DecimalField("coût total du projet (€)", null=True, blank=True, **EUROS)
    jobs_created_planned = models.PositiveIntegerField("emplois créés prévus", default=0)
    jobs_maintained_planned = models.PositiveIntegerField("emplois maintenus prévus", default=0)
    is_relocation = models.BooleanField("relocalisation", default=False)
    status = FSMField("statut", max_length=20, choices=S.choices, default=S.DRAFT)
    submitted_at = models.DateTimeField("déposée le", null=True, blank=True)
    eligibility = models.JSONField("contrôles de recevabilité", default=list, blank=True)
    eligibility_note = models.TextField("motif de recevabilité", blank=True)
    decision_reason = models.TextField("motif de la décision", blank=True)
    amount_granted = models.DecimalField("aide accordée (€)", null=True, blank=True, **EUROS)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.OneToOneField(
        Action,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name="fiche action",
    )
    funding_line = models.OneToOneField(
        FundingLine,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name="ligne de financement",
    )
    version = models.PositiveIntegerField("version", default=1)
    is_demo = models.BooleanField("données de démonstration", default=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["call", "reference"]
        verbose_name = "candidature"
        indexes = [models.Index(fields=["call", "status"], name="application_call_status_idx")]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"

    @property
    def is_editable(self) -> bool:
        return self.status == S.DRAFT

    # Lifecycle, called only from ``calls.services``; each service checks the permission.
    @transition(field=status, source=S.DRAFT, target=S.SUBMITTED)
    def submit(self, *, at, window) -> None:
        self.submitted_at = at
        self.window = window

    @transition(field=status, source=[S.DRAFT, S.SUBMITTED], target=S.WITHDRAWN)
    def withdraw(self) -> None:
        """The applicant gives up."""

    @transition(field=status, source=[S.SUBMITTED, S.INELIGIBLE, S.IN_REVIEW], target=S.DRAFT)
    def reopen(self) -> None:
        """Back to the applicant for changes; the submission stays in ``Submission``."""

    @transition(field=status, source=S.SUBMITTED, target=S.IN_REVIEW)
    def declare_eligible(self, *, note: str = "") -> None:
        self.eligibility_note = note

    @transition(field=status, source=S.SUBMITTED, target=S.INELIGIBLE)
    def declare_ineligible(self, *, note: str) -> None:
        self.eligibility_note = note

    @transition(field=status, source=DECIDABLE, target=S.LAUREATE)
    def make_laureate(self) -> None:
        """Granted: the services then create the fiche action and its funding line."""

    @transition(field=status, source=DECIDABLE, target=S.REJECTED)
    def reject(self) -> None:
        """Refused, with a reason the applicant reads."""

    @transition(field=status, source=S.IN_REVIEW, target=S.WAITLISTED)
    def waitlist(self) -> None:
        """Kept in reserve, decided later (laureate or rejected)."""


def answer_file_path(instance, filename: str) -> str:
    """Private storage: files are served only through a view that checks permissions."""
    name = get_valid_filename(filename)[-80:]
    token = uuid.uuid4().hex[:8]
    return f"candidatures/{instance.application_id}/{instance.question_id}-{token}-{name}"


class Answer(models.Model):
    """The answer to one question; a file question stores the checked file."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.PROTECT, related_name="answers")
    value = models.JSONField("réponse", null=True, blank=True)
    file = models.FileField("fichier", upload_to=answer_file_path, blank=True, max_length=250)
    file_name = models.CharField("nom du fichier", max_length=200, blank=True)
    file_size = models.PositiveIntegerField("taille (octets)", null=True, blank=True)
    file_type = models.CharField("type du fichier", max_length=100, blank=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        ordering = ["application", "question__position", "question_id"]
        verbose_name = "réponse"
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="unique_answer")
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · {self.question}"


class Submission(models.Model):
    """What was submitted, frozen: each deposit (and re-deposit after a reopening) keeps one."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="submissions")
    number = models.PositiveSmallIntegerField("n° de dépôt")
    submitted_at = models.DateTimeField("déposée le")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="par"
    )
    window = models.ForeignKey(CallWindow, models.PROTECT, related_name="+")
    snapshot = models.JSONField("contenu déposé")

    class Meta:
        ordering = ["application", "number"]
        verbose_name = "dépôt"
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="unique_submission")
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} – dépôt n° {self.number}"


class ApplicationEvent(models.Model):
    """The application's timeline: every step, who took it, and the reason given."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="events")
    kind = models.CharField("étape", max_length=20, choices=EventKind.choices)
    at = models.DateTimeField("le", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    message = models.TextField("détail", blank=True)
    visible_to_applicant = models.BooleanField("visible du déposant", default=True)

    class Meta:
        ordering = ["application", "at", "id"]
        verbose_name = "étape de la candidature"
        verbose_name_plural = "étapes de la candidature"

    def __str__(self) -> str:
        return f"{self.application.reference} · {self.get_kind_display()}"
