"""Contract forms. They only shape input; the services validate and write."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from tipilot.contracts.enums import DocumentKind, Transition
from tipilot.governance.models import Organisation, Person
from tipilot.web.forms import Form as DsfrBaseForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ContractForm(DsfrBaseForm):
    title = forms.CharField(label="Intitulé", max_length=250)
    summary = forms.CharField(label="Présentation", widget=forms.Textarea, required=False)
    planned_signature_on = forms.DateField(label="Signature prévue le", required=False, widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TransitionForm(DsfrBaseForm):
    name = forms.ChoiceField(choices=Transition.choices, widget=forms.HiddenInput)
    on = forms.DateField(label="Date d'effet", widget=DATE)
    comment = forms.CharField(
        label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    amendment_title = forms.CharField(label="Objet de l'avenant", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class DocumentForm(DsfrBaseForm):
    kind = forms.ChoiceField(label="Nature", choices=DocumentKind.choices)
    title = forms.CharField(label="Titre", max_length=250)
    file = forms.FileField(
        label="Fichier PDF",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.TIPILOT_MAX_UPLOAD_BYTES)
        self.fields["file"].help_text = f"PDF uniquement, {limit} au plus."


class SignatoryForm(DsfrBaseForm):
    organisation = forms.ModelChoiceField(label="Organisation", queryset=Organisation.objects)
    representative = forms.ModelChoiceField(
        label="Représentant", queryset=Person.objects, required=False
    )
    capacity = forms.CharField(label="En qualité de", max_length=200, required=False)
