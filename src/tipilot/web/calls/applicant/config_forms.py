"""Forms of the call configuration page: general fields and rules, windows, questions, grid.

Windows are typed as Paris wall-clock dates and times; a time that does not exist or exists
twice on a DST night is refused by ``calls.deadlines.paris_datetime``.
"""

import datetime as dt
from decimal import Decimal

from django import forms

from tipilot.actions.enums import FunderCategory
from tipilot.actions.models import Measure
from tipilot.calls.deadlines import paris_datetime, paris_local
from tipilot.calls.enums import QuestionKind
from tipilot.calls.services.applications import APPLICANT_KINDS
from tipilot.calls.services.configuration import clean_naf_prefixes
from tipilot.geo.models import Region
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation
from tipilot.territories.models import Generation
from tipilot.web.forms import Form

EUROS = {"min_value": 0, "max_digits": 14, "decimal_places": 2}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "step": "1"}, format="%H:%M:%S")


class CallForm(Form):
    title = forms.CharField(label="Intitulé", max_length=250)
    slug = forms.SlugField(
        label="Adresse", max_length=80, help_text="Dans l'adresse de l'appel : /appels/<adresse>/"
    )
    summary = forms.CharField(label="Résumé", max_length=400, widget=forms.Textarea({"rows": 2}))
    description = forms.CharField(label="Présentation", widget=forms.Textarea, required=False)
    measure = forms.ModelChoiceField(label="Mesure", queryset=Measure.objects.all())
    operator = forms.ModelChoiceField(
        label="Opérateur",
        queryset=Organisation.objects.filter(kind=OrganisationKind.OPERATOR).order_by("name"),
    )
    funder_category = forms.ChoiceField(
        label="Catégorie du financeur des lauréats", choices=FunderCategory.choices
    )
    budget = forms.DecimalField(label="Enveloppe de l'appel (€)", required=False, **EUROS)
    requires_labelled_territory = forms.BooleanField(
        label="Le projet doit se situer dans un territoire d'industrie labellisé", required=False
    )
    generation = forms.ModelChoiceField(
        label="Génération de territoires",
        queryset=Generation.objects.all(),
        required=False,
        empty_label="La génération en cours",
    )
    regions = forms.ModelMultipleChoiceField(
        label="Régions éligibles",
        queryset=Region.objects.filter(dissolved=False).only("code", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune cochée : toutes les régions.",
    )
    applicant_kinds = forms.MultipleChoiceField(
        label="Natures de porteurs éligibles",
        choices=[(k.value, k.label) for k in APPLICANT_KINDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune cochée : toutes.",
    )
    naf_prefixes = forms.CharField(
        label="Secteurs éligibles (codes NAF)",
        required=False,
        help_text="Séparés par des virgules, par ex. « 10, 25.62, 28 » (vide : tous).",
    )
    amount_min = forms.DecimalField(label="Aide minimale (€)", required=False, **EUROS)
    amount_max = forms.DecimalField(label="Aide maximale (€)", required=False, **EUROS)

    def clean_naf_prefixes(self) -> list[str]:
        typed = self.cleaned_data["naf_prefixes"].replace(";", ",").split(",")
        try:
            return clean_naf_prefixes(typed)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.message_dict["naf_prefixes"]) from None


def call_initial(call) -> dict:
    initial = {name: getattr(call, name) for name in CallForm.base_fields if name != "regions"}
    initial["regions"] = list(call.regions.all())
    initial["naf_prefixes"] = ", ".join(call.naf_prefixes or [])
    return initial


class RowForm(Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)


class WindowForm(RowForm):
    name = forms.CharField(label="Nom", max_length=100, help_text="Par ex. « Vague 1 ».")
    opens_on = forms.DateField(label="Ouverture le", widget=DATE)
    opens_time = forms.TimeField(
        label="à (heure de Paris)", widget=TIME, initial=dt.time(0, 0), required=False
    )
    closes_on = forms.DateField(label="Clôture le", widget=DATE)
    closes_time = forms.TimeField(
        label="à (heure de Paris)", widget=TIME, initial=dt.time(23, 59, 59), required=False
    )

    def clean(self):
        data = super().clean()
        for prefix, default in (("opens", dt.time(0, 0)), ("closes", dt.time(23, 59, 59))):
            day, time = data.get(f"{prefix}_on"), data.get(f"{prefix}_time") or default
            if day is None:
                continue
            try:
                data[f"{prefix}_at"] = paris_datetime(day, time)
            except forms.ValidationError as error:
                self.add_error(f"{prefix}_time", error)
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_on", "La clôture doit suivre l'ouverture.")
        return data


def window_initial(window) -> dict:
    opens, closes = paris_local(window.opens_at), paris_local(window.closes_at)
    return {
        "id": window.pk,
        "name": window.name,
        "opens_on": opens.date(),
        "opens_time": opens.time(),
        "closes_on": closes.date(),
        "closes_time": closes.time(),
    }


class QuestionForm(RowForm):
    label = forms.CharField(label="Question", max_length=300)
    help_text = forms.CharField(label="Aide", max_length=500, required=False)
    kind = forms.ChoiceField(label="Type de réponse", choices=QuestionKind.choices)
    choices = forms.CharField(
        label="Choix proposés",
        widget=forms.Textarea({"rows": 3}),
        required=False,
        help_text="Un par ligne ; seulement pour les questions à choix.",
    )
    required = forms.BooleanField(label="Obligatoire", required=False, initial=True)
    position = forms.IntegerField(label="Ordre", min_value=0, required=False)

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


def question_initial(question) -> dict:
    initial = {name: getattr(question, name) for name in QuestionForm.base_fields}
    initial["choices"] = "\n".join(question.choices or [])
    return initial


class CriterionForm(RowForm):
    label = forms.CharField(label="Critère", max_length=200)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea({"rows": 2})
    )
    weight = forms.DecimalField(
        label="Coefficient", min_value=Decimal("0.01"), max_digits=5, decimal_places=2, initial=1
    )
    max_score = forms.IntegerField(label="Note maximale", min_value=1, max_value=100, initial=5)
    position = forms.IntegerField(label="Ordre", min_value=0, required=False)


def criterion_initial(criterion) -> dict:
    return {name: getattr(criterion, name) for name in CriterionForm.base_fields}


WindowFormSet = forms.formset_factory(WindowForm, extra=1, can_delete=True)
QuestionFormSet = forms.formset_factory(QuestionForm, extra=2, can_delete=True)
CriterionFormSet = forms.formset_factory(CriterionForm, extra=1, can_delete=True)
