"""The deployments as GeoJSON points, with the list's filters (for maps). Not paginated."""

from django.http import JsonResponse
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from tipilot.api.v1.outputs import GEOJSON, FileNegotiation, feature_collection_schema
from tipilot.deployments import selectors

from .filters import DeploymentFilter


class PointProperties(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    name = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    wave = serializers.IntegerField(allow_null=True)
    commune = serializers.CharField()
    territory = serializers.CharField(allow_null=True)
    territory_name = serializers.CharField(allow_null=True)
    page_url = serializers.CharField(help_text="Page publique du déploiement")


def geojson_of(filters: selectors.DeploymentFilters):
    """A FeatureCollection of points (longitude, latitude), one per located deployment."""
    features, pages = [], reverse("deployment-list")
    for row in selectors.map_points(filters):
        point = [row.pop("longitude"), row.pop("latitude")]
        row["page_url"] = f"{pages}{row['id']}/"
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": point},
                "properties": row,
            }
        )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )
    response["Content-Type"] = GEOJSON
    return response


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_deployments_geojson",
        summary="Déploiements en GeoJSON (points)",
        tags=["Déploiements"],
        filters=True,
        description="Mêmes filtres que la liste, sans pagination : un point par école de "
        "production, antenne du Cnam ou VTE localisé (longitude, latitude).",
        responses={(200, GEOJSON): feature_collection_schema("Deployment", PointProperties())},
    )
)
class DeploymentGeoJsonView(generics.GenericAPIView):
    """Déploiements en GeoJSON."""

    queryset = selectors.deployment_list()
    filterset_class = DeploymentFilter
    pagination_class = None
    content_negotiation_class = FileNegotiation

    def get(self, request, *args, **kwargs):
        backend = self.filter_backends[0]()
        filterset = backend.get_filterset(request, self.get_queryset(), self)
        if not filterset.is_valid():
            raise serializers.ValidationError(filterset.errors)
        return geojson_of(filterset.selector_filters())
