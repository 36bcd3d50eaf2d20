from django.db.models import Count
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny

from tipilot.api.v1.outputs import geojson_response
from tipilot.geo.enums import EpciKind
from tipilot.geo.models import Department, Epci, Region

from . import serializers


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """Régions (référentiel INSEE, découpage administratif Etalab)."""

    queryset = Region.objects.defer("outline").order_by("code")
    serializer_class = serializers.RegionSerializer
    lookup_field = "code"
    filterset_fields = ["dissolved"]


class DepartmentFilter(filters.FilterSet):
    region = filters.CharFilter(field_name="region__code", label="Code INSEE de la région")

    class Meta:
        model = Department
        fields = ["region", "dissolved"]


class DepartmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Départements."""

    queryset = Department.objects.select_related("region").defer("outline", "region__outline")
    serializer_class = serializers.DepartmentSerializer
    lookup_field = "code"
    filterset_class = DepartmentFilter


class EpciFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=EpciKind.choices, label="Nature")
    region = filters.CharFilter(method="filter_region", label="Code INSEE de la région")
    department = filters.CharFilter(method="filter_department", label="Code du département")
    q = filters.CharFilter(field_name="name", lookup_expr="icontains", label="Nom contient")

    class Meta:
        model = Epci
        fields = ["kind", "dissolved", "region", "department", "q"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(id__in=Epci.objects.filter(communes__region__code=value))

    def filter_department(self, queryset, name, value):
        return queryset.filter(id__in=Epci.objects.filter(communes__department__code=value))


class EpciViewSet(viewsets.ReadOnlyModelViewSet):
    """EPCI à fiscalité propre et EPT, y compris ceux disparus depuis (``dissolved``)."""

    lookup_field = "siren"
    filterset_class = EpciFilter

    def get_queryset(self):
        queryset = Epci.objects.defer("outline").annotate(commune_count=Count("communes"))
        if self.action == "retrieve":
            queryset = queryset.prefetch_related("communes")
        return queryset.order_by("name")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.EpciDetailSerializer
        return serializers.EpciSerializer


@extend_schema(
    summary="Contours des régions (GeoJSON)",
    responses={(200, "application/geo+json"): OpenApiTypes.OBJECT},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def regions_geojson(request):
    rows = Region.objects.filter(dissolved=False).order_by("code")
    features = [(r.outline, {"code": r.code, "name": r.name}) for r in rows]
    return geojson_response(features)
