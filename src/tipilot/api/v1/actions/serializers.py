"""Measures, fiches actions and funding lines in the API, and the inputs of the writes.

Open data: nothing here names a person. A funding line's ``decided_by`` is never output; the
porteur and the funders are organisations (name and SIREN).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.actions.enums import ActionStatus, ActionTransition
from tipilot.actions.models import Action, Axis, FundingLine, Measure, Tag
from tipilot.geo.models import Commune
from tipilot.governance.models import Organisation

from ..contracts.serializers import TerritoryRefSerializer

MONEY = {"max_digits": 16, "decimal_places": 2, "read_only": True}


@extend_schema_field(
    {
        "type": "string",
        "enum": ActionStatus.values,
        "description": " · ".join(f"`{v}` {label}" for v, label in ActionStatus.choices),
    },
    component_name="ActionStatusEnum",
)
class ActionStatusField(serializers.ChoiceField):
    """The action's status, as its own schema component: drf-spectacular's automatic
    ``status`` enum name would collide with the territories' one."""

    def __init__(self, **kwargs):
        super().__init__(choices=ActionStatus.choices, **kwargs)


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "siren"]


class MeasureSerializer(serializers.ModelSerializer):
    axis = serializers.CharField(source="axis.code", help_text="Code de l'axe")
    axis_name = serializers.CharField(source="axis.name")
    operators = OrganisationRefSerializer(many=True)
    requested = serializers.DecimalField(help_text="Demandé sur les fiches actions (€)", **MONEY)
    committed = serializers.DecimalField(help_text="Engagé (€)", **MONEY)
    paid = serializers.DecimalField(help_text="Décaissé (€)", **MONEY)
    action_count = serializers.IntegerField(help_text="Fiches actions qui la mobilisent")

    class Meta:
        model = Measure
        fields = [
            "id", "code", "name", "axis", "axis_name", "description", "operators", "phase",
            "envelope", "envelope_note", "target", "start_year", "end_year", "source",
            "requested", "committed", "paid", "action_count",
        ]  # fmt: skip
        read_only_fields = fields


class FundingLineSerializer(serializers.ModelSerializer):
    action = serializers.CharField(source="action.external_id", help_text="Fiche action")
    funder_name = serializers.CharField(source="funder.name", allow_null=True, read_only=True)
    funder_siren = serializers.CharField(source="funder.siren", allow_null=True, read_only=True)
    measure = serializers.CharField(
        source="measure.code", allow_null=True, help_text="Code de la mesure du programme"
    )

    class Meta:
        model = FundingLine
        fields = [
            "id", "action", "position", "funder_category", "funder", "funder_name",
            "funder_siren", "measure", "instrument",
            "amount_requested", "amount_committed", "amount_paid", "requested_on", "decision",
            "committed_on", "paid_on", "comment",
        ]  # fmt: skip
        read_only_fields = fields


class ActionSerializer(serializers.ModelSerializer):
    territory = TerritoryRefSerializer()
    axis = serializers.CharField(source="axis.code", help_text="Code de l'axe")
    measures = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    tags = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    lead_name = serializers.CharField(
        source="lead.name", allow_null=True, read_only=True, help_text="Porteur"
    )
    lead_siren = serializers.CharField(source="lead.siren", allow_null=True, read_only=True)
    commune = serializers.CharField(
        source="commune.insee_code", allow_null=True, help_text="Code INSEE"
    )
    status = ActionStatusField(read_only=True, help_text="Statut de la fiche")
    status_label = serializers.CharField(source="get_status_display")
    requested = serializers.DecimalField(help_text="Total demandé au plan (€)", **MONEY)
    committed = serializers.DecimalField(help_text="Total engagé (€)", **MONEY)
    paid = serializers.DecimalField(help_text="Total décaissé (€)", **MONEY)

    class Meta:
        model = Action
        fields = [
            "external_id", "territory", "contract", "title", "description", "axis", "measures",
            "lead", "lead_name", "lead_siren", "nature", "status", "status_label", "engaged_on",
            "started_on", "completed_on", "abandoned_on", "commune", "naf_code", "total_cost",
            "jobs_created_planned", "jobs_maintained_planned", "jobs_created_observed",
            "jobs_maintained_observed", "is_relocation", "is_fragile_territory", "tags",
            "requested", "committed", "paid", "version", "is_demo", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class ActionDetailSerializer(ActionSerializer):
    funding_lines = FundingLineSerializer(many=True, help_text="Plan de financement")

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "funding_lines"]
        read_only_fields = fields


