"""A call, its windows (waves), its questions and its scoring grid."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tipilot.actions.enums import FunderCategory
from tipilot.actions.models import Measure
from tipilot.geo.models import Region
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation
from tipilot.territories.models import Generation

from ..enums import QuestionKind

EUROS = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
CHOICE_KINDS = (QuestionKind.CHOICE, QuestionKind.MULTIPLE_CHOICE)


class Call(models.Model):
    """An appel à projets or AMI: its measure, operator, eligibility rules and status."""

    slug = models.SlugField("adresse", max_length=80, unique=True)
    title = models.CharField("intitulé", max_length=250)
    summary = models.CharField("résumé", max_length=400)
    description = models.TextField("présentation", blank=True)
    measure = models.ForeignKey(
        Measure, models.PROTECT, related_name="calls", verbose_name="mesure"
    )
    operator = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="calls",
        verbose_name="opérateur",
        limit_choices_to={"kind": OrganisationKind.OPERATOR},
    )
    funder_category = models.CharField(
        "catégorie du financeur",
        max_length=10,
        choices=FunderCategory.choices,
        default=FunderCategory.OPERATOR,
        help_text="Catégorie de la ligne de financement créée pour chaque lauréat.",
    )
    budget = models.DecimalField("enveloppe de l'appel (€)", null=True, blank=True, **EUROS)
    # Eligibility rules, checked by ``calls.eligibility`` when a draft is saved and submitted.
    requires_labelled_territory = models.BooleanField(
        "le projet doit se situer dans un territoire d'industrie labellisé", default=True
    )
    generation = models.ForeignKey(
        Generation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name="génération de territoires",
        help_text="Vide : la génération en cours.",
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="calls",
        verbose_name="régions éligibles",
        help_text="Vide : toutes les régions.",
    )
    applicant_kinds = models.JSONField(
        "natures de porteurs éligibles",
        default=list,
        blank=True,
        help_text="Codes de nature d'organisation (vide : toutes).",
    )
    naf_prefixes = models.JSONField(
        "secteurs éligibles (codes NAF)",
        default=list,
        blank=True,
        help_text="Divisions ou codes NAF admis, par ex. « 10 », « 25.62 » (vide : tous).",
    )
    amount_min = models.DecimalField("aide minimale demandée (€)", null=True, blank=True, **EUROS)
    amount_max = models.DecimalField("aide maximale demandée (€)", null=True, blank=True, **EUROS)
    is_published = models.BooleanField("publié", default=False)
    published_at = models.DateTimeField("publié le", null=True, blank=True)
    is_demo = models.BooleanField("données de démonstration", default=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[regions])

    class Meta:
        ordering = ["-created_at", "title"]
        verbose_name = "appel à projets"
        verbose_name_plural = "appels à projets"
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_max__gte=F("amount_min")),
                name="call_amounts_in_order",
                violation_error_message="L'aide maximale est inférieure à l'aide minimale.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        unknown = set(self.applicant_kinds or []) - set(OrganisationKind.values)
        if unknown:
            raise ValidationError(
                {"applicant_kinds": f"Natures inconnues : {', '.join(sorted(unknown))}."}
            )


class CallWindow(models.Model):
    """A submission window (a wave of an AMI): applications are accepted between its bounds.

    Bounds are aware datetimes; pages show them in Paris time. A deadline of
    « 15 mars 23:59:59 » means Europe/Paris wall-clock time, whatever the season.
    """

    call = models.ForeignKey(Call, models.CASCADE, related_name="windows", verbose_name="appel")
    name = models.CharField("nom", max_length=100, help_text="Par ex. « Vague 1 ».")
    opens_at = models.DateTimeField("ouverture")
    closes_at = models.DateTimeField("clôture")
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "opens_at"]
        verbose_name = "période de dépôt"
        verbose_name_plural = "périodes de dépôt"
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="window_closes_after_opening",
                violation_error_message="La clôture doit suivre l'ouverture.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.call} – {self.name}"

    def is_open(self, at) -> bool:
        return self.opens_at <= at <= self.closes_at


class Question(models.Model):
    """A question of the call's application form, defined by the national team."""

    call = models.ForeignKey(Call, models.CASCADE, related_name="questions", verbose_name="appel")
    position = models.PositiveSmallIntegerField("ordre", default=0)
    label = models.CharField("question", max_length=300)
    help_text = models.CharField("aide", max_length=500, blank=True)
    kind = models.CharField("type de réponse", max_length=20, choices=QuestionKind.choices)
    choices = models.JSONField("choix proposés", default=list, blank=True)
    required = models.BooleanField("obligatoire", default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = "question"

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.kind in CHOICE_KINDS:
            choices = [c for c in self.choices or [] if isinstance(c, str) and c.strip()]
            if len(choices) < 2:
                raise ValidationError({"choices": "Une question à choix propose au moins 2 choix."})
            if len(set(choices)) != len(choices):
                raise ValidationError({"choices": "Les choix proposés doivent être distincts."})
        elif self.choices:
            raise ValidationError({"choices": "Seules les questions à choix proposent des choix."})


class Criterion(models.Model):
    """A line of the call's scoring grid: instructors give it a score from 0 to ``max_score``."""

    call = models.ForeignKey(Call, models.CASCADE, related_name="criteria", verbose_name="appel")
    position = models.PositiveSmallIntegerField("ordre", default=0)
    label = models.CharField("critère", max_length=200)
    description = models.TextField("description", blank=True)
    weight = models.DecimalField(
        "coefficient",
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(
        "note maximale", default=5, validators=[MinValueValidator(1)]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = "critère de notation"
        verbose_name_plural = "critères de notation"

    def __str__(self) -> str:
        return self.label
