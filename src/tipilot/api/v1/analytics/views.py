"""The bilan d'étape through the API: live figures of a scope, and the published bilans."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tipilot.analytics.deployments import bilan_with_deployments
from tipilot.analytics.models import BilanSnapshot, ScopeLevel, SnapshotState
from tipilot.analytics.scope import resolve_scope

from ..outputs import ReadOnlyViewSet
from .serializers import Bilan, SnapshotDetailSerializer, SnapshotSerializer

FILTERS = [
    OpenApiParameter("region", OpenApiTypes.STR, description="Code INSEE de la région"),
    OpenApiParameter(
        "territory", OpenApiTypes.STR, description="Identifiant du territoire (ti-RRnn)"
    ),
    OpenApiParameter(
        "generation",
        OpenApiTypes.STR,
        description="Code de génération (2018-2022, 2023-2027) ; sans : toutes",
    ),
]
BAD_FILTER = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Filtre invalide : message en français par paramètre"
)


class BilanView(APIView):
    """Bilan d'étape."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="v1_bilan",
        summary="Bilan d'étape en direct (France, une région ou un territoire)",
        description=(
            "Mêmes chiffres que la page /bilan/ : actions par statut et par axe, euros demandés, "
            "engagés et décaissés par groupe et catégorie de financeur et par mesure, emplois, "
            "relocalisations, part en territoires fragiles, objectifs (national), évolution "
            "mensuelle et tableau par région ou par territoire."
        ),
        tags=["Bilan d'étape"],
        parameters=FILTERS,
        responses={200: Bilan, 400: BAD_FILTER},
    )
    def get(self, request):
        params = request.query_params
        try:
            scope = resolve_scope(
                region=params.get("region", ""),
                territory=params.get("territory", ""),
                generation=params.get("generation", ""),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        figures = bilan_with_deployments(
            region=scope.region, territory=scope.territory, generation=scope.generation
        )
        return Response(Bilan(figures).data)


class SnapshotFilter(filters.FilterSet):
    level = filters.ChoiceFilter(choices=ScopeLevel.choices, help_text="Échelle")
    region = filters.CharFilter(field_name="region__code", help_text="Code de la région")
    territory = filters.CharFilter(
        field_name="territory__identifier", help_text="Identifiant du territoire"
    )

    class Meta:
        model = BilanSnapshot
        fields = ["level", "region", "territory"]


@extend_schema(tags=["Bilan d'étape"])
@extend_schema_view(
    list=extend_schema(summary="Bilans d'étape publiés (chiffres arrêtés à une date)"),
    retrieve=extend_schema(summary="Un bilan publié, avec tous ses chiffres"),
)
class SnapshotViewSet(ReadOnlyViewSet):
    queryset = (
        BilanSnapshot.objects.filter(state=SnapshotState.PUBLISHED)
        .select_related("region", "territory", "generation")
        .order_by("-as_of", "-id")
    )
    filterset_class = SnapshotFilter
    permission_classes = [AllowAny]

    def get_queryset(self):
        if self.action == "list":
            return self.queryset.defer("figures", "region__outline", "territory__outline")
        return self.queryset

    def get_serializer_class(self):
        return SnapshotSerializer if self.action == "list" else SnapshotDetailSerializer
