"""Published calls and their laureates through the API: read-only open data."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics

from tipilot.calls.models import Application, Call
from tipilot.calls.selectors.laureates import (
    LAUREATE_COLUMNS,
    laureate_list,
    laureate_record,
    published_calls,
)

from ..outputs import FileNegotiation, ReadOnlyViewSet, csv_response
from .filters import LaureateFilter
from .serializers import CallSerializer, LaureateSerializer

TAGS = ["Appels à projets"]


@extend_schema(tags=TAGS)
@extend_schema_view(
    list=extend_schema(summary="Appels à projets publiés"),
    retrieve=extend_schema(summary="Un appel : périodes, règles, formulaire, grille, chiffres"),
)
class CallViewSet(ReadOnlyViewSet):
    """Appels à projets et AMI publiés : périodes de dépôt (heure ISO 8601), règles
    d'éligibilité, questions du formulaire, grille de notation, nombre de candidatures par
    statut (agrégats seulement), lauréats et aides accordées."""

    queryset = Call.objects.all()  # published only, shaped by published_calls
    serializer_class = CallSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return published_calls()


@extend_schema(tags=TAGS)
@extend_schema_view(
    list=extend_schema(summary="Lauréats des appels (filtres : appel, région, territoire)"),
    retrieve=extend_schema(summary="Un lauréat"),
)
class LaureateViewSet(ReadOnlyViewSet):
    """Lauréats des appels publiés : projet, porteur (organisation), lieu, montants, emplois
    prévus, date de la décision et fiche action créée. Aucune donnée personnelle."""

    queryset = Application.objects.all()  # laureates only, shaped by laureate_list
    serializer_class = LaureateSerializer
    filterset_class = LaureateFilter
    lookup_field = "reference"
    lookup_value_regex = "[^/]+"

    def get_view_name(self) -> str:
        return "Lauréat" if self.detail else "Lauréats"

    def get_object(self) -> Application:
        try:
            return laureate_list().get(reference=self.kwargs["reference"])
        except Application.DoesNotExist as exc:
            raise Http404("Aucun lauréat de cette référence.") from exc


@extend_schema_view(
    get=extend_schema(
        operation_id="v1_laureates_csv",
        summary="Lauréats en CSV",
        tags=TAGS,
        filters=True,
        description="Mêmes filtres que la liste, sans pagination. Séparateur « ; », UTF-8 "
        "avec BOM, en-têtes en français.",
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="laureats.csv")
        },
    )
)
class LaureateCsvView(generics.GenericAPIView):
    """Lauréats en CSV."""

    queryset = Application.objects.all()
    filterset_class = LaureateFilter
    pagination_class = None
    content_negotiation_class = FileNegotiation

    def get(self, request, *args, **kwargs):
        laureates = self.filter_queryset(laureate_list())
        rows = (csv_values(laureate_record(a)) for a in laureates)
        return csv_response(list(LAUREATE_COLUMNS.values()), rows, "laureats.csv")


def csv_values(record: dict) -> list:
    return [
        ("oui" if value else "non") if isinstance(value, bool) else ("" if value is None else value)
        for value in record.values()
    ]
