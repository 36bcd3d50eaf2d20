from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from tipilot.api.v1.outputs import ReadOnlyViewSet
from tipilot.territories.models import Generation, Territory
from tipilot.territories.selectors import territory_detail

from .filters import TerritoryFilter
from .serializers import TerritoryDetailSerializer, TerritorySerializer

DETAIL_PARAMETERS = [
    OpenApiParameter(
        "generation",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description="Génération, ex. 2023-2027",
    ),
    OpenApiParameter(
        "identifier",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description="Identifiant, ex. ti-8401",
    ),
]


@extend_schema(tags=["Territoires"])
@extend_schema_view(
    list=extend_schema(summary="Territoires d'industrie (labellisés, sauf « status=all »)"),
    retrieve=extend_schema(
        summary="Un territoire : composition datée et historique",
        parameters=DETAIL_PARAMETERS,
    ),
)
class TerritoryViewSet(ReadOnlyViewSet):
    """Territoires d'industrie des deux générations, avec leurs chiffres dérivés.

    Un identifiant (``ti-8401``) n'est unique qu'au sein d'une génération : le détail d'un
    territoire est à ``/api/v1/territories/<génération>/<identifiant>/``. Il donne sa
    composition (membres actuels et passés, avec leurs dates) et son historique.
    """

    queryset = Territory.objects.all()  # filtered and shaped by territory_list (see filters)
    filterset_class = TerritoryFilter
    lookup_url_kwargs = ("generation", "identifier")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return TerritoryDetailSerializer
        return TerritorySerializer

    def get_object(self) -> Territory:
        try:
            generation = Generation.objects.get(code=self.kwargs["generation"])
            return territory_detail(generation=generation, identifier=self.kwargs["identifier"])
        except (Generation.DoesNotExist, Territory.DoesNotExist) as exc:
            raise Http404("Aucun territoire de cet identifiant dans cette génération.") from exc
