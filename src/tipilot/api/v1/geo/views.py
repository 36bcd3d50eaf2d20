from django.db.models import Count, Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers

from tipilot.api.v1.outputs import (
    GEOJSON,
    FileNegotiation,
    ReadOnlyViewSet,
    feature_collection_schema,
    geojson_response,
)
from tipilot.geo.models import Commune, Department, Epci, Region

from . import filters
from .serializers import (
    DepartmentSerializer,
    EpciDetailSerializer,
    EpciSerializer,
    RegionSerializer,
)


@extend_schema(tags=["Géographie"])
class RegionViewSet(ReadOnlyViewSet):
    """Régions (code officiel géographique de l'INSEE), y compris celles disparues depuis."""

    queryset = Region.objects.defer("outline").order_by("code")
    serializer_class = RegionSerializer
    lookup_field = "code"
    filterset_class = filters.RegionFilter


@extend_schema(tags=["Géographie"])
class DepartmentViewSet(ReadOnlyViewSet):
    """Départements, avec le code de leur région."""

    queryset = (
        Department.objects.select_related("region")
        .defer("outline", "region__outline")
        .order_by("code")
    )
    serializer_class = DepartmentSerializer
    lookup_field = "code"
    filterset_class = filters.DepartmentFilter


@extend_schema(tags=["Géographie"])
class EpciViewSet(ReadOnlyViewSet):
    """EPCI à fiscalité propre et EPT, y compris ceux disparus depuis (``dissolved``).

    Le détail d'un EPCI donne ses communes membres.
    """

    queryset = Epci.objects.defer("outline").order_by("name", "siren")
    lookup_field = "siren"
    filterset_class = filters.EpciFilter

    def get_queryset(self):
        queryset = super().get_queryset().annotate(commune_count=Count("communes"))
        if self.action == "retrieve":
            communes = Commune.objects.defer("outline").order_by("insee_code")
            queryset = queryset.prefetch_related(Prefetch("communes", queryset=communes))
        return queryset

    def get_serializer_class(self):
        return EpciDetailSerializer if self.action == "retrieve" else EpciSerializer


class RegionFeatureProperties(serializers.Serializer):
    code = serializers.CharField(help_text="Code INSEE de la région")
    name = serializers.CharField(help_text="Nom de la région")


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_regions_geojson",
        summary="Contours des régions actuelles (GeoJSON)",
        tags=["Géographie"],
        description="Les régions non disparues : le fond de la carte publique.",
        responses={
            (200, GEOJSON): OpenApiResponse(
                feature_collection_schema("Region", RegionFeatureProperties()),
                description="Une entité par région",
            )
        },
    )
)
class RegionGeoJsonView(generics.GenericAPIView):
    """Contours des régions actuelles (GeoJSON)."""

    queryset = Region.objects.filter(dissolved=False).only("code", "name", "outline")
    content_negotiation_class = FileNegotiation
    pagination_class = None
    filter_backends = []

    def get(self, request, *args, **kwargs):
        regions = self.get_queryset().order_by("code")
        return geojson_response((r.outline, {"code": r.code, "name": r.name}) for r in regions)
