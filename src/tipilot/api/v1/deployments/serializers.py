"""Deployments and their targets in the API. No personal data: organisations only."""

from rest_framework import serializers as S

from tipilot.deployments.enums import DeploymentKind, DeploymentStatus
from tipilot.deployments.models import Deployment

KINDS = " · ".join(f"`{v}` {label}" for v, label in DeploymentKind.choices)
STATUSES = " · ".join(f"`{v}` {label}" for v, label in DeploymentStatus.choices)


class DeploymentSerializer(S.ModelSerializer):
    kind = S.CharField(help_text=f"Type : {KINDS}")
    kind_label = S.CharField(source="get_kind_display", help_text="Type, en clair")
    status = S.CharField(help_text=f"Statut : {STATUSES}")
    status_label = S.CharField(source="get_status_display", help_text="Statut, en clair")
    measure = S.CharField(source="measure.code", help_text="Code de la mesure du programme")
    commune = S.CharField(source="commune.insee_code", help_text="Code INSEE de la commune")
    commune_name = S.CharField(source="commune.name")
    region = S.CharField(source="commune.region.code", help_text="Code INSEE de la région")
    territory = S.CharField(
        source="territory.identifier", allow_null=True, help_text="Territoire d'industrie"
    )
    generation = S.CharField(source="territory.generation.code", allow_null=True)
    organisation = S.CharField(source="organisation.name", allow_null=True)
    organisation_siren = S.CharField(source="organisation.siren", allow_null=True)
    latitude = S.FloatField(allow_null=True)
    longitude = S.FloatField(allow_null=True)

    class Meta:
        model = Deployment
        fields = [
            "id", "kind", "kind_label", "name", "status", "status_label", "wave", "measure",
            "commune", "commune_name", "region", "territory", "generation", "organisation",
            "organisation_siren", "labelled_on", "opened_on", "closed_on", "headcount",
            "latitude", "longitude", "is_demo",
        ]  # fmt: skip
        read_only_fields = fields


class WaveCount(S.Serializer):
    wave = S.IntegerField()
    counted = S.IntegerField(help_text="Antennes de cette vague qui comptent pour l'objectif")


class TargetProgressSerializer(S.Serializer):
    kind = S.CharField(help_text=f"Type : {KINDS}")
    label = S.CharField()
    counted = S.IntegerField(help_text="Comptés pour l'objectif (voir « rule »)")
    registered = S.IntegerField(help_text="Inscrits au registre, tous statuts")
    rule = S.CharField(help_text="Ce qui compte pour l'objectif")
    target = S.IntegerField(allow_null=True, help_text="Objectif annoncé (national)")
    target_label = S.CharField()
    source = S.CharField(help_text="Source de l'objectif")
    measure_id = S.IntegerField(allow_null=True)
    share = S.FloatField(allow_null=True, help_text="Part de l'objectif atteinte (0 à 1 et plus)")
    percent = S.IntegerField(allow_null=True, help_text="Avancement en %, plafonné à 100")
    waves = WaveCount(many=True)
