"""Calls (public part) and laureates in the API. Open data: nothing here names a person — no
applicant account, no instructor, no opinion author; applications appear only as counts."""

import datetime as dt

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.calls.enums import ApplicationStatus, QuestionKind
from tipilot.calls.models import Application, Call, CallWindow, Criterion, Question
from tipilot.calls.selectors.laureates import (
    STATUS_COUNTED,
    application_counts,
    decided_on,
    region_of,
)

MONEY = {"max_digits": 16, "decimal_places": 2, "read_only": True}


class CallWindowSerializer(serializers.ModelSerializer):
    class Meta:
        model = CallWindow
        fields = ["name", "opens_at", "closes_at"]
        read_only_fields = fields


@extend_schema_field(
    {
        "type": "string",
        "enum": QuestionKind.values,
        "description": " · ".join(f"`{v}` {label}" for v, label in QuestionKind.choices),
    },
    component_name="QuestionKindEnum",
)
class QuestionKindField(serializers.ChoiceField):
    """The question's kind, as its own schema component (« kind » is a common name)."""

    def __init__(self, **kwargs):
        super().__init__(choices=QuestionKind.choices, **kwargs)


class CallQuestionSerializer(serializers.ModelSerializer):
    kind = QuestionKindField(read_only=True, help_text="Type de réponse")
    choices = serializers.ListField(child=serializers.CharField(), help_text="Choix proposés")

    class Meta:
        model = Question
        fields = ["position", "label", "help_text", "kind", "required", "choices"]
        read_only_fields = fields


class CallCriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["position", "label", "description", "weight", "max_score"]
        read_only_fields = fields


class CallEligibilitySerializer(serializers.Serializer):
    requires_labelled_territory = serializers.BooleanField(
        help_text="Le projet doit se situer dans un territoire d'industrie labellisé"
    )
    regions = serializers.ListField(
        child=serializers.CharField(), help_text="Codes des régions éligibles (vide : toutes)"
    )
    applicant_kinds = serializers.ListField(
        child=serializers.CharField(), help_text="Natures de porteurs éligibles (vide : toutes)"
    )
    naf_prefixes = serializers.ListField(
        child=serializers.CharField(), help_text="Secteurs NAF éligibles (vide : tous)"
    )
    amount_min = serializers.DecimalField(allow_null=True, **MONEY)
    amount_max = serializers.DecimalField(allow_null=True, **MONEY)


class CallApplicationCountsSerializer(serializers.Serializer):
    """Nombre de candidatures par statut (les brouillons, privés, ne sont jamais comptés)."""

    def get_fields(self):
        return {
            status: serializers.IntegerField(help_text=ApplicationStatus(status).label)
            for status in STATUS_COUNTED
        }


class CallSerializer(serializers.ModelSerializer):
    measure = serializers.CharField(source="measure.code", help_text="Code de la mesure")
    operator_name = serializers.CharField(source="operator.name", help_text="Opérateur")
    operator_siren = serializers.CharField(source="operator.siren")
    windows = CallWindowSerializer(many=True, help_text="Périodes de dépôt (vagues), ISO 8601")
    eligibility = serializers.SerializerMethodField()
    questions = CallQuestionSerializer(many=True, help_text="Formulaire de candidature")
    criteria = CallCriterionSerializer(many=True, help_text="Grille de notation")
    application_counts = serializers.SerializerMethodField()
    laureate_count = serializers.IntegerField(read_only=True, help_text="Lauréats")
    amount_granted = serializers.DecimalField(
        source="amount_granted_total", help_text="Aides accordées aux lauréats (€)", **MONEY
    )

    class Meta:
        model = Call
        fields = [
            "slug", "title", "summary", "description", "measure", "operator_name",
            "operator_siren", "funder_category", "budget", "published_at", "windows",
            "eligibility", "questions", "criteria", "application_counts", "laureate_count",
            "amount_granted", "is_demo",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CallEligibilitySerializer)
    def get_eligibility(self, call: Call) -> dict:
        return CallEligibilitySerializer(
            {
                "requires_labelled_territory": call.requires_labelled_territory,
                "regions": [r.code for r in call.regions.all()],
                "applicant_kinds": call.applicant_kinds,
                "naf_prefixes": call.naf_prefixes,
                "amount_min": call.amount_min,
                "amount_max": call.amount_max,
            }
        ).data

    @extend_schema_field(CallApplicationCountsSerializer)
    def get_application_counts(self, call: Call) -> dict:
        return application_counts(call)


class LaureateSerializer(serializers.ModelSerializer):
    call = serializers.CharField(source="call.slug", help_text="Adresse de l'appel")
    organisation_name = serializers.CharField(
        source="organisation.name", allow_null=True, help_text="Porteur"
    )
    organisation_siren = serializers.CharField(source="organisation.siren", allow_null=True)
    commune = serializers.CharField(
        source="commune.insee_code", allow_null=True, help_text="Code INSEE de la commune"
    )
    territory = serializers.CharField(
        source="territory.identifier", allow_null=True, help_text="Territoire, ex. ti-8401"
    )
    region = serializers.SerializerMethodField(help_text="Code INSEE de la région")
    decided_on = serializers.SerializerMethodField(help_text="Date de la décision (Paris)")
    action = serializers.CharField(
        source="action.external_id", allow_null=True, help_text="Identifiant de la fiche action"
    )

    class Meta:
        model = Application
        fields = [
            "reference", "call", "title", "organisation_name", "organisation_siren",
            "commune", "territory", "region", "amount_requested", "amount_granted",
            "jobs_created_planned", "jobs_maintained_planned", "is_relocation", "decided_on",
            "action", "is_demo",
        ]  # fmt: skip
        read_only_fields = fields

    def get_region(self, application: Application) -> str:
        return region_of(application)

    @extend_schema_field(OpenApiTypes.DATE)
    def get_decided_on(self, application: Application) -> dt.date | None:
        return decided_on(application)
