"""Forms of the measures and fiches actions pages. They shape input; the services validate."""

from django import forms

from tipilot.actions.enums import ActionTransition, Decision, FunderCategory, Nature, Phase
from tipilot.actions.models import Axis, Measure, Tag, naf_code
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation
from tipilot.web.forms import Form

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EUROS = {"min_value": 0, "max_digits": 14, "decimal_places": 2}


def _organisations():
    return Organisation.objects.only("id", "name", "siren").order_by("name", "pk")


class ActionForm(Form):
    title = forms.CharField(label="Intitulé", max_length=300)
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    axis = forms.ModelChoiceField(label="Axe", queryset=Axis.objects.all())
    measures = forms.ModelMultipleChoiceField(
        label="Mesures mobilisées",
        queryset=Measure.objects.select_related("axis"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lead = forms.ModelChoiceField(label="Porteur", queryset=_organisations(), required=False)
    nature = forms.ChoiceField(label="Maîtrise d'ouvrage", choices=Nature.choices)
    commune = forms.CharField(
        label="Commune (code INSEE)", max_length=5, required=False, help_text="Ex. : 01053"
    )
    naf_code = forms.CharField(
        label="Secteur (code NAF)", max_length=6, required=False, help_text="Ex. : 25.62A"
    )
    total_cost = forms.DecimalField(label="Coût total (€)", required=False, **EUROS)
    jobs_created_planned = forms.IntegerField(label="Emplois créés prévus", min_value=0)
    jobs_maintained_planned = forms.IntegerField(label="Emplois maintenus prévus", min_value=0)
    jobs_created_observed = forms.IntegerField(
        label="Emplois créés constatés", min_value=0, required=False
    )
    jobs_maintained_observed = forms.IntegerField(
        label="Emplois maintenus constatés", min_value=0, required=False
    )
    is_relocation = forms.BooleanField(label="Relocalisation", required=False)
    is_fragile_territory = forms.BooleanField(label="En territoire fragile", required=False)
    tags = forms.ModelMultipleChoiceField(
        label="Thèmes",
        queryset=Tag.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_commune(self):
        code = self.cleaned_data["commune"].strip()
        if not code:
            return None
        commune = Commune.objects.filter(insee_code=code).first()
        if commune is None:
            raise forms.ValidationError(f"Aucune commune n'a le code INSEE « {code} ».")
        return commune

    def clean_naf_code(self):
        code = self.cleaned_data["naf_code"].strip().upper()
        if code:
            naf_code(code)
        return code


def action_initial(action) -> dict:
    initial = {name: getattr(action, name) for name in ActionForm.base_fields}
    initial["commune"] = action.commune.insee_code if action.commune else ""
    initial["measures"] = list(action.measures.all())
    initial["tags"] = list(action.tags.all())
    return initial


class TransitionForm(Form):
    name = forms.ChoiceField(choices=ActionTransition.choices, widget=forms.HiddenInput)
    on = forms.DateField(label="Date d'effet", widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class PlanForm(Form):
    """What is asked of whom: the territory team's part of a funding line."""

    funder_category = forms.ChoiceField(
        label="Catégorie de financeur", choices=FunderCategory.choices
    )
    funder = forms.ModelChoiceField(label="Financeur", queryset=_organisations(), required=False)
    measure = forms.ModelChoiceField(
        label="Mesure du programme",
        queryset=Measure.objects.select_related("axis"),
        required=False,
    )
    instrument = forms.CharField(label="Autre dispositif", max_length=200, required=False)
    amount_requested = forms.DecimalField(label="Montant demandé (€)", **EUROS)
    requested_on = forms.DateField(label="Demandé le", required=False, widget=DATE)
    comment = forms.CharField(label="Commentaire", max_length=500, required=False)


class DecisionForm(Form):
    """The funder's answer: the instructor's (or a pilot's) part of a funding line."""

    decision = forms.ChoiceField(label="Décision", choices=Decision.choices)
    amount_committed = forms.DecimalField(label="Montant engagé (€)", **EUROS)
    committed_on = forms.DateField(label="Engagé le", required=False, widget=DATE)
    amount_paid = forms.DecimalField(label="Montant décaissé (€)", **EUROS)
    paid_on = forms.DateField(label="Dernier décaissement le", required=False, widget=DATE)


def line_initial(line, form_class) -> dict:
    return {name: getattr(line, name) for name in form_class.base_fields}


class MeasureForm(Form):
    name = forms.CharField(label="Nom", max_length=250)
    axis = forms.ModelChoiceField(label="Axe", queryset=Axis.objects.all())
    description = forms.CharField(label="Description", widget=forms.Textarea, required=False)
    operators = forms.ModelMultipleChoiceField(
        label="Opérateurs", queryset=_organisations(), required=False
    )
    phase = forms.ChoiceField(label="Phase", choices=Phase.choices)
    envelope = forms.DecimalField(label="Enveloppe (€)", required=False, **EUROS)
    envelope_note = forms.CharField(
        label="Précision sur l'enveloppe", max_length=300, required=False
    )
    target = forms.CharField(label="Objectif annoncé", max_length=300, required=False)
    start_year = forms.IntegerField(label="Année de début", min_value=2000, max_value=2100)
    end_year = forms.IntegerField(
        label="Année de fin", min_value=2000, max_value=2100, required=False
    )
    source = forms.CharField(label="Source", max_length=300, required=False)


def measure_initial(measure) -> dict:
    initial = {name: getattr(measure, name) for name in MeasureForm.base_fields}
    initial["operators"] = list(measure.operators.all())
    return initial
