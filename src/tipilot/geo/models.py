"""Reference geography: regions, departments, communes and intercommunalities.

Each row remembers the first and last vintage (COG year) it was seen in, so that loading an
older or newer vintage updates in place and an EPCI that has since merged stays, marked
dissolved: the 2018 territories still point at it.
"""

from django.db import models

from .enums import EpciKind


class Vintage(models.Model):
    """One loaded edition of the official geography (a COG year)."""

    year = models.PositiveSmallIntegerField("millésime", unique=True)
    source = models.CharField("source", max_length=200)
    integrity = models.CharField("empreinte", max_length=200, blank=True)
    loaded_at = models.DateTimeField("chargé le", auto_now=True)
    counts = models.JSONField("effectifs", default=dict)

    class Meta:
        ordering = ["-year"]
        verbose_name = "millésime géographique"

    def __str__(self) -> str:
        return f"{self.year} ({self.source})"


class VintagedModel(models.Model):
    first_vintage = models.PositiveSmallIntegerField("premier millésime")
    last_vintage = models.PositiveSmallIntegerField("dernier millésime")
    dissolved = models.BooleanField(
        "disparu", default=False, help_text="Absent du millésime le plus récent chargé."
    )

    class Meta:
        abstract = True


class Region(VintagedModel):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)
    outline = models.TextField("contour (GeoJSON)", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "région"

    def __str__(self) -> str:
        return self.name


class Department(VintagedModel):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)
    region = models.ForeignKey(Region, models.PROTECT, related_name="departments")
    outline = models.TextField("contour (GeoJSON)", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "département"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Epci(VintagedModel):
    """An EPCI à fiscalité propre (or an EPT of the Métropole du Grand Paris)."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature", max_length=5, choices=EpciKind.choices)
    financing = models.CharField("mode de financement", max_length=10, blank=True)
    population = models.PositiveIntegerField("population municipale", default=0)
    communes = models.ManyToManyField(
        "Commune", related_name="epci_memberships", verbose_name="communes membres"
    )
    outline = models.TextField("contour (GeoJSON)", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"

    def __str__(self) -> str:
        return self.name


class Commune(VintagedModel):
    insee_code = models.CharField("code INSEE", max_length=5, unique=True)
    siren = models.CharField("SIREN", max_length=9, blank=True, db_index=True)
    name = models.CharField("nom", max_length=200)
    population = models.PositiveIntegerField("population municipale", default=0)
    department = models.ForeignKey(Department, models.PROTECT, related_name="communes")
    region = models.ForeignKey(Region, models.PROTECT, related_name="communes")
    epci = models.ForeignKey(
        Epci, models.SET_NULL, null=True, blank=True, related_name="current_communes"
    )
    former_codes = models.JSONField("anciens codes INSEE", default=list, blank=True)
    outline = models.TextField("contour (GeoJSON)", blank=True)

    class Meta:
        ordering = ["insee_code"]
        verbose_name = "commune"

    def __str__(self) -> str:
        return f"{self.name} ({self.insee_code})"
