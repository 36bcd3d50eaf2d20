"""The basket of measures and the fiches actions that draw on it, with their funding plans.

An axis groups measures (Recruter, Innover, Attirer, Simplifier). A measure is delivered by
operators and has an envelope; an action (fiche action) is a project of a territory, under its
contract, that uses measures; its funding plan is a list of lines, one per funder and
instrument, each with the amount requested, committed (engagé) and paid (décaissé).
The bilan d'étape (``tipilot.analytics``) is computed from these rows, never typed in.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.contracts.models import Contract
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.territories.models import Territory

from .enums import ActionStatus, Decision, FunderCategory, Nature, Phase

S = ActionStatus
EUROS = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
naf_code = RegexValidator(
    r"^\d{2}\.\d{2}[A-Z]$", "Un code NAF s'écrit comme « 25.62A » (rév. 2, sous-classe)."
)


class Axis(models.Model):
    code = models.SlugField("code", max_length=20, unique=True)
    name = models.CharField("nom", max_length=100)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = "axe"

    def __str__(self) -> str:
        return self.name


class Measure(models.Model):
    """One service of the programme's basket, as announced, with its envelope and period."""

    code = models.SlugField("code", max_length=60, unique=True)
    name = models.CharField("nom", max_length=250)
    axis = models.ForeignKey(Axis, models.PROTECT, related_name="measures", verbose_name="axe")
    description = models.TextField("description", blank=True)
    operators = models.ManyToManyField(
        Organisation, blank=True, related_name="measures", verbose_name="opérateurs"
    )
    phase = models.CharField("phase", max_length=20, choices=Phase.choices)
    envelope = models.DecimalField("enveloppe (€)", null=True, blank=True, **EUROS)
    envelope_note = models.CharField("précision sur l'enveloppe", max_length=300, blank=True)
    target = models.CharField("objectif annoncé", max_length=300, blank=True)
    start_year = models.PositiveSmallIntegerField("début")
    end_year = models.PositiveSmallIntegerField("fin", null=True, blank=True)
    source = models.CharField("source", max_length=300, blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["axis__position", "position", "name"]
        verbose_name = "mesure"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="measure_years_in_order",
                violation_error_message="L'année de fin précède l'année de début.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    slug = models.SlugField("code", max_length=40, unique=True)
    name = models.CharField("libellé", max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = "thème"

    def __str__(self) -> str:
        return self.name


class Action(FSMModelMixin, models.Model):
    """A fiche action: a project of a territory, with its status, jobs and funding plan."""

    external_id = models.CharField(
        "identifiant",
        max_length=60,
        unique=True,
        help_text="Identifiant stable de la fiche (sert de clé aux imports de tableurs).",
    )
    territory = models.ForeignKey(
        Territory, models.PROTECT, related_name="actions", verbose_name="territoire"
    )
    contract = models.ForeignKey(
        Contract,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name="contrat",
    )
    title = models.CharField("intitulé", max_length=300)
    description = models.TextField("description", blank=True)
    axis = models.ForeignKey(Axis, models.PROTECT, related_name="actions", verbose_name="axe")
    measures = models.ManyToManyField(
        Measure, blank=True, related_name="actions", verbose_name="mesures mobilisées"
    )
    lead = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_actions",
        verbose_name="porteur",
    )
    nature = models.CharField("maîtrise d'ouvrage", max_length=10, choices=Nature.choices)
    status = FSMField("statut", max_length=20, choices=ActionStatus.choices, default=S.IDEA)
    engaged_on = models.DateField("engagée le", null=True, blank=True)
    started_on = models.DateField("démarrée le", null=True, blank=True)
    completed_on = models.DateField("achevée le", null=True, blank=True)
    abandoned_on = models.DateField("abandonnée le", null=True, blank=True)
    commune = models.ForeignKey(
        Commune,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name="commune",
    )
    naf_code = models.CharField(
        "secteur (code NAF)", max_length=6, blank=True, validators=[naf_code]
    )
    total_cost = models.DecimalField("coût total (€)", null=True, blank=True, **EUROS)
    jobs_created_planned = models.PositiveIntegerField("emplois créés prévus", default=0)
    jobs_maintained_planned = models.PositiveIntegerField("emplois maintenus prévus", default=0)
    jobs_created_observed = models.PositiveIntegerField(
        "emplois créés constatés", null=True, blank=True
    )
    jobs_maintained_observed = models.PositiveIntegerField(
        "emplois maintenus constatés", null=True, blank=True
    )
    is_relocation = models.BooleanField("relocalisation", default=False)
    is_fragile_territory = models.BooleanField("en territoire fragile", default=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="actions", verbose_name="thèmes")
    version = models.PositiveIntegerField("version", default=1)
    is_demo = models.BooleanField("données de démonstration", default=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["territory__identifier", "external_id"]
        verbose_name = "fiche action"
        verbose_name_plural = "fiches actions"
        indexes = [
            models.Index(fields=["status"], name="action_status_idx"),
            models.Index(fields=["updated_at"], name="action_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(engaged_on__isnull=True)
                | Q(started_on__gte=F("engaged_on")),
                name="action_started_after_engaged",
                violation_error_message="La date de démarrage précède la date d'engagement.",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(completed_on__gte=F("started_on")),
                name="action_completed_after_started",
                violation_error_message="La date d'achèvement précède la date de démarrage.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def jobs_planned(self) -> int:
        return self.jobs_created_planned + self.jobs_maintained_planned

    # Lifecycle: idée → en préparation → engagée → en cours → achevée, or abandonnée.
    # Imports may set a status directly (the spreadsheet is authoritative); pages and the API
    # go through these transitions, called by ``services.action_transition``.
    @transition(field=status, source=S.IDEA, target=S.PREPARATION)
    def prepare(self, *, on) -> None:
        """The idea becomes a project being put together."""

    @transition(field=status, source=[S.IDEA, S.PREPARATION], target=S.ENGAGED)
    def engage(self, *, on) -> None:
        self.engaged_on = on

    @transition(field=status, source=S.ENGAGED, target=S.IN_PROGRESS)
    def start(self, *, on) -> None:
        self.started_on = on

    @transition(field=status, source=S.IN_PROGRESS, target=S.COMPLETED)
    def complete(self, *, on) -> None:
        self.completed_on = on

    @transition(
        field=status, source=[S.IDEA, S.PREPARATION, S.ENGAGED, S.IN_PROGRESS], target=S.ABANDONED
    )
    def abandon(self, *, on) -> None:
        self.abandoned_on = on

    @transition(field=status, source=S.ABANDONED, target=S.PREPARATION)
    def reopen(self, *, on) -> None:
        self.abandoned_on = None


class FundingLine(models.Model):
    """One line of an action's funding plan: a funder, an instrument, three amounts."""

    action = models.ForeignKey(Action, models.CASCADE, related_name="funding_lines")
    position = models.PositiveSmallIntegerField("n° de ligne")
    funder_category = models.CharField(
        "catégorie de financeur", max_length=10, choices=FunderCategory.choices
    )
    funder = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
        verbose_name="financeur",
    )
    measure = models.ForeignKey(
        Measure,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_lines",
        verbose_name="mesure ou dispositif",
    )
    instrument = models.CharField("dispositif (autre)", max_length=200, blank=True)
    amount_requested = models.DecimalField("montant demandé (€)", default=0, **EUROS)
    amount_committed = models.DecimalField("montant engagé (€)", default=0, **EUROS)
    amount_paid = models.DecimalField("montant décaissé (€)", default=0, **EUROS)
    requested_on = models.DateField("demandé le", null=True, blank=True)
    decision = models.CharField(
        "décision", max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    committed_on = models.DateField("engagé le", null=True, blank=True)
    paid_on = models.DateField("dernier décaissement le", null=True, blank=True)
    comment = models.CharField("commentaire", max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "position"]
        verbose_name = "ligne de financement"
        verbose_name_plural = "lignes de financement"
        # The last three cover the bilan's GROUP BY sums (by funder and measure, by month, by
        # action): read from the index alone, the national bilan at 10x the programme stays
        # under 300 ms on SQLite too (bench/bilan.py).
        indexes = [
            models.Index(fields=["funder_category"], name="funding_category_idx"),
            models.Index(
                fields=[
                    "funder_category",
                    "measure",
                    "amount_requested",
                    "amount_committed",
                    "amount_paid",
                ],
                name="funding_bilan_measure_idx",
            ),
            models.Index(
                fields=["committed_on", "amount_committed"], name="funding_bilan_month_idx"
            ),
            models.Index(
                fields=["action", "amount_requested", "amount_committed", "amount_paid"],
                name="funding_bilan_action_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["action", "position"], name="unique_funding_position"),
            models.CheckConstraint(
                condition=Q(amount_paid__lte=F("amount_committed")),
                name="funding_paid_within_committed",
                violation_error_message="Le montant décaissé dépasse le montant engagé.",
            ),
            models.CheckConstraint(
                condition=Q(committed_on__isnull=True)
                | Q(requested_on__isnull=True)
                | Q(committed_on__gte=F("requested_on")),
                name="funding_committed_after_requested",
                violation_error_message="La date d'engagement précède la date de demande.",
            ),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True)
                | Q(committed_on__isnull=True)
                | Q(paid_on__gte=F("committed_on")),
                name="funding_paid_after_committed",
                violation_error_message="La date de décaissement précède la date d'engagement.",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.REFUSED) | Q(amount_committed=0),
                name="funding_refused_commits_nothing",
                violation_error_message="Un financement refusé n'a pas de montant engagé.",
            ),
        ]

    def __str__(self) -> str:
        who = self.funder or self.get_funder_category_display()
        return f"{self.action} · {who}"
