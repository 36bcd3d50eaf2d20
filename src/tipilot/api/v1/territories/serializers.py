from django.urls import reverse as django_reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from tipilot.geo.enums import EpciKind
from tipilot.territories.models import Membership, Territory, TerritoryChange, Wave


def page_url(territory: Territory) -> str:
    """The territory's public page (the path, as the map's links use it)."""
    path = django_reverse("territory-detail", kwargs={"identifier": territory.identifier})
    return f"{path}?generation={territory.generation.code}"


# Described inline: a nullable reference to a component is not valid OpenAPI 3.0.
WAVE_SCHEMA = {
    "type": "object",
    "properties": {
        "period_label": {"type": "string", "description": "Période annoncée, ex. « juillet 2019 »"},
        "date": {"type": "string", "format": "date", "nullable": True},
        "cumulative_count": {"type": "integer", "description": "Territoires labellisés (cumul)"},
    },
    "required": ["period_label", "date", "cumulative_count"],
}


@extend_schema_field(WAVE_SCHEMA)
class WaveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wave
        fields = ["period_label", "date", "cumulative_count"]


class TerritorySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Détail du territoire dans l'API")
    page_url = serializers.SerializerMethodField(help_text="Page publique du territoire")
    generation = serializers.CharField(source="generation.code", help_text="Code de génération")
    status_label = serializers.CharField(source="get_status_display", help_text="Statut en clair")
    wave = WaveSerializer(allow_null=True, help_text="Vague de labellisation, si connue")
    regions = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, help_text="Codes INSEE des régions"
    )
    departments = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True, help_text="Codes des départements"
    )

    class Meta:
        model = Territory
        fields = [
            "url",
            "page_url",
            "generation",
            "identifier",
            "name",
            "status",
            "status_label",
            "labelled_on",
            "withdrawn_on",
            "wave",
            "regions",
            "departments",
            "population",
            "commune_count",
            "member_count",
            "is_demo",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, territory: Territory) -> str:
        kwargs = {"generation": territory.generation.code, "identifier": territory.identifier}
        return reverse("api:territory-detail", kwargs=kwargs, request=self.context.get("request"))

    def get_page_url(self, territory: Territory) -> str:
        return page_url(territory)


class MemberSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField(help_text="« epci » ou « commune »")
    siren = serializers.CharField(source="member.siren", help_text="SIREN du membre")
    insee_code = serializers.CharField(
        source="commune.insee_code",
        default=None,
        allow_null=True,
        help_text="Code INSEE, pour une commune membre",
    )
    name = serializers.CharField(source="member.name", help_text="Nom du membre")
    epci_kind = serializers.ChoiceField(
        choices=EpciKind.choices,
        source="epci.kind",
        default=None,
        allow_null=True,
        help_text="Nature, pour un EPCI",
    )
    dissolved = serializers.BooleanField(
        source="member.dissolved", help_text="Disparu du dernier millésime géographique"
    )

    class Meta:
        model = Membership
        fields = [
            "kind",
            "siren",
            "insee_code",
            "name",
            "epci_kind",
            "joined_on",
            "left_on",
            "dissolved",
        ]

    def get_kind(self, membership: Membership) -> str:
        return "epci" if membership.epci_id else "commune"


class ChangeSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", help_text="Nature en clair")
    member_name = serializers.CharField(
        source="member.name", default=None, allow_null=True, help_text="Membre concerné"
    )
    member_siren = serializers.CharField(
        source="member.siren", default=None, allow_null=True, help_text="SIREN du membre"
    )

    class Meta:
        model = TerritoryChange
        fields = [
            "date",
            "kind",
            "kind_label",
            "member_name",
            "member_siren",
            "old_value",
            "new_value",
        ]


class TerritoryDetailSerializer(TerritorySerializer):
    composition = MemberSerializer(
        many=True, source="memberships", help_text="Membres actuels et passés, datés"
    )
    history = ChangeSerializer(many=True, source="changes", help_text="Évolutions datées")

    class Meta(TerritorySerializer.Meta):
        fields = TerritorySerializer.Meta.fields + ["composition", "history"]
