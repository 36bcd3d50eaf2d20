"""Territoires d'industrie, their generations and labelling waves, and composition history.

A territory is keyed by (generation, identifier): ANCT reuses ``ti-RRnn`` identifiers for other
territories in the next generation. Its composition is a set of dated memberships (an EPCI, an
EPT or a single commune), and every change found by an import is kept as a dated event.
Population, commune count and departments are derived from the geography and stored, refreshed
by the services whenever the composition or the geography changes, so lists stay cheap.
"""

from django.db import models
from django.db.models import Q

from tipilot.geo.models import Commune, Department, Epci, Region

from .enums import ChangeKind, TerritoryStatus


class Generation(models.Model):
    code = models.CharField("code", max_length=9, unique=True)  # "2018-2022"
    name = models.CharField("nom", max_length=100)
    start_year = models.PositiveSmallIntegerField("début")
    end_year = models.PositiveSmallIntegerField("fin")

    class Meta:
        ordering = ["start_year"]
        verbose_name = "génération"

    def __str__(self) -> str:
        return self.name


class Wave(models.Model):
    """A labelling announcement: how many territories were labelled as of that point.

    The programme's public record gives some of these only to the month or year, so the
    period is kept as said (« juillet 2019 ») and the exact date only when it is known.
    """

    generation = models.ForeignKey(Generation, models.CASCADE, related_name="waves")
    period_label = models.CharField("période", max_length=100)
    date = models.DateField("date exacte", null=True, blank=True)
    cumulative_count = models.PositiveSmallIntegerField("territoires labellisés (cumul)")
    epci_count = models.PositiveSmallIntegerField("EPCI couverts (cumul)", null=True, blank=True)
    note = models.CharField("précision", max_length=300, blank=True)

    class Meta:
        ordering = ["generation__start_year", "cumulative_count"]
        verbose_name = "vague de labellisation"
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "cumulative_count"], name="unique_wave_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_label} : {self.cumulative_count} territoires"


class ImportBatch(models.Model):
    """One applied import of an official list: the state of a generation at a date."""

    generation = models.ForeignKey(Generation, models.PROTECT, related_name="imports")
    as_of = models.DateField("état au")
    source_name = models.CharField("fichier", max_length=300)
    sha256 = models.CharField("empreinte SHA-256", max_length=64)
    file_format = models.CharField("format", max_length=40)
    counts = models.JSONField("effectifs", default=dict)
    is_demo = models.BooleanField("données de démonstration", default=False)
    created_at = models.DateTimeField("importé le", auto_now_add=True)

    class Meta:
        ordering = ["generation", "as_of", "id"]
        verbose_name = "import de liste officielle"

    def __str__(self) -> str:
        return f"{self.generation.code} au {self.as_of:%d/%m/%Y} ({self.source_name})"


class Territory(models.Model):
    generation = models.ForeignKey(Generation, models.PROTECT, related_name="territories")
    identifier = models.CharField("identifiant", max_length=10)
    name = models.CharField("nom", max_length=200)
    status = models.CharField(
        "statut", max_length=10, choices=TerritoryStatus.choices, default=TerritoryStatus.LABELLED
    )
    wave = models.ForeignKey(
        Wave, models.SET_NULL, null=True, blank=True, related_name="territories"
    )
    labelled_on = models.DateField("labellisé le", null=True, blank=True)
    withdrawn_on = models.DateField("sorti le", null=True, blank=True)
    regions = models.ManyToManyField(Region, related_name="territories", verbose_name="régions")
    departments = models.ManyToManyField(
        Department, related_name="territories", verbose_name="départements"
    )
    population = models.PositiveIntegerField("population municipale", default=0)
    commune_count = models.PositiveIntegerField("communes", default=0)
    member_count = models.PositiveIntegerField("membres", default=0)
    outline = models.TextField("contour (GeoJSON)", blank=True)
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    is_demo = models.BooleanField("données de démonstration", default=False)

    class Meta:
        ordering = ["generation__start_year", "identifier"]
        verbose_name = "territoire d'industrie"
        verbose_name_plural = "territoires d'industrie"
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "identifier"], name="unique_territory_per_generation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.identifier}, {self.generation.code})"

    @property
    def region_code(self) -> str:
        return self.identifier[3:5]


class Membership(models.Model):
    """One member of a territory for a period: an EPCI/EPT, or a single commune."""

    territory = models.ForeignKey(Territory, models.CASCADE, related_name="memberships")
    epci = models.ForeignKey(
        Epci, models.PROTECT, null=True, blank=True, related_name="territory_memberships"
    )
    commune = models.ForeignKey(
        Commune, models.PROTECT, null=True, blank=True, related_name="territory_memberships"
    )
    joined_on = models.DateField("entré le")
    left_on = models.DateField("sorti le", null=True, blank=True)

    class Meta:
        ordering = ["territory", "joined_on", "id"]
        verbose_name = "membre"
        constraints = [
            models.CheckConstraint(
                condition=(Q(epci__isnull=False) & Q(commune__isnull=True))
                | (Q(epci__isnull=True) & Q(commune__isnull=False)),
                name="membership_is_epci_or_commune",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.member)

    @property
    def member(self):
        return self.epci or self.commune

    @property
    def member_code(self) -> str:
        return self.epci.siren if self.epci_id else self.commune.siren


class TerritoryChange(models.Model):
    """A dated event in a territory's history, as found by comparing official lists."""

    territory = models.ForeignKey(Territory, models.CASCADE, related_name="changes")
    batch = models.ForeignKey(ImportBatch, models.CASCADE, related_name="changes")
    date = models.DateField("date")
    kind = models.CharField("nature", max_length=10, choices=ChangeKind.choices)
    epci = models.ForeignKey(Epci, models.PROTECT, null=True, blank=True, related_name="+")
    commune = models.ForeignKey(Commune, models.PROTECT, null=True, blank=True, related_name="+")
    old_value = models.CharField("avant", max_length=200, blank=True)
    new_value = models.CharField("après", max_length=200, blank=True)

    class Meta:
        ordering = ["territory", "date", "id"]
        verbose_name = "évolution"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} le {self.date:%d/%m/%Y}"

    @property
    def member(self):
        return self.epci or self.commune
