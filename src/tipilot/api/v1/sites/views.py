"""Sites clés en main through the API: list, detail, GeoJSON for maps and CSV. Read-only."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers

from tipilot.sites import selectors, tables
from tipilot.sites.models import Site

from ..outputs import (
    GEOJSON,
    FileNegotiation,
    ReadOnlyViewSet,
    csv_response,
    feature_collection_schema,
    geojson_response,
)
from .filters import SiteFilter
from .serializers import SiteDetailSerializer, SiteSerializer

TAGS = ["Sites clés en main"]


@extend_schema(tags=TAGS)
@extend_schema_view(
    list=extend_schema(summary="Sites clés en main (filtres : région, surface, accès, prêts…)"),
    retrieve=extend_schema(summary="Un site clé en main"),
)
class SiteViewSet(ReadOnlyViewSet):
    """Sites clés en main : commune et territoire, surfaces, propriétaire, disponibilité,
    accès, réseaux et état des quatre procédures qui font un site « prêt ». Lecture libre ;
    le référent du site et les demandes des investisseurs ne sont jamais publiés."""

    queryset = Site.objects.all()  # filtered and shaped by site_list (see filters)
    filterset_class = SiteFilter
    lookup_field = "slug"

    def get_serializer_class(self):
        return SiteSerializer if self.action == "list" else SiteDetailSerializer

    def get_object(self) -> Site:
        try:
            return selectors.site_detail(self.kwargs["slug"])
        except Site.DoesNotExist as exc:
            raise Http404("Aucun site clé en main ne porte cette référence.") from exc


class SiteExport(generics.GenericAPIView):
    queryset = Site.objects.all()
    filterset_class = SiteFilter
    pagination_class = None
    content_negotiation_class = FileNegotiation


class SiteFeatureProperties(serializers.Serializer):
    slug = serializers.CharField(help_text="Référence du site")
    name = serializers.CharField(help_text="Nom du site")
    commune = serializers.CharField(help_text="Commune")
    status = serializers.CharField(help_text="Statut (code)")
    is_ready = serializers.BooleanField(help_text="Les quatre procédures abouties")
    surface_available_ha = serializers.FloatField(help_text="Surface disponible (ha)")
    surface_total_ha = serializers.FloatField(help_text="Surface totale (ha)")
    page_url = serializers.CharField(help_text="Page publique du site")


def feature(site: Site) -> tuple[str, dict]:
    geometry = f'{{"type":"Point","coordinates":[{site.longitude},{site.latitude}]}}'
    return geometry, {
        "slug": site.slug,
        "name": site.name,
        "commune": site.commune.name,
        "status": site.status,
        "is_ready": site.is_ready,
        "surface_available_ha": float(site.surface_available_ha),
        "surface_total_ha": float(site.surface_total_ha),
        "page_url": tables.page_path(site),
    }


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_sites_geojson",
        summary="Sites clés en main (GeoJSON)",
        tags=TAGS,
        filters=True,
        description="Mêmes filtres que la liste, sans pagination : un point par site.",
        responses={
            (200, GEOJSON): OpenApiResponse(
                feature_collection_schema("Site", SiteFeatureProperties()),
                description="Une entité (point) par site",
            )
        },
    )
)
class SiteGeoJsonView(SiteExport):
    """Sites clés en main (GeoJSON)."""

    def get(self, request, *args, **kwargs):
        return geojson_response(map(feature, self.filter_queryset(self.get_queryset())))


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_sites_csv",
        summary="Sites clés en main en CSV",
        tags=TAGS,
        filters=True,
        description=(
            "Mêmes filtres que la liste, sans pagination. Séparateur « ; », UTF-8 avec BOM, "
            "en-têtes en français ; sans le référent du site."
        ),
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="Fichier sites-cles-en-main.csv"
            )
        },
    )
)
class SiteCsvView(SiteExport):
    """Sites clés en main en CSV."""

    def get(self, request, *args, **kwargs):
        sites = self.filter_queryset(self.get_queryset())
        return csv_response(tables.HEADER, tables.rows(sites), "sites-cles-en-main.csv")
