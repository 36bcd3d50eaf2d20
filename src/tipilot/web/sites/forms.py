"""Forms of the sites pages: the catalogue's filters, a site's record, an investor's enquiry.

The catalogue's filters have French names in the address, like the platform's other pages
(``?territoire=ti-8401&acces=rail``); ``CatalogueForm.api_data`` gives them the API's names
(``/api/v1/sites/``, ``/api/v1/sites.geojson``), which the selectors and the map read.
"""

from urllib.parse import urlencode

from django import forms

from tipilot.geo.models import Commune, Department
from tipilot.sites.enums import ACCESS, PROCEDURES, UTILITIES, OwnerKind, ProcedureState, SiteStatus
from tipilot.sites.models import SiteWave
from tipilot.web.forms import Form, region_choices, territory_identifier_field

HECTARES = {"min_value": 0, "max_digits": 8, "decimal_places": 2}
KM = {"min_value": 0, "max_digits": 5, "decimal_places": 1, "required": False}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ACCESS_CHOICES = [(code, label) for code, (_, _, label) in ACCESS.items()]
UTILITY_CHOICES = list(UTILITIES.items())


class CatalogueForm(forms.Form):
    q = forms.CharField(label="Recherche", required=False, max_length=200)
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)
    territoire = territory_identifier_field()
    vague = forms.ChoiceField(label="Vague", required=False)
    statut = forms.ChoiceField(
        label="Statut", required=False, choices=[("", "Au catalogue"), *SiteStatus.choices]
    )
    surface_min = forms.DecimalField(label="Surface disponible minimale (ha)", required=False,
                                     **HECTARES)  # fmt: skip
    surface_max = forms.DecimalField(label="Surface disponible maximale (ha)", required=False,
                                     **HECTARES)  # fmt: skip
    acces = forms.MultipleChoiceField(label="Accès", required=False, choices=ACCESS_CHOICES)
    reseau = forms.MultipleChoiceField(label="Réseaux", required=False, choices=UTILITY_CHOICES)
    pret = forms.BooleanField(label="Prêts seulement", required=False)
    disponible = forms.BooleanField(label="Disponibles dès aujourd'hui", required=False)

    API_NAMES = {
        "departement": "department",
        "territoire": "territory",
        "vague": "wave",
        "statut": "status",
        "acces": "access",
        "reseau": "utility",
        "pret": "ready",
        "disponible": "available_now",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = region_choices()
        self.fields["departement"].choices = [("", "Tous")] + [
            (d.code, f"{d.code} — {d.name}")
            for d in Department.objects.filter(dissolved=False).only("code", "name")
        ]
        self.fields["vague"].choices = [("", "Toutes")] + [
            (w.code, w.name) for w in SiteWave.objects.only("code", "name")
        ]

    def clean(self):
        data = super().clean()
        low, high = data.get("surface_min"), data.get("surface_max")
        if low is not None and high is not None and low > high:
            self.add_error("surface_max", "Le maximum doit être supérieur ou égal au minimum.")
        return data

    def api_data(self) -> dict:
        """The valid filters under the API's names (empty when the form is unbound)."""
        if not self.is_bound:
            return {}
        return {self.API_NAMES.get(k, k): v for k, v in self.cleaned_data.items()}

    def api_query(self) -> str:
        """The filters as the API's query string, for the map and the GeoJSON link.

        Invalid filters are handed over as typed, renamed: the API refuses them as the page
        does, rather than the map showing every site beside an empty list.
        """
        if self.is_bound and self.errors:
            raw = [(self.API_NAMES.get(k, k), v) for k, vs in self.data.lists() for v in vs]
            return urlencode([(k, v) for k, v in raw if k != "page"])
        pairs = []
        for name, value in self.api_data().items():
            if value in (None, "", [], False):
                continue
            values = value if isinstance(value, list) else [value]
            pairs += [(name, "true" if v is True else str(v)) for v in values]
        return urlencode(pairs)


class SiteForm(Form):
    name = forms.CharField(label="Nom du site", max_length=200)
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    commune = forms.CharField(label="Commune (code INSEE)", max_length=5, help_text="Ex. : 58194")
    latitude = forms.DecimalField(
        label="Latitude", required=False, max_digits=8, decimal_places=5,
        help_text="Laissée vide : un point à l'intérieur de la commune.",
    )  # fmt: skip
    longitude = forms.DecimalField(label="Longitude", required=False, max_digits=8,
                                   decimal_places=5)  # fmt: skip
    surface_total_ha = forms.DecimalField(label="Surface totale (ha)", **HECTARES)
    surface_available_ha = forms.DecimalField(label="Surface disponible (ha)", **HECTARES)
    owner_name = forms.CharField(label="Propriétaire", max_length=200)
    owner_kind = forms.ChoiceField(label="Nature du propriétaire", choices=OwnerKind.choices)
    available_from = forms.DateField(label="Disponible à partir du", required=False, widget=DATE)
    has_motorway = forms.BooleanField(label="Accès autoroutier", required=False)
    motorway_km = forms.DecimalField(label="Distance à l'autoroute (km)", **KM)
    has_rail = forms.BooleanField(label="Desserte ferroviaire", required=False)
    rail_km = forms.DecimalField(label="Distance à la voie ferrée (km)", **KM)
    has_port = forms.BooleanField(label="Accès portuaire", required=False)
    port_km = forms.DecimalField(label="Distance au port (km)", **KM)
    has_airport = forms.BooleanField(label="Accès aéroportuaire", required=False)
    airport_km = forms.DecimalField(label="Distance à l'aéroport (km)", **KM)
    electricity_hta = forms.BooleanField(label="Électricité HTA", required=False)
    electricity_htb = forms.BooleanField(label="Électricité HTB", required=False)
    gas = forms.BooleanField(label="Gaz", required=False)
    industrial_water = forms.BooleanField(label="Eau industrielle", required=False)
    fibre = forms.BooleanField(label="Fibre optique", required=False)
    sanitation = forms.BooleanField(label="Assainissement", required=False)
    urbanism = forms.ChoiceField(label=PROCEDURES["urbanism"], choices=ProcedureState.choices)
    archaeology = forms.ChoiceField(label=PROCEDURES["archaeology"], choices=ProcedureState.choices)
    environment = forms.ChoiceField(label=PROCEDURES["environment"], choices=ProcedureState.choices)
    biodiversity = forms.ChoiceField(
        label=PROCEDURES["biodiversity"], choices=ProcedureState.choices
    )
    wave = forms.ModelChoiceField(
        label="Vague de labellisation", queryset=SiteWave.objects.all(), required=False
    )
    contact_name = forms.CharField(label="Référent (nom)", max_length=200, required=False,
                                   help_text="Jamais affiché au public.")  # fmt: skip
    contact_email = forms.EmailField(
        label="Référent (courriel)", required=False,
        help_text="Reçoit les demandes des investisseurs ; jamais affiché au public.",
    )  # fmt: skip

    def clean_commune(self):
        code = self.cleaned_data["commune"].strip()
        commune = Commune.objects.select_related("region").filter(insee_code=code).first()
        if commune is None:
            raise forms.ValidationError(f"Aucune commune n'a le code INSEE « {code} ».")
        return commune

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", "Indiquez la latitude et la longitude, ou aucune des deux.")
        return data


def site_initial(site) -> dict:
    initial = {name: getattr(site, name) for name in SiteForm.base_fields if name != "commune"}
    initial["commune"] = site.commune.insee_code
    initial["wave"] = site.wave_id
    return initial


class EnquiryForm(Form):
    name = forms.CharField(label="Votre nom", max_length=200)
    company = forms.CharField(label="Entreprise", max_length=200)
    email = forms.EmailField(
        label="Courriel", help_text="Le référent vous répondra à cette adresse."
    )
    phone = forms.CharField(label="Téléphone", max_length=30, required=False)
    message = forms.CharField(
        label="Votre projet", max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Activité, surface recherchée, emplois prévus, calendrier…",
    )  # fmt: skip
    consent = forms.BooleanField(
        label="J'accepte que ces informations soient transmises au référent du site.",
        error_messages={"required": "Cochez la case pour que votre demande puisse être transmise."},
    )  # fmt: skip
    # A trap for robots: hidden from people (CSS and aria-hidden), filled by form-filling bots.
    website = forms.CharField(
        label="Site web (laissez ce champ vide)", required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )  # fmt: skip


class TransitionForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput)
