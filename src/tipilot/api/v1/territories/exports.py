"""The territory list as files: CSV for spreadsheets, GeoJSON for maps. Not paginated."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers

from tipilot.api.v1.outputs import (
    GEOJSON,
    FileNegotiation,
    csv_response,
    feature_collection_schema,
    geojson_response,
)
from tipilot.territories.models import Territory

from .filters import TerritoryFilter
from .serializers import page_url

CSV_HEADER = [
    "génération",
    "identifiant",
    "nom",
    "statut",
    "régions",
    "départements",
    "population",
    "communes",
    "membres",
    "données de démonstration",
]


class TerritoryExport(generics.GenericAPIView):
    """The filtered territory list, whole, through ``territory_list``."""

    queryset = Territory.objects.all()  # filtered and shaped by territory_list (see filters)
    filterset_class = TerritoryFilter
    pagination_class = None
    content_negotiation_class = FileNegotiation


def csv_row(territory: Territory) -> list:
    return [
        territory.generation.code,
        territory.identifier,
        territory.name,
        territory.get_status_display(),
        ",".join(r.code for r in territory.regions.all()),
        ",".join(d.code for d in territory.departments.all()),
        territory.population,
        territory.commune_count,
        territory.member_count,
        "oui" if territory.is_demo else "non",
    ]


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_territories_csv",
        summary="Territoires en CSV",
        tags=["Territoires"],
        filters=True,
        description=(
            "Mêmes filtres que la liste, sans pagination. Séparateur « ; », UTF-8 avec BOM "
            "(Excel l'ouvre tel quel), en-têtes en français ; régions et départements séparés "
            "par des virgules."
        ),
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="Fichier territoires-industrie.csv"
            )
        },
    )
)
class TerritoryCsvView(TerritoryExport):
    """Territoires en CSV."""

    def get(self, request, *args, **kwargs):
        rows = map(csv_row, self.filter_queryset(self.get_queryset()))
        return csv_response(CSV_HEADER, rows, "territoires-industrie.csv")


class TerritoryFeatureProperties(serializers.Serializer):
    generation = serializers.CharField(help_text="Code de génération")
    identifier = serializers.CharField(help_text="Identifiant, unique dans la génération")
    name = serializers.CharField(help_text="Nom du territoire")
    population = serializers.IntegerField(help_text="Population municipale")
    commune_count = serializers.IntegerField(help_text="Nombre de communes")
    regions = serializers.ListField(child=serializers.CharField(), help_text="Codes des régions")
    page_url = serializers.CharField(help_text="Page publique du territoire")


def feature(territory: Territory) -> tuple[str, dict]:
    properties = {
        "generation": territory.generation.code,
        "identifier": territory.identifier,
        "name": territory.name,
        "population": territory.population,
        "commune_count": territory.commune_count,
        "regions": [r.code for r in territory.regions.all()],
        "page_url": page_url(territory),
    }
    return territory.outline, properties


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_territories_geojson",
        summary="Contours des territoires (GeoJSON)",
        tags=["Territoires"],
        filters=True,
        description=(
            "Mêmes filtres que la liste, sans pagination : une FeatureCollection dont chaque "
            "territoire a pour géométrie son contour (nul s'il est inconnu)."
        ),
        responses={
            (200, GEOJSON): OpenApiResponse(
                feature_collection_schema("Territory", TerritoryFeatureProperties()),
                description="Une entité par territoire",
            )
        },
    )
)
class TerritoryGeoJsonView(TerritoryExport):
    """Contours des territoires (GeoJSON)."""

    def get(self, request, *args, **kwargs):
        territories = self.filter_queryset(self.get_queryset()).defer(None).defer("search_text")
        return geojson_response(map(feature, territories))
