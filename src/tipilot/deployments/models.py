"""Deployments of the programme on the map: écoles de production, Cnam antennas, VTE placements.

One registry (``Deployment``), one row per school, antenna or placement, with its commune (and
the labelled territory of the current generation that holds it), its point on the map, its
status and dates. ``DeploymentTarget`` holds the announced target of each kind and its source;
what counts toward it is ``enums.COUNTED_STATUSES`` (see ``docs/deployments.md``).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.actions.models import Measure
from tipilot.core.text import fold
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from .enums import MEASURE_CODES, WAVES, DeploymentKind, DeploymentStatus

S = DeploymentStatus
LATITUDE = [MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))]
LONGITUDE = [MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))]


class Deployment(FSMModelMixin, models.Model):
    kind = models.CharField("type", max_length=20, choices=DeploymentKind.choices)
    measure = models.ForeignKey(
        Measure, models.PROTECT, related_name="deployments", verbose_name="mesure"
    )
    name = models.CharField("nom", max_length=200)
    commune = models.ForeignKey(
        Commune, models.PROTECT, related_name="deployments", verbose_name="commune"
    )
    territory = models.ForeignKey(
        Territory,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="deployments",
        verbose_name="territoire d'industrie",
        help_text="Déduit de la commune (territoire labellisé de la génération en cours).",
    )
    latitude = models.DecimalField(
        "latitude", max_digits=8, decimal_places=5, null=True, blank=True, validators=LATITUDE
    )
    longitude = models.DecimalField(
        "longitude", max_digits=8, decimal_places=5, null=True, blank=True, validators=LONGITUDE
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="deployments",
        verbose_name="organisation (école, entreprise d'accueil)",
    )
    wave = models.PositiveSmallIntegerField(
        "vague de l'AMI", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    status = FSMField("statut", max_length=10, choices=S.choices, default=S.PROJECT)
    labelled_on = models.DateField("labellisé le", null=True, blank=True)
    opened_on = models.DateField("ouvert / en poste le", null=True, blank=True)
    closed_on = models.DateField("fermé / terminé le", null=True, blank=True)
    headcount = models.PositiveIntegerField(
        "effectif / places",
        null=True,
        blank=True,
        help_text="Élèves d'une école, places d'une antenne ; 1 pour un VTE.",
    )
    is_demo = models.BooleanField("données de démonstration", default=False)
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = "déploiement"
        verbose_name_plural = "déploiements"
        indexes = [models.Index(fields=["kind", "status"], name="deployment_kind_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(opened_on__isnull=True)
                | Q(labelled_on__isnull=True)
                | Q(opened_on__gte=F("labelled_on")),
                name="deployment_opened_after_labelled",
                violation_error_message="La date d'ouverture précède celle de labellisation.",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(opened_on__isnull=True)
                | Q(closed_on__gte=F("opened_on")),
                name="deployment_closed_after_opened",
                violation_error_message="La date de fermeture précède celle d'ouverture.",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True)
                | Q(labelled_on__isnull=True)
                | Q(closed_on__gte=F("labelled_on")),
                name="deployment_closed_after_labelled",
                violation_error_message="La date de fermeture précède celle de labellisation.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.derive()
        super().save(*args, **kwargs)

    def derive(self) -> None:
        """The folded name and commune that the registry's search reads (set by ``save``)."""
        commune = self.commune.name if self.commune_id else ""
        self.search_text = f"{fold(self.name)} {fold(commune)}"

    def clean(self) -> None:
        errors = {}
        if self.measure_id and self.kind in MEASURE_CODES:
            if self.measure.code != MEASURE_CODES[self.kind]:
                errors["measure"] = "Cette mesure ne correspond pas à ce type de déploiement."
        waves = WAVES.get(self.kind)
        if waves is None and self.wave is not None:
            errors["wave"] = "Seules les antennes du Cnam viennent d'une vague d'AMI."
        elif waves is not None and self.wave is not None and self.wave not in waves:
            errors["wave"] = f"Vague inconnue : les vagues vont de 1 à {max(waves)}."
        elif waves is not None and self.wave is None and self.status != S.PROJECT:
            errors["wave"] = "Indiquez la vague de l'AMI de cette antenne."
        if self.kind == DeploymentKind.VTE and self.headcount not in (None, 1):
            errors["headcount"] = "Un VTE est un poste : effectif 1."
        errors.update(self._date_errors())
        if errors:
            raise ValidationError(errors)

    def _date_errors(self) -> dict:
        needed = {
            S.LABELLED: ("labelled_on",),
            S.OPEN: ("opened_on",),
            S.CLOSED: ("closed_on",),
        }.get(self.status, ())
        errors = {
            name: "Cette date est requise pour ce statut." for name in needed
            if getattr(self, name) is None
        }  # fmt: skip
        if self.status in (S.PROJECT, S.LABELLED) and self.opened_on:
            errors["opened_on"] = "Pas de date d'ouverture avant l'ouverture."
        if self.status != S.CLOSED and self.closed_on:
            errors["closed_on"] = "Pas de date de fermeture avant la fermeture."
        if self.status == S.PROJECT and self.labelled_on:
            errors["labelled_on"] = "Un projet n'est pas encore labellisé."
        return errors

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return float(self.latitude), float(self.longitude)

    # Lifecycle (called by ``services.deployment_transition`` only).
    @transition(field=status, source=S.PROJECT, target=S.LABELLED)
    def label(self, *, on) -> None:
        self.labelled_on = on

    @transition(field=status, source=[S.PROJECT, S.LABELLED], target=S.OPEN)
    def open(self, *, on) -> None:
        self.opened_on = on

    @transition(field=status, source=[S.LABELLED, S.OPEN], target=S.CLOSED)
    def close(self, *, on) -> None:
        self.closed_on = on


class DeploymentTarget(models.Model):
    """The announced target of a registry, with its source (seeded by migration 0002)."""

    kind = models.CharField("type", max_length=20, choices=DeploymentKind.choices, unique=True)
    measure = models.ForeignKey(
        Measure, models.PROTECT, related_name="deployment_targets", verbose_name="mesure"
    )
    label = models.CharField("objectif", max_length=200)
    value = models.PositiveIntegerField("valeur cible", validators=[MinValueValidator(1)])
    source = models.CharField("source", max_length=400)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]
        verbose_name = "objectif de déploiement"
        verbose_name_plural = "objectifs de déploiement"

    def __str__(self) -> str:
        return f"{self.label} ({self.value})"
