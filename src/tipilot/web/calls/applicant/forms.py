"""The applicant's forms: account, new draft, the draft itself (fixed fields and questions).

A draft is saved as it is typed, so every field is optional here: what a submission needs is
listed on the page and checked by ``application_submit``. Fields needed to submit say so.
"""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q
from django.urls import reverse
from dsfr.utils import dsfr_input_class_attr

from tipilot.actions.models import naf_code
from tipilot.calls.enums import QuestionKind
from tipilot.calls.services.applications import APPLICANT_KINDS, DRAFT_FIELDS
from tipilot.core.identifiers import validate_siren
from tipilot.geo.models import Commune
from tipilot.governance.enums import OrganisationKind
from tipilot.web.forms import Form

NEEDED = "Obligatoire pour déposer."
EUROS = {"min_value": 0, "max_digits": 14, "decimal_places": 2}
EXISTS = (
    "Un compte existe déjà avec cette adresse : connectez-vous ou réinitialisez votre mot de passe."
)


class SignupForm(Form):
    email = forms.EmailField(label="Adresse électronique", max_length=150)
    first_name = forms.CharField(label="Prénom", max_length=150)
    last_name = forms.CharField(label="Nom", max_length=150)
    password1 = forms.CharField(
        label="Mot de passe",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Confirmation du mot de passe",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    terms = forms.BooleanField(
        label="J'accepte les conditions d'utilisation de tipilot",
        error_messages={"required": "Acceptez les conditions d'utilisation pour continuer."},
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model().objects
        if users.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
            raise forms.ValidationError(EXISTS)
        return email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "Les deux mots de passe diffèrent.")
        elif first:
            future = get_user_model()(
                username=data.get("email", ""),
                email=data.get("email", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, future)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


def kind_choices(call) -> list[tuple[str, str]]:
    kinds = call.applicant_kinds or list(APPLICANT_KINDS)
    return [("", "— Choisissez —")] + [(k, OrganisationKind(k).label) for k in kinds]


class OrganisationFields(forms.Form):
    """The applicant's organisation: SIREN (Luhn-checked), name, nature."""

    siren = forms.CharField(label="SIREN du porteur", max_length=11, required=False)
    organisation_name = forms.CharField(
        label="Raison sociale ou nom", max_length=200, required=False
    )
    organisation_kind = forms.ChoiceField(label="Nature du porteur", required=False)

    def clean_siren(self) -> str:
        siren = self.cleaned_data["siren"].replace(" ", "")
        if siren:
            validate_siren(siren)
        return siren


class StartForm(OrganisationFields, Form):
    title = forms.CharField(label="Intitulé du projet", max_length=300)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_kind"].choices = kind_choices(call)
        self.order_fields(["title"])


def find_commune(text: str) -> Commune:
    """A commune by INSEE code, or by name when only one bears it."""
    text = text.strip()
    match = Commune.objects.filter(insee_code=text, dissolved=False).first()
    if match is not None:
        return match
    named = list(Commune.objects.filter(name__iexact=text, dissolved=False)[:6])
    if len(named) == 1:
        return named[0]
    if named:
        listed = ", ".join(f"{c.name} ({c.insee_code})" for c in named)
        raise forms.ValidationError(
            f"Plusieurs communes portent ce nom : {listed}. Indiquez le code INSEE."
        )
    raise forms.ValidationError(f"Aucune commune ne correspond à « {text} » (nom ou code INSEE).")


def question_field(question) -> forms.Field:
    """The form field of a call's question, by its kind."""
    help_text = " ".join(t for t in (question.help_text, NEEDED if question.required else "") if t)
    common = {"label": question.label, "help_text": help_text, "required": False}
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(max_length=300, **common)
    if kind == QuestionKind.LONG_TEXT:
        return forms.CharField(max_length=10_000, widget=forms.Textarea, **common)
    if kind == QuestionKind.AMOUNT:
        return forms.DecimalField(**EUROS, **common)
    if kind == QuestionKind.NUMBER:
        return forms.IntegerField(min_value=0, **common)
    if kind == QuestionKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == QuestionKind.YES_NO:
        choices = [("oui", "Oui"), ("non", "Non")]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.CHOICE:
        choices = [(c, c) for c in question.choices]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.MULTIPLE_CHOICE:
        choices = [(c, c) for c in question.choices]
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.FileField(**common)


def answer_initial(question, answer):
    if answer is None or answer.value is None:
        return None
    if question.kind == QuestionKind.YES_NO:
        return "oui" if answer.value else "non"
    return answer.value


class DraftForm(OrganisationFields, Form):
    """The fixed fields every call asks, then the call's own questions (``q<pk>``)."""

    title = forms.CharField(label="Intitulé du projet", max_length=300, help_text=NEEDED)
    summary = forms.CharField(
        label="Résumé du projet", widget=forms.Textarea, required=False, help_text=NEEDED
    )
    commune = forms.CharField(
        label="Commune du projet",
        max_length=200,
        required=False,
        help_text="Code INSEE ou nom, par ex. « 01053 » ou « Bourg-en-Bresse ». " + NEEDED,
    )
    naf_code = forms.CharField(
        label="Secteur (code NAF)", max_length=6, required=False, help_text="Ex. : 25.62A"
    )
    amount_requested = forms.DecimalField(
        label="Aide demandée (€)", required=False, help_text=NEEDED, **EUROS
    )
    total_cost = forms.DecimalField(
        label="Coût total du projet (€)", required=False, help_text=NEEDED, **EUROS
    )
    jobs_created_planned = forms.IntegerField(
        label="Emplois créés prévus", min_value=0, required=False
    )
    jobs_maintained_planned = forms.IntegerField(
        label="Emplois maintenus prévus", min_value=0, required=False
    )
    is_relocation = forms.BooleanField(label="Il s'agit d'une relocalisation", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    FIXED = DRAFT_FIELDS  # the fields every call asks, as the service saves them

    def __init__(self, *args, call, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_kind"].choices = kind_choices(call)
        self.fields["commune"].widget.attrs.update(
            {
                "list": "commune-options",
                "autocomplete": "off",
                "hx-get": reverse("commune-search"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#commune-options",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = question_field(question)
            dsfr_input_class_attr(self[f"q{question.pk}"])

    def get_context(self) -> dict:
        context = super().get_context()
        context["DSFR_MARK_OPTIONAL_FIELDS"] = False  # a draft: NEEDED says what a deposit needs
        return context

    def clean_commune(self):
        text = self.cleaned_data["commune"].strip()
        return find_commune(text) if text else None

    def clean_naf_code(self) -> str:
        code = self.cleaned_data["naf_code"].strip().upper()
        if code:
            naf_code(code)
        return code

    def clean(self):
        data = super().clean()
        siren = data.get("siren")
        if siren and "siren" not in self.errors:
            needs_name = not data.get("organisation_name")
            if needs_name and not _known_siren(siren):
                self.add_error("organisation_name", "Indiquez le nom du porteur.")
            if not data.get("organisation_kind") and not _known_siren(siren):
                self.add_error("organisation_kind", "Choisissez la nature du porteur.")
        return data


def _known_siren(siren: str) -> bool:
    from tipilot.governance.models import Organisation

    return Organisation.objects.filter(siren=siren).exists()


def draft_initial(application, answers) -> dict:
    initial = {name: getattr(application, name) for name in DraftForm.FIXED}
    initial["commune"] = application.commune.insee_code if application.commune else ""
    initial["version"] = application.version
    organisation = application.organisation
    if organisation is not None:
        initial.update(
            siren=organisation.siren,
            organisation_name=organisation.name,
            organisation_kind=organisation.kind,
        )
    for question in application.call.questions.all():
        if question.kind != QuestionKind.FILE:
            initial[f"q{question.pk}"] = answer_initial(question, answers.get(question.pk))
    return initial
