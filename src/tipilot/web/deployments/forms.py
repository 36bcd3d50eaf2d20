"""Forms of the deployments pages: the registry's filters, a deployment, a lifecycle step."""

from django import forms

from tipilot.deployments.enums import DeploymentKind, DeploymentStatus, DeploymentTransition
from tipilot.deployments.selectors import DeploymentFilters
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.web.forms import Form, region_choices, territory_identifier_field

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WAVES = [("", "Toutes"), ("1", "Vague 1"), ("2", "Vague 2"), ("3", "Vague 3")]


class FilterForm(forms.Form):
    """The registry's filters, named in French in the address (``?type=vte&region=84``)."""

    q = forms.CharField(label="Recherche", required=False, max_length=100)
    type = forms.ChoiceField(label="Type", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    territoire = territory_identifier_field()
    statut = forms.ChoiceField(label="Statut", required=False)
    vague = forms.ChoiceField(label="Vague (antennes du Cnam)", required=False, choices=WAVES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "Tous"), *DeploymentKind.choices]
        self.fields["statut"].choices = [("", "Tous"), *DeploymentStatus.choices]
        self.fields["region"].choices = region_choices()

    def filters(self) -> DeploymentFilters:
        data = self.cleaned_data if self.is_bound else {}
        wave = data.get("vague") or ""
        return DeploymentFilters(
            q=(data.get("q") or "").strip(),
            kind=data.get("type") or "",
            region=data.get("region") or "",
            territory=data.get("territoire") or "",
            status=data.get("statut") or "",
            wave=int(wave) if wave else None,
        )


def api_query(filters: DeploymentFilters) -> dict:
    """The same filters in the API's names (for the map's GeoJSON)."""
    pairs = {
        "kind": filters.kind,
        "region": filters.region,
        "territory": filters.territory,
        "status": filters.status,
        "wave": filters.wave or "",
        "q": filters.q,
    }
    return {k: v for k, v in pairs.items() if v}


def _organisations():
    return Organisation.objects.only("id", "name", "siren").order_by("name", "pk")


class DeploymentForm(Form):
    name = forms.CharField(label="Nom", max_length=200)
    commune = forms.CharField(label="Commune (code INSEE)", max_length=5, help_text="Ex. : 58194")
    organisation = forms.ModelChoiceField(
        label="Organisation (école, entreprise d'accueil)",
        queryset=_organisations(),
        required=False,
    )
    wave = forms.TypedChoiceField(
        label="Vague de l'AMI (antennes du Cnam)",
        choices=WAVES[1:],
        coerce=int,
        empty_value=None,
        required=False,
    )
    headcount = forms.IntegerField(label="Effectif / places", min_value=0, required=False)
    latitude = forms.DecimalField(
        label="Latitude",
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=5,
        help_text="Sans coordonnées, le point est placé dans la commune.",
    )
    longitude = forms.DecimalField(
        label="Longitude", required=False, min_value=-180, max_value=180, decimal_places=5
    )

    def clean_commune(self):
        code = self.cleaned_data["commune"].strip()
        commune = Commune.objects.filter(insee_code=code).first()
        if commune is None:
            raise forms.ValidationError(f"Aucune commune n'a le code INSEE « {code} ».")
        return commune

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError("Indiquez la latitude et la longitude, ou aucune des deux.")
        return data


class DeploymentCreateForm(DeploymentForm):
    kind = forms.ChoiceField(label="Type", choices=DeploymentKind.choices)
    status = forms.ChoiceField(label="Statut", choices=DeploymentStatus.choices)
    labelled_on = forms.DateField(label="Labellisé le", required=False, widget=DATE)
    opened_on = forms.DateField(label="Ouvert / en poste le", required=False, widget=DATE)
    closed_on = forms.DateField(label="Fermé / terminé le", required=False, widget=DATE)
    field_order = ["kind", "name", "commune", "organisation", "wave", "status"]


def deployment_initial(deployment) -> dict:
    initial = {name: getattr(deployment, name) for name in DeploymentForm.base_fields}
    initial["commune"] = deployment.commune.insee_code
    return initial


class TransitionForm(Form):
    name = forms.ChoiceField(choices=DeploymentTransition.choices, widget=forms.HiddenInput)
    on = forms.DateField(label="Date d'effet", widget=DATE)
