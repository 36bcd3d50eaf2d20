"""Governance forms: COPIL meetings and decisions, roles, organisations, people, invitations."""

from django import forms

from tipilot.contracts.models import Amendment, Contract
from tipilot.core.identifiers import validate_siren, validate_siret
from tipilot.geo.models import Region
from tipilot.governance.enums import DecisionKind, OrganisationKind, RoleKind
from tipilot.governance.models import Organisation, Person
from tipilot.territories.models import Territory
from tipilot.web.forms import Form as DsfrBaseForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingForm(DsfrBaseForm):
    region = forms.ModelChoiceField(label="Région", queryset=Region.objects.none())
    date = forms.DateField(label="Date", widget=DATE)
    place = forms.CharField(label="Lieu", max_length=200, required=False)
    agenda = forms.CharField(label="Ordre du jour", widget=forms.Textarea)
    members_present = forms.ModelMultipleChoiceField(
        label="Membres présents",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    minutes = forms.FileField(
        label="Compte rendu (PDF)",
        required=False,
        help_text="Laissez vide pour garder le compte rendu déjà déposé.",
        widget=forms.FileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, regions, members, **kwargs):
        """Offer the regions the user pilots; any region is accepted, the permission decides."""
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(dissolved=False).defer("outline")
        self.fields["region"].widget.choices = [("", "---------")] + [
            (r.pk, r.name) for r in regions
        ]
        self.fields["members_present"].queryset = members


class DecisionForm(DsfrBaseForm):
    kind = forms.ChoiceField(label="Nature", choices=DecisionKind.choices)
    text = forms.CharField(label="Décision", widget=forms.Textarea(attrs={"rows": 3}))
    contract = forms.ModelChoiceField(label="Contrat", queryset=Contract.objects, required=False)
    territory = forms.ModelChoiceField(
        label="Territoire", queryset=Territory.objects, required=False
    )
    amendment = forms.ModelChoiceField(label="Avenant", queryset=Amendment.objects, required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        territories = Territory.objects.filter(regions=region).select_related("generation")
        self.fields["territory"].queryset = territories.defer("outline", "search_text")
        self.fields["contract"].queryset = Contract.objects.filter(
            territory__in=territories
        ).select_related("territory")
        self.fields["amendment"].queryset = Amendment.objects.filter(
            contract__territory__in=territories
        ).select_related("contract")


class RoleForm(DsfrBaseForm):
    person = forms.ModelChoiceField(label="Personne", queryset=Person.objects)
    kind = forms.ChoiceField(label="Rôle")
    start_on = forms.DateField(label="Depuis le", widget=DATE)
    end_on = forms.DateField(label="Jusqu'au", widget=DATE, required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label) for k in kinds]

    def clean(self):
        data = super().clean()
        if data.get("end_on") and data.get("start_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", "La date de fin précède la date de début.")
        return data


class RoleEndForm(DsfrBaseForm):
    end_on = forms.DateField(label="Fin le", widget=DATE)


class OrganisationForm(DsfrBaseForm):
    name = forms.CharField(label="Nom", max_length=200)
    kind = forms.ChoiceField(label="Nature", choices=OrganisationKind.choices)
    siren = forms.CharField(
        label="SIREN",
        max_length=9,
        required=False,
        validators=[validate_siren],
        help_text="9 chiffres ; la clé de contrôle est vérifiée.",
    )
    siret = forms.CharField(
        label="SIRET (établissement)", max_length=14, required=False, validators=[validate_siret]
    )
    website = forms.URLField(label="Site web", required=False, assume_scheme="https")


class PersonForm(DsfrBaseForm):
    first_name = forms.CharField(label="Prénom", max_length=100)
    last_name = forms.CharField(label="Nom", max_length=100)
    email = forms.EmailField(label="Courriel", required=False)
    phone = forms.CharField(label="Téléphone", max_length=30, required=False)
    title = forms.CharField(label="Fonction", max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Organisation.objects, required=False
    )
    public_office = forms.BooleanField(
        label="Élu ou représentant de l'État (son nom peut être publié dans ce rôle)",
        required=False,
    )


ROLE_KINDS_FOR_TERRITORY = (
    RoleKind.BINOME_ELECTED,
    RoleKind.BINOME_INDUSTRIAL,
    RoleKind.PROJECT_LEAD,
)


class OperatorRoleForm(RoleForm):
    """National roles: the national team, and instructors, who belong to an operator."""

    operator = forms.ModelChoiceField(
        label="Opérateur (pour un instructeur)",
        queryset=Organisation.objects.filter(kind=OrganisationKind.OPERATOR),
        required=False,
    )
