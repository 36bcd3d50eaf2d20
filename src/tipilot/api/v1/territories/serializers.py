from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.territories.models import Membership, Territory, TerritoryChange


class TerritorySerializer(serializers.ModelSerializer):
    generation = serializers.CharField(source="generation.code")
    status_label = serializers.CharField(source="get_status_display")
    wave = serializers.CharField(
        source="wave.period_label",
        default=None,
        allow_null=True,
        help_text="Vague de labellisation (période), si connue",
    )
    wave_cumulative_count = serializers.IntegerField(
        source="wave.cumulative_count",
        default=None,
        allow_null=True,
        help_text="Nombre de territoires labellisés à cette vague",
    )
    regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    departments = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()

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
            "wave_cumulative_count",
            "regions",
            "departments",
            "population",
            "commune_count",
            "member_count",
            "is_demo",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, territory) -> str:
        path = reverse(
            "territory-detail-api",
            kwargs={"generation": territory.generation.code, "identifier": territory.identifier},
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, territory) -> str:
        return page_url(territory)


def page_url(territory) -> str:
    path = reverse("territory-detail", kwargs={"identifier": territory.identifier})
    return f"{path}?generation={territory.generation.code}"


class MemberSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField()
    siren = serializers.SerializerMethodField()
    insee_code = serializers.CharField(source="commune.insee_code", default=None, allow_null=True)
    name = serializers.CharField(source="member.name")
    epci_kind = serializers.CharField(source="epci.kind", default=None, allow_null=True)
    dissolved = serializers.BooleanField(source="member.dissolved")

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

    def get_kind(self, membership) -> str:
        return "epci" if membership.epci_id else "commune"

    def get_siren(self, membership) -> str:
        return membership.member.siren


class ChangeSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    member_name = serializers.SerializerMethodField()
    member_siren = serializers.SerializerMethodField()

    class Meta:
        model = TerritoryChange
        fields = ["date", "kind", "kind_label", "member_name", "member_siren"] + [
            "old_value",
            "new_value",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_member_name(self, change) -> str | None:
        return change.member.name if change.member else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_member_siren(self, change) -> str | None:
        return change.member.siren if change.member else None


class TerritoryDetailSerializer(TerritorySerializer):
    composition = MemberSerializer(many=True, source="memberships")
    history = ChangeSerializer(many=True, source="changes")

    class Meta(TerritorySerializer.Meta):
        fields = TerritorySerializer.Meta.fields + ["composition", "history"]
