"""Frozen bilans d'étape: the figures of a scope stored at a date, then published.

A snapshot keeps the bilan's figures as JSON (the same dict ``selectors.bilan_figures``
returns), so later edits of actions or funding lines never change a published figure. Its
state is a django-fsm-2 field: draft → published, through ``services.bilan_publish`` only;
once published it is never edited (no service does, the admin is read-only).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.geo.models import Region
from tipilot.territories.models import Generation, Territory


class ScopeLevel(models.TextChoices):
    NATIONAL = "national", "National"
    REGION = "region", "Région"
    TERRITORY = "territory", "Territoire"


class SnapshotState(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    PUBLISHED = "published", "Publié"


class BilanSnapshot(FSMModelMixin, models.Model):
    level = models.CharField("échelle", max_length=10, choices=ScopeLevel.choices)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="région"
    )
    territory = models.ForeignKey(
        Territory,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="bilan_snapshots",
        verbose_name="territoire",
    )
    generation = models.ForeignKey(
        Generation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="génération",
    )
    as_of = models.DateField("chiffres arrêtés au")
    title = models.CharField("titre", max_length=200)
    figures = models.JSONField("chiffres", default=dict)
    state = FSMField(
        "état",
        max_length=10,
        choices=SnapshotState.choices,
        default=SnapshotState.DRAFT,
        protected=True,
    )
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="figé par",
    )
    frozen_at = models.DateTimeField("figé le")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="publié par",
    )
    published_at = models.DateTimeField("publié le", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_of", "-id"]
        verbose_name = "bilan d'étape arrêté"
        verbose_name_plural = "bilans d'étape arrêtés"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(level=ScopeLevel.NATIONAL, region__isnull=True, territory__isnull=True)
                    | Q(level=ScopeLevel.REGION, region__isnull=False, territory__isnull=True)
                    | Q(level=ScopeLevel.TERRITORY, region__isnull=True, territory__isnull=False)
                ),
                name="snapshot_scope_consistent",
                violation_error_message="L'échelle du bilan ne correspond pas à son périmètre.",
            ),
            models.CheckConstraint(
                condition=Q(state=SnapshotState.DRAFT) | Q(published_at__isnull=False),
                name="snapshot_published_has_date",
                violation_error_message="Un bilan publié a une date de publication.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        """A published bilan is never written again, whoever tries (admin, shell, script)."""
        stored = type(self).objects.filter(pk=self.pk, state=SnapshotState.PUBLISHED)
        if self.pk is not None and stored.exists():
            raise ValidationError("Ce bilan est publié : il ne se modifie plus.")
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.state == SnapshotState.PUBLISHED

    @transition(field=state, source=SnapshotState.DRAFT, target=SnapshotState.PUBLISHED)
    def publish(self, *, by, at) -> None:
        self.published_by = by
        self.published_at = at
