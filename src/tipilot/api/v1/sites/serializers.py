"""Sites clés en main in the API. Open data: no contact (référent), no enquiry."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.sites.enums import ProcedureState, SiteStatus
from tipilot.sites.models import Site, SiteWave
from tipilot.sites.tables import page_path


def _enum_field(choices, component: str):
    @extend_schema_field(
        {
            "type": "string",
            "enum": choices.values,
            "description": " · ".join(f"`{v}` {label}" for v, label in choices.choices),
        },
        component_name=component,
    )
    class Field(serializers.ChoiceField):
        def __init__(self, **kwargs):
            super().__init__(choices=choices.choices, **kwargs)

    return Field


SiteStatusField = _enum_field(SiteStatus, "SiteStatusEnum")
ProcedureStateField = _enum_field(ProcedureState, "ProcedureStateEnum")


class SiteWaveSerializer(serializers.ModelSerializer):
    class Meta:
        model = SiteWave
        fields = ["code", "name", "announced_on", "date_note", "announced_count",
                  "cumulative_count", "source"]  # fmt: skip
        read_only_fields = fields


class SiteSerializer(serializers.ModelSerializer):
    status = SiteStatusField(read_only=True)
    urbanism = ProcedureStateField(read_only=True)
    archaeology = ProcedureStateField(read_only=True)
    environment = ProcedureStateField(read_only=True)
    biodiversity = ProcedureStateField(read_only=True)
    commune_insee = serializers.CharField(source="commune.insee_code", read_only=True)
    commune = serializers.CharField(source="commune.name", read_only=True)
    department = serializers.CharField(source="commune.department.code", read_only=True)
    region = serializers.CharField(source="commune.region.code", read_only=True)
    territory = serializers.CharField(
        source="territory.identifier", allow_null=True, read_only=True,
        help_text="Territoire d'industrie de la génération en cours, s'il y en a un",
    )  # fmt: skip
    territory_generation = serializers.CharField(
        source="territory.generation.code", allow_null=True, read_only=True
    )
    wave = serializers.CharField(source="wave.code", allow_null=True, read_only=True)
    page_url = serializers.SerializerMethodField(help_text="Page publique du site")

    class Meta:
        model = Site
        fields = [
            "slug", "name", "status", "is_ready", "commune_insee", "commune", "department",
            "region", "territory", "territory_generation", "wave", "latitude", "longitude",
            "surface_total_ha", "surface_available_ha", "owner_name", "owner_kind",
            "available_from", "has_motorway", "motorway_km", "has_rail", "rail_km",
            "has_port", "port_km", "has_airport", "airport_km", "electricity_hta",
            "electricity_htb", "gas", "industrial_water", "fibre", "sanitation",
            "urbanism", "archaeology", "environment", "biodiversity", "is_demo", "page_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_page_url(self, site: Site) -> str:
        return page_path(site)


class SiteDetailSerializer(SiteSerializer):
    wave_detail = SiteWaveSerializer(source="wave", read_only=True, allow_null=True)

    class Meta(SiteSerializer.Meta):
        fields = [*SiteSerializer.Meta.fields, "description", "wave_detail"]
        read_only_fields = fields
