"""France Expérimentation: requests to derogate from a rule that blocks an industrial project.

A request names the rule and its legal reference, the blocked project, the territory and the
applicant; the answer and its date are published (``is_public``) so that one territory's answer
helps the next: the list searches rules, projects and answers, and each request shows similar
ones (same theme or same legal reference).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tipilot.core.text import fold
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from .enums import ANSWERED, RequestStatus, Theme

S = RequestStatus


class DerogationRequest(models.Model):
    reference = models.CharField(
        "référence", max_length=20, unique=True, help_text="Ex. FE-2021-014."
    )
    title = models.CharField("intitulé", max_length=250)
    rule = models.TextField("règle concernée")
    legal_reference = models.CharField(
        "référence juridique",
        max_length=250,
        help_text="Ex. « Code de l'environnement, art. R. 512-46-4 ».",
    )
    theme = models.CharField("thème", max_length=20, choices=Theme.choices)
    project = models.TextField("projet bloqué")
    territory = models.ForeignKey(
        Territory,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="derogation_requests",
        verbose_name="territoire d'industrie",
    )
    applicant = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="derogation_requests",
        verbose_name="demandeur (organisation)",
    )
    submitted_on = models.DateField("déposée le")
    status = models.CharField("statut", max_length=20, choices=S.choices, default=S.SUBMITTED)
    answer = models.TextField("réponse", blank=True)
    answered_on = models.DateField("réponse le", null=True, blank=True)
    follow_up = models.CharField(
        "suite donnée", max_length=300, blank=True, help_text="Ex. « décret n° 2022-… »."
    )
    is_public = models.BooleanField(
        "publiée", default=False, help_text="La demande et sa réponse sont publiques."
    )
    is_demo = models.BooleanField("données de démonstration", default=False)
    legal_key = models.CharField(max_length=250, editable=False, db_index=True, default="")
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text", "legal_key"])

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = "demande de dérogation"
        verbose_name_plural = "demandes de dérogation"
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("submitted_on")),
                name="derogation_answered_after_submitted",
                violation_error_message="La date de réponse précède la date de dépôt.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.derive()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        answered = self.status in ANSWERED
        if answered and self.answered_on is None:
            errors["answered_on"] = "Indiquez la date de la réponse."
        if answered and self.status != S.DROPPED and not self.answer.strip():
            errors["answer"] = "Indiquez la réponse donnée."
        if not answered and self.answered_on is not None:
            errors["answered_on"] = "Une demande sans réponse n'a pas de date de réponse."
        if errors:
            raise ValidationError(errors)

    def derive(self) -> None:
        """The folded copies that search and « similar requests » read (set by ``save``)."""
        self.legal_key = fold(self.legal_reference)
        parts = (self.reference, self.title, self.rule, self.legal_reference, self.project)
        self.search_text = " ".join(fold(p) for p in (*parts, self.answer, self.follow_up))
