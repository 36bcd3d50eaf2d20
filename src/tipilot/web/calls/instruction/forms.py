"""Forms of the instruction page. They shape input; the instruction services validate."""

from django import forms

from tipilot.calls.enums import Outcome, Verdict
from tipilot.calls.selectors.instruction import display_name
from tipilot.web.forms import Form

REASON = forms.Textarea(attrs={"rows": 3})


class InstructorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display_name(obj)


class EligibilityForm(Form):
    eligible = forms.TypedChoiceField(
        label="Contrôle de recevabilité",
        choices=[("1", "Recevable"), ("0", "Irrecevable")],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Motif",
        widget=REASON,
        required=False,
        help_text="Obligatoire si la candidature est irrecevable ; communiqué au déposant.",
    )


class AssignForm(Form):
    instructor = InstructorChoiceField(
        label="Instructeur", queryset=None, empty_label="Choisir un instructeur"
    )

    def __init__(self, *args, instructors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instructor"].queryset = instructors


class UnassignForm(AssignForm):
    pass


class ScoreForm(Form):
    """One score (and comment) per criterion of the call's grid; a blank score is skipped."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        scores = scores or {}
        for criterion in criteria:
            mine = scores.get(criterion.pk)
            self.fields[f"value_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.label} (sur {criterion.max_score}, coefficient "
                f"{criterion.weight.normalize():f})",
                min_value=0,
                max_value=criterion.max_score,
                required=False,
                initial=mine.value if mine else None,
                help_text=criterion.description,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label="Appréciation",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=mine.comment if mine else "",
            )

    def clean(self):
        data = super().clean()
        if all(data.get(f"value_{c.pk}") is None for c in self.criteria):
            raise forms.ValidationError("Donnez au moins une note.")
        return data

    def scores(self):
        """(criterion, value, comment) for each criterion given a score."""
        for criterion in self.criteria:
            value = self.cleaned_data.get(f"value_{criterion.pk}")
            if value is not None:
                yield criterion, value, self.cleaned_data.get(f"comment_{criterion.pk}", "")


class OpinionForm(Form):
    verdict = forms.ChoiceField(label="Avis", choices=Verdict.choices, widget=forms.RadioSelect)
    text = forms.CharField(label="Motivation", widget=REASON)


class DecisionForm(Form):
    outcome = forms.ChoiceField(label="Décision", choices=Outcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label="Motif, communiqué au déposant", widget=REASON)
    amount_granted = forms.DecimalField(
        label="Aide accordée (€)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text="Pour un lauréat : plus de 0 € et au plus l'aide demandée.",
    )


class ReopenForm(Form):
    reason = forms.CharField(label="Motif de la réouverture, communiqué au déposant", widget=REASON)
