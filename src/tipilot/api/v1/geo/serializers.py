from rest_framework import serializers

from tipilot.geo.models import Commune, Department, Epci, Region


class RegionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:region-detail", lookup_field="code")

    class Meta:
        model = Region
        fields = ["url", "code", "name", "first_vintage", "last_vintage", "dissolved"]


class DepartmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:department-detail", lookup_field="code"
    )
    region = serializers.CharField(source="region.code", help_text="Code INSEE de la région")

    class Meta:
        model = Department
        fields = ["url", "code", "name", "region", "first_vintage", "last_vintage", "dissolved"]


class CommuneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commune
        fields = ["insee_code", "siren", "name", "population", "dissolved"]


class EpciSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:epci-detail", lookup_field="siren")
    kind_label = serializers.CharField(source="get_kind_display", help_text="Nature en clair")
    commune_count = serializers.IntegerField(help_text="Nombre de communes membres")

    class Meta:
        model = Epci
        fields = [
            "url",
            "siren",
            "name",
            "kind",
            "kind_label",
            "population",
            "commune_count",
            "first_vintage",
            "last_vintage",
            "dissolved",
        ]


class EpciDetailSerializer(EpciSerializer):
    communes = CommuneSerializer(many=True, help_text="Communes membres")

    class Meta(EpciSerializer.Meta):
        fields = EpciSerializer.Meta.fields + ["communes"]
