"""Forms of the France Expérimentation pages: the list's filters, a request."""

from django import forms

from tipilot.experimentation.enums import RequestStatus, Theme
from tipilot.experimentation.selectors import RequestFilters
from tipilot.governance.models import Organisation
from tipilot.territories.enums import TerritoryStatus
from tipilot.territories.models import Territory
from tipilot.web.forms import Form, region_choices, territory_identifier_field

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FilterForm(forms.Form):
    q = forms.CharField(label="Recherche", required=False, max_length=200)
    theme = forms.ChoiceField(label="Thème", required=False)
    statut = forms.ChoiceField(label="Statut", required=False)
    region = forms.ChoiceField(label="Région", required=False)
    territoire = territory_identifier_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Tous"), *Theme.choices]
        self.fields["statut"].choices = [("", "Tous"), *RequestStatus.choices]
        self.fields["region"].choices = region_choices()

    def filters(self) -> RequestFilters:
        data = self.cleaned_data if self.is_bound else {}
        return RequestFilters(
            q=(data.get("q") or "").strip(),
            theme=data.get("theme") or "",
            status=data.get("statut") or "",
            region=data.get("region") or "",
            territory=data.get("territoire") or "",
        )


class TerritoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.identifier}, {obj.generation.code})"


class RequestForm(Form):
    title = forms.CharField(label="Intitulé", max_length=250)
    theme = forms.ChoiceField(label="Thème", choices=Theme.choices)
    rule = forms.CharField(label="Règle concernée", widget=forms.Textarea(attrs={"rows": 3}))
    legal_reference = forms.CharField(
        label="Référence juridique",
        max_length=250,
        help_text="Ex. : Code de l'environnement, art. R. 512-46-4",
    )
    project = forms.CharField(label="Projet bloqué", widget=forms.Textarea(attrs={"rows": 4}))
    territory = TerritoryChoice(
        label="Territoire d'industrie",
        queryset=Territory.objects.filter(status=TerritoryStatus.LABELLED)
        .select_related("generation")
        .defer("outline", "search_text")
        .order_by("-generation__start_year", "identifier"),
        required=False,
    )
    applicant = forms.ModelChoiceField(
        label="Demandeur (organisation)",
        queryset=Organisation.objects.only("id", "name").order_by("name", "pk"),
        required=False,
    )
    submitted_on = forms.DateField(label="Déposée le", widget=DATE)
    status = forms.ChoiceField(label="Statut", choices=RequestStatus.choices)
    answer = forms.CharField(
        label="Réponse", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    answered_on = forms.DateField(label="Réponse le", widget=DATE, required=False)
    follow_up = forms.CharField(
        label="Suite donnée", max_length=300, required=False, help_text="Ex. : décret n° …"
    )
    is_public = forms.BooleanField(label="Publier la demande et sa réponse", required=False)


def request_initial(request) -> dict:
    return {name: getattr(request, name) for name in RequestForm.base_fields}
