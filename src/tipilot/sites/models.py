"""Sites clés en main: industrial sites whose procedures are done ahead, ready for investors.

A site lies in a commune (and, through it, in a territory d'industrie of the current
generation when its EPCI belongs to one); it belongs to a labelling wave (janvier 2020,
juillet 2020, 2021). It is « prêt » when its four procedures (urbanism, archaeology,
environment, biodiversity) are done or not required. Its contact (référent) is private: an
investor's enquiry reaches the contact by email, the contact's address is never shown.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from tipilot.core.text import fold
from tipilot.geo.models import Commune
from tipilot.territories.models import Territory

from .enums import PROCEDURES, READY_STATES, OwnerKind, ProcedureState, SiteStatus

S = SiteStatus
HECTARES = {"max_digits": 8, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
KM = {
    "max_digits": 5,
    "decimal_places": 1,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(0))],
}
# Mainland France with Corsica, and the five overseas departments: (south, north, west, east).
FRANCE_BOXES = {
    "France métropolitaine": (41.3, 51.2, -5.3, 9.7),
    "Guadeloupe": (15.8, 16.6, -61.9, -60.9),
    "Martinique": (14.3, 14.95, -61.3, -60.8),
    "Guyane": (2.1, 5.8, -54.7, -51.6),
    "La Réunion": (-21.4, -20.8, 55.2, 55.9),
    "Mayotte": (-13.05, -12.6, 44.95, 45.35),
}


def in_france(latitude: float, longitude: float) -> bool:
    return any(
        south <= latitude <= north and west <= longitude <= east
        for south, north, west, east in FRANCE_BOXES.values()
    )


class SiteWave(models.Model):
    """One announcement of sites clés en main, with the count announced then."""

    code = models.SlugField("code", max_length=30, unique=True)
    name = models.CharField("nom", max_length=100)
    announced_on = models.DateField("annoncée le")
    date_note = models.CharField("précision sur la date", max_length=200, blank=True)
    announced_count = models.PositiveSmallIntegerField("sites annoncés dans la vague")
    cumulative_count = models.PositiveSmallIntegerField("sites annoncés (cumul)")
    source = models.CharField("source", max_length=300, blank=True)

    class Meta:
        ordering = ["announced_on"]
        verbose_name = "vague de sites clés en main"
        verbose_name_plural = "vagues de sites clés en main"

    def __str__(self) -> str:
        return self.name


class Site(FSMModelMixin, models.Model):
    slug = models.SlugField("référence", max_length=80, unique=True)
    name = models.CharField("nom", max_length=200)
    description = models.TextField("description", blank=True)
    commune = models.ForeignKey(
        Commune, models.PROTECT, related_name="sites", verbose_name="commune"
    )
    territory = models.ForeignKey(
        Territory,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sites",
        verbose_name="territoire d'industrie",
    )
    latitude = models.DecimalField("latitude", max_digits=8, decimal_places=5)
    longitude = models.DecimalField("longitude", max_digits=8, decimal_places=5)
    surface_total_ha = models.DecimalField("surface totale (ha)", **HECTARES)
    surface_available_ha = models.DecimalField("surface disponible (ha)", **HECTARES)
    owner_name = models.CharField("propriétaire", max_length=200)
    owner_kind = models.CharField("nature du propriétaire", max_length=10, choices=OwnerKind)
    available_from = models.DateField("disponible à partir du", null=True, blank=True)
    has_motorway = models.BooleanField("accès autoroutier", default=False)
    motorway_km = models.DecimalField("distance à l'autoroute (km)", **KM)
    has_rail = models.BooleanField("desserte ferroviaire", default=False)
    rail_km = models.DecimalField("distance à la voie ferrée (km)", **KM)
    has_port = models.BooleanField("accès portuaire", default=False)
    port_km = models.DecimalField("distance au port (km)", **KM)
    has_airport = models.BooleanField("accès aéroportuaire", default=False)
    airport_km = models.DecimalField("distance à l'aéroport (km)", **KM)
    electricity_hta = models.BooleanField("électricité HTA", default=False)
    electricity_htb = models.BooleanField("électricité HTB", default=False)
    gas = models.BooleanField("gaz", default=False)
    industrial_water = models.BooleanField("eau industrielle", default=False)
    fibre = models.BooleanField("fibre optique", default=False)
    sanitation = models.BooleanField("assainissement", default=False)
    urbanism = models.CharField(
        PROCEDURES["urbanism"], max_length=15, choices=ProcedureState, default="not_started"
    )
    archaeology = models.CharField(
        PROCEDURES["archaeology"], max_length=15, choices=ProcedureState, default="not_started"
    )
    environment = models.CharField(
        PROCEDURES["environment"], max_length=15, choices=ProcedureState, default="not_started"
    )
    biodiversity = models.CharField(
        PROCEDURES["biodiversity"], max_length=15, choices=ProcedureState, default="not_started"
    )
    is_ready = models.BooleanField("prêt", default=False, editable=False)
    wave = models.ForeignKey(
        SiteWave,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="sites",
        verbose_name="vague de labellisation",
    )
    status = FSMField("statut", max_length=15, choices=SiteStatus.choices, default=S.PROPOSED)
    contact_name = models.CharField("référent (nom)", max_length=200, blank=True)
    contact_email = models.EmailField("référent (courriel)", blank=True)
    is_demo = models.BooleanField("données de démonstration", default=False)
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "search_text"])

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = "site clé en main"
        verbose_name_plural = "sites clés en main"
        indexes = [models.Index(fields=["status", "is_ready"], name="site_status_ready_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(surface_available_ha__lte=F("surface_total_ha")),
                name="site_available_within_total",
                violation_error_message=(
                    "La surface disponible ne peut pas dépasser la surface totale."
                ),
            ),
            models.CheckConstraint(
                condition=Q(surface_total_ha__gt=0),
                name="site_total_surface_positive",
                violation_error_message="La surface totale doit être positive.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.refresh_derived()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.latitude is not None and self.longitude is not None:
            if not in_france(float(self.latitude), float(self.longitude)):
                raise ValidationError(
                    {
                        "latitude": "Ces coordonnées ne sont pas en France (métropole ou "
                        "départements d'outre-mer) : vérifiez la latitude et la longitude."
                    }
                )

    def refresh_derived(self) -> None:
        """The readiness and the folded search text, from the other fields."""
        self.is_ready = all(getattr(self, name) in READY_STATES for name in PROCEDURES)
        names = [self.name, self.slug, self.owner_name]
        if self.commune_id:
            names.append(self.commune.name)
        self.search_text = "|" + "|".join(fold(n) for n in names if n) + "|"

    @property
    def procedures(self) -> list[tuple[str, str, str]]:
        """(label, state code, state label) of each of the four procedures."""
        return [
            (label, getattr(self, name), ProcedureState(getattr(self, name)).label)
            for name, label in PROCEDURES.items()
        ]

    @property
    def ready_count(self) -> int:
        return sum(getattr(self, name) in READY_STATES for name in PROCEDURES)

    # Lifecycle: proposé → labellisé → commercialisé/occupé; retiré from any, and back.
    @transition(field=status, source=S.PROPOSED, target=S.LABELLED)
    def label(self) -> None:
        """The site joins the programme's catalogue."""

    @transition(field=status, source=S.LABELLED, target=S.MARKETED)
    def market(self) -> None:
        """An investor has taken the site (sold, leased or occupied)."""

    @transition(field=status, source=[S.PROPOSED, S.LABELLED, S.MARKETED], target=S.WITHDRAWN)
    def withdraw(self) -> None:
        """The site leaves the catalogue."""

    @transition(field=status, source=S.WITHDRAWN, target=S.LABELLED)
    def reinstate(self) -> None:
        """A withdrawn site comes back to the catalogue."""


class Enquiry(models.Model):
    """An investor's enquiry about a site. Personal data: never public, never in the API."""

    site = models.ForeignKey(Site, models.CASCADE, related_name="enquiries", verbose_name="site")
    name = models.CharField("nom", max_length=200)
    email = models.EmailField("courriel")
    company = models.CharField("entreprise", max_length=200)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    message = models.TextField("message", max_length=5000)
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    forwarded_at = models.DateTimeField("transmise le", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "demande d'investisseur"
        verbose_name_plural = "demandes d'investisseurs"
        indexes = [models.Index(fields=["email", "created_at"], name="enquiry_email_time_idx")]

    def __str__(self) -> str:
        return f"Demande du {self.created_at:%d/%m/%Y} sur {self.site}"
