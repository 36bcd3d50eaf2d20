from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny

from tipilot.api.v1.outputs import csv_response, geojson_response
from tipilot.territories.models import Generation, Territory
from tipilot.territories.selectors import territory_detail, territory_list

from .serializers import TerritoryDetailSerializer, TerritorySerializer, page_url

FILTERS = [
    OpenApiParameter("q", str, description="Recherche : territoire, EPCI, commune, département"),
    OpenApiParameter("generation", str, description="Génération, ex. 2023-2027"),
    OpenApiParameter("region", str, description="Code INSEE de la région"),
    OpenApiParameter("department", str, description="Code du département"),
    OpenApiParameter(
        "status", str, enum=["labelled", "all"], description="« all » inclut les territoires sortis"
    ),
]
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


def filtered_territories(params):
    return territory_list(
        q=params.get("q", ""),
        region=params.get("region", ""),
        generation=params.get("generation", ""),
        department=params.get("department", ""),
        include_withdrawn=params.get("status") == "all",
    )


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class TerritoryViewSet(viewsets.GenericViewSet, generics.ListAPIView):
    """Territoires d'industrie des deux générations, avec leurs chiffres dérivés."""

    serializer_class = TerritorySerializer
    queryset = Territory.objects.none()

    def get_queryset(self):
        return filtered_territories(self.request.query_params)


class TerritoryDetailView(generics.RetrieveAPIView):
    """Un territoire : composition (membres actuels et passés, datés) et historique."""

    serializer_class = TerritoryDetailSerializer
    queryset = Territory.objects.none()

    def get_object(self):
        try:
            generation = Generation.objects.get(code=self.kwargs["generation"])
            return territory_detail(generation=generation, identifier=self.kwargs["identifier"])
        except (Generation.DoesNotExist, Territory.DoesNotExist) as exc:
            raise Http404("Territoire inconnu pour cette génération.") from exc


@extend_schema(
    summary="Liste des territoires en CSV (séparateur ;, UTF-8 avec BOM)",
    parameters=FILTERS,
    responses={(200, "text/csv"): OpenApiTypes.STR},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def territories_csv(request):
    rows = (
        [
            t.generation.code,
            t.identifier,
            t.name,
            t.get_status_display(),
            ",".join(r.code for r in t.regions.all()),
            ",".join(d.code for d in t.departments.all()),
            t.population,
            t.commune_count,
            t.member_count,
            "oui" if t.is_demo else "non",
        ]
        for t in filtered_territories(request.query_params)
    )
    return csv_response(CSV_HEADER, rows, "territoires-industrie.csv")


@extend_schema(
    summary="Contours des territoires (GeoJSON)",
    parameters=FILTERS,
    responses={(200, "application/geo+json"): OpenApiTypes.OBJECT},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def territories_geojson(request):
    territories = filtered_territories(request.query_params).defer(None).defer("search_text")
    features = (
        (
            t.outline,
            {
                "generation": t.generation.code,
                "identifier": t.identifier,
                "name": t.name,
                "population": t.population,
                "commune_count": t.commune_count,
                "regions": [r.code for r in t.regions.all()],
                "page_url": page_url(t),
            },
        )
        for t in territories
    )
    return geojson_response(features)