class ActionWriteSerializer(serializers.Serializer):
    """The editable fields of an action (``status`` moves only through ``transition``)."""

    title = serializers.CharField(max_length=300, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    axis = serializers.SlugRelatedField(
        slug_field="code", queryset=Axis.objects.all(), required=False
    )
    measures = serializers.SlugRelatedField(
        slug_field="code", queryset=Measure.objects.all(), many=True, required=False
    )
    tags = serializers.SlugRelatedField(
        slug_field="slug", queryset=Tag.objects.all(), many=True, required=False
    )
    lead = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    nature = serializers.ChoiceField(
        choices=Action._meta.get_field("nature").choices, required=False
    )
    commune = serializers.SlugRelatedField(
        slug_field="insee_code", queryset=Commune.objects.all(), required=False, allow_null=True
    )
    naf_code = serializers.CharField(max_length=6, required=False, allow_blank=True)
    total_cost = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    jobs_created_planned = serializers.IntegerField(min_value=0, required=False)
    jobs_maintained_planned = serializers.IntegerField(min_value=0, required=False)
    jobs_created_observed = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    jobs_maintained_observed = serializers.IntegerField(
        min_value=0, required=False, allow_null=True
    )
    is_relocation = serializers.BooleanField(required=False)
    is_fragile_territory = serializers.BooleanField(required=False)


class ActionCreateSerializer(ActionWriteSerializer):
    generation = serializers.CharField(help_text="Génération du territoire, ex. 2023-2027")
    territory = serializers.CharField(help_text="Identifiant du territoire, ex. ti-8401")
    external_id = serializers.CharField(
        max_length=60, required=False, allow_blank=True, help_text="Attribué si absent"
    )
    title = serializers.CharField(max_length=300)
    axis = serializers.SlugRelatedField(slug_field="code", queryset=Axis.objects.all())
    nature = serializers.ChoiceField(choices=Action._meta.get_field("nature").choices)


class ActionUpdateSerializer(ActionWriteSerializer):
    version = serializers.IntegerField(
        help_text="La version lue avant modification : 409 si quelqu'un a enregistré entre-temps"
    )


class ActionTransitionSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=ActionTransition.choices, help_text="La transition")
    on = serializers.DateField(required=False, help_text="Date d'effet ; aujourd'hui par défaut")
    version = serializers.IntegerField(
        required=False, allow_null=True, help_text="Si donnée : 409 si la fiche a changé"
    )


class FundingLineWriteSerializer(serializers.Serializer):
    """Plan fields (territory team, pilots) and decision fields (funder's instructor, pilots)."""

    funder_category = serializers.ChoiceField(
        choices=FundingLine._meta.get_field("funder_category").choices, required=False
    )
    funder = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    measure = serializers.SlugRelatedField(
        slug_field="code", queryset=Measure.objects.all(), required=False, allow_null=True
    )
    instrument = serializers.CharField(max_length=200, required=False, allow_blank=True)
    amount_requested = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False
    )
    requested_on = serializers.DateField(required=False, allow_null=True)
    comment = serializers.CharField(max_length=500, required=False, allow_blank=True)
    decision = serializers.ChoiceField(
        choices=FundingLine._meta.get_field("decision").choices, required=False
    )
    amount_committed = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False
    )
    committed_on = serializers.DateField(required=False, allow_null=True)
    amount_paid = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, required=False
    )
    paid_on = serializers.DateField(required=False, allow_null=True)


class FundingLineCreateSerializer(FundingLineWriteSerializer):
    funder_category = serializers.ChoiceField(
        choices=FundingLine._meta.get_field("funder_category").choices
    )
