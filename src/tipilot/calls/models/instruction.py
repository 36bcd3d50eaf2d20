"""Instruction of an application: who instructs it, their scores, and the opinions."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..enums import OpinionRole, Verdict
from .application import Application
from .call import Criterion


class Assignment(models.Model):
    """An instructor of the call's operator is in charge of the application."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="assignments")
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="call_assignments",
        verbose_name="instructeur",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_at = models.DateTimeField("confiée le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "assigned_at"]
        verbose_name = "affectation"
        constraints = [
            models.UniqueConstraint(fields=["application", "instructor"], name="unique_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} → {self.instructor}"


class Score(models.Model):
    """An instructor's score and opinion on one criterion of the grid."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="scores")
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="instructeur"
    )
    value = models.PositiveSmallIntegerField("note")
    comment = models.TextField("appréciation", blank=True)
    scored_at = models.DateTimeField("notée le", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "criterion__position", "instructor_id"]
        verbose_name = "note"
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "instructor"], name="unique_score"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · {self.criterion} : {self.value}"


class Opinion(models.Model):
    """The Region's or the territory's opinion on an application of its territory."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="opinions")
    role = models.CharField("au titre de", max_length=10, choices=OpinionRole.choices)
    verdict = models.CharField("avis", max_length=15, choices=Verdict.choices)
    text = models.TextField("motivation")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="auteur"
    )
    given_at = models.DateTimeField("rendu le", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "role"]
        verbose_name = "avis"
        verbose_name_plural = "avis"
        constraints = [
            models.UniqueConstraint(fields=["application", "role"], name="unique_opinion")
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · avis {self.get_role_display()}"
