"""The bilan's figures as documented serializers (output only: they shape the selector's dict)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.analytics.models import BilanSnapshot, ScopeLevel

from ..deployments.serializers import TargetProgressSerializer

S = serializers


def _nullable_object(properties: dict, description: str) -> dict:
    """An inline nullable object: a nullable ``$ref`` under ``allOf`` rejects null in 3.0."""
    return {
        "type": "object",
        "nullable": True,
        "description": description,
        "properties": properties,
        "required": list(properties),
    }


STR, INT, NUM = {"type": "string"}, {"type": "integer"}, {"type": "number"}
NULL_STR = {"type": "string", "nullable": True}


@extend_schema_field(_nullable_object({"code": STR, "name": STR}, "Région du bilan, ou nul"))
class ScopeRegion(S.JSONField):
    pass


@extend_schema_field(
    _nullable_object({"identifier": STR, "name": STR}, "Territoire du bilan, ou nul")
)
class ScopeTerritory(S.JSONField):
    pass


BREAKDOWN_ROW = {
    "type": "object",
    "properties": {
        "code": NULL_STR,
        "label": NULL_STR,
        "generation": NULL_STR,
        **dict.fromkeys(("actions", "engaged", "jobs_planned"), INT),
        **dict.fromkeys(("requested", "committed", "paid"), NUM),
    },
}
BREAKDOWN_ROW["required"] = list(BREAKDOWN_ROW["properties"])


@extend_schema_field(
    _nullable_object(
        {
            "level": {"type": "string", "enum": ["region", "territory"]},
            "rows": {"type": "array", "items": BREAKDOWN_ROW},
        },
        "Par région (bilan national) ou par territoire (bilan d'une région) ; nul pour un "
        "territoire. Un territoire de deux régions compte dans chacune.",
    )
)
class Breakdown(S.JSONField):
    pass


class Scope(S.Serializer):
    level = S.ChoiceField(ScopeLevel.choices, help_text="Échelle du bilan")
    label = S.CharField(help_text="Nom du périmètre")
    region = ScopeRegion(allow_null=True)
    territory = ScopeTerritory(allow_null=True)
    generation = S.CharField(allow_null=True, help_text="Code de génération, nul : toutes")


class Count(S.Serializer):
    code = S.CharField()
    label = S.CharField()
    count = S.IntegerField()


class CrossRow(S.Serializer):
    code = S.CharField(help_text="Statut")
    label = S.CharField()
    counts = S.ListField(child=S.IntegerField(), help_text="Une valeur par axe, dans l'ordre")
    total = S.IntegerField()


class Cross(S.Serializer):
    axes = S.ListField(child=S.CharField())
    rows = CrossRow(many=True)


class Actions(S.Serializer):
    total = S.IntegerField()
    engaged = S.IntegerField(help_text="Engagées, en cours ou achevées")
    by_status = Count(many=True)
    by_axis = Count(many=True)
    by_status_and_axis = Cross()


class Amounts(S.Serializer):
    requested = S.FloatField(help_text="Demandé (€)")
    committed = S.FloatField(help_text="Engagé (€)")
    paid = S.FloatField(help_text="Décaissé (€)")


class AmountRow(Amounts):
    code = S.CharField()
    label = S.CharField()


class MeasureRow(AmountRow):
    axis = S.CharField()
    envelope = S.FloatField(allow_null=True, help_text="Enveloppe annoncée (€)")
    envelope_share = S.FloatField(allow_null=True, help_text="Part de l'enveloppe engagée")


class Money(S.Serializer):
    total = Amounts()
    by_group = AmountRow(many=True, help_text="État, opérateurs, Régions, autres")
    by_category = AmountRow(many=True)
    by_measure = MeasureRow(many=True, help_text="Code vide : autres dispositifs")


class Jobs(S.Serializer):
    created_planned = S.IntegerField()
    maintained_planned = S.IntegerField()
    planned = S.IntegerField()
    created_observed = S.IntegerField()
    maintained_observed = S.IntegerField()
    observed = S.IntegerField()
    observed_actions = S.IntegerField(help_text="Actions dont les emplois constatés sont saisis")


class Relocations(S.Serializer):
    count = S.IntegerField()
    jobs = S.IntegerField(help_text="Emplois prévus des relocalisations")


class Fragile(S.Serializer):
    actions = S.IntegerField()
    actions_share = S.FloatField(allow_null=True)
    committed = S.FloatField()
    committed_share = S.FloatField(allow_null=True)


class Target(S.Serializer):
    code = S.CharField()
    label = S.CharField()
    target = S.FloatField()
    unit = S.CharField()
    measured_on = S.CharField()
    generation = S.CharField()
    source = S.CharField()
    current = S.FloatField()
    progress = S.FloatField(allow_null=True, help_text="Réalisé / objectif")


class Month(S.Serializer):
    month = S.CharField(help_text="AAAA-MM")
    committed = S.FloatField()
    committed_cumulative = S.FloatField()
    engaged = S.IntegerField()
    engaged_cumulative = S.IntegerField()


class Bilan(S.Serializer):
    """Every figure of the bilan d'étape of a scope."""

    scope = Scope()
    as_of = S.DateField(help_text="Date des chiffres")
    actions = Actions()
    money = Money()
    jobs = Jobs()
    relocations = Relocations()
    fragile = Fragile()
    targets = Target(many=True, help_text="Bilan national seulement")
    trend = Month(many=True)
    breakdown = Breakdown(allow_null=True)
    deployments = TargetProgressSerializer(
        many=True,
        required=False,
        help_text="Déploiements comptés par rapport aux objectifs (chiffres en direct ; "
        "absent des bilans arrêtés)",
    )


class SnapshotSerializer(S.ModelSerializer):
    region = S.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    territory = S.SerializerMethodField()
    generation = S.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = BilanSnapshot
        fields = ["id", "title", "level", "region", "territory", "generation", "as_of"]
        fields += ["published_at"]

    def get_territory(self, snapshot) -> str | None:
        return snapshot.territory.identifier if snapshot.territory else None


class SnapshotDetailSerializer(SnapshotSerializer):
    figures = Bilan()

    class Meta(SnapshotSerializer.Meta):
        fields = [*SnapshotSerializer.Meta.fields, "figures"]
