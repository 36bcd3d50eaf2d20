"""Measures, fiches actions and funding lines through the API.

Reads are open to anyone (no personal data). Writes need a token and go through the actions
services: same permissions as the pages (403), French messages on bad input (400), a stale
``version`` answers 409. The status moves only through ``POST …/transition/``.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tipilot.actions import selectors, services
from tipilot.actions.models import Action, FundingLine, Measure
from tipilot.territories.models import Territory

from ..contracts.serializers import WRITE_ERRORS
from ..errors import service_errors, validated
from ..outputs import ReadOnlyViewSet
from .filters import ActionFilter, FundingLineFilter
from .serializers import (
    ActionCreateSerializer,
    ActionDetailSerializer,
    ActionSerializer,
    ActionTransitionSerializer,
    ActionUpdateSerializer,
    FundingLineCreateSerializer,
    FundingLineSerializer,
    FundingLineWriteSerializer,
    MeasureSerializer,
)


@extend_schema(tags=["Mesures et fiches actions"])
@extend_schema_view(
    list=extend_schema(summary="Le panier de mesures, avec ce qui est engagé et décaissé"),
    retrieve=extend_schema(summary="Une mesure : enveloppe, opérateurs, engagé, décaissé"),
)
class MeasureViewSet(ReadOnlyViewSet):
    """Mesures du programme, par axe : opérateurs, enveloppe, période, et les montants
    demandés, engagés et décaissés sur les fiches actions qui les mobilisent."""

    queryset = Measure.objects.all()
    serializer_class = MeasureSerializer

    def get_queryset(self):
        return selectors.measure_list()


@extend_schema(tags=["Mesures et fiches actions"])
@extend_schema_view(
    list=extend_schema(summary="Fiches actions (filtres : région, territoire, axe, statut…)"),
    retrieve=extend_schema(summary="Une fiche action et son plan de financement"),
    create=extend_schema(
        summary="Créer une fiche action (au stade de l'idée)",
        request=ActionCreateSerializer,
        responses={201: ActionDetailSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Modifier une fiche action",
        description="Le statut ne se modifie pas ici : voir « transition ».",
        request=ActionUpdateSerializer,
        responses={200: ActionDetailSerializer, **WRITE_ERRORS},
    ),
)
class ActionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Fiches actions des territoires : statut, emplois, coût, mesures et plan de financement.

    Lecture libre, sans données personnelles. Écriture avec un jeton
    (``Authorization: Token …``) selon le rôle : l'équipe du territoire et ses pilotes
    modifient la fiche ; le statut ne change que par ``POST …/transition/``.
    """

    queryset = Action.objects.all()  # filtered and shaped by action_list (see filters)
    filterset_class = ActionFilter
    lookup_field = "external_id"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_view_name(self) -> str:
        return "Fiche action" if self.detail else "Fiches actions"

    def get_serializer_class(self):
        return ActionSerializer if self.action == "list" else ActionDetailSerializer

    def get_object(self) -> Action:
        try:
            return selectors.action_detail(self.kwargs["external_id"])
        except Action.DoesNotExist as exc:
            raise Http404("Aucune fiche action de cet identifiant.") from exc

    def _read(self, external_id: str, code: int = status.HTTP_200_OK) -> Response:
        fresh = selectors.action_detail(external_id)
        return Response(ActionDetailSerializer(fresh).data, code)

    def create(self, request, *args, **kwargs) -> Response:
        data = validated(ActionCreateSerializer, request)
        try:
            territory = Territory.objects.prefetch_related("regions").get(
                generation__code=data.pop("generation"), identifier=data.pop("territory")
            )
        except Territory.DoesNotExist as exc:
            raise Http404("Aucun territoire de cet identifiant dans cette génération.") from exc
        with service_errors():
            created = services.action_create(territory=territory, by=request.user, **data)
        return self._read(created.external_id, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs) -> Response:
        current = self.get_object()
        data = validated(ActionUpdateSerializer, request)
        version = data.pop("version")
        with service_errors():
            services.action_update(action=current, version=version, by=request.user, **data)
        return self._read(current.external_id)

    def update(self, request, *args, **kwargs) -> Response:
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(
        summary="Faire avancer la fiche (préparer, engager, démarrer, achever, abandonner)",
        request=ActionTransitionSerializer,
        responses={200: ActionDetailSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, external_id=None) -> Response:
        current = self.get_object()
        data = validated(ActionTransitionSerializer, request)
        with service_errors():
            services.action_transition(action=current, by=request.user, **data)
        return self._read(current.external_id)

    @extend_schema(
        summary="Ajouter une ligne au plan de financement",
        description="Les champs de décision (décision, engagé, décaissé) reviennent au "
        "financeur (son instructeur), aux pilotes et à l'équipe nationale.",
        request=FundingLineCreateSerializer,
        responses={201: FundingLineSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="funding-lines", url_name="funding-lines")
    def funding_lines(self, request, external_id=None) -> Response:
        current = self.get_object()
        data = validated(FundingLineCreateSerializer, request)
        with service_errors():
            line = services.funding_line_add(action=current, by=request.user, **data)
        return Response(FundingLineSerializer(line).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["Mesures et fiches actions"])
@extend_schema_view(
    list=extend_schema(summary="Lignes de financement (filtres : financeur, mesure, décision…)"),
    retrieve=extend_schema(summary="Une ligne de financement"),
    partial_update=extend_schema(
        summary="Modifier la demande ou enregistrer la décision du financeur",
        request=FundingLineWriteSerializer,
        responses={200: FundingLineSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Retirer une ligne (ni engagée ni décaissée)",
        responses={204: None, **WRITE_ERRORS},
    ),
)
class FundingLineViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Lignes des plans de financement : financeur, mesure ou dispositif, montants demandé,
    engagé et décaissé, décision. Lecture libre, sans données personnelles."""

    queryset = FundingLine.objects.all()  # filtered and shaped by funding_line_list
    serializer_class = FundingLineSerializer
    filterset_class = FundingLineFilter
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_view_name(self) -> str:
        return "Ligne de financement" if self.detail else "Lignes de financement"

    def get_object(self) -> FundingLine:
        try:
            pk = int(self.kwargs["pk"])
            return (
                selectors.funding_line_list()
                .prefetch_related("action__territory__regions", "measure__operators")
                .get(pk=pk)
            )
        except (ValueError, FundingLine.DoesNotExist) as exc:
            raise Http404("Aucune ligne de financement de cet identifiant.") from exc

    def partial_update(self, request, *args, **kwargs) -> Response:
        line = self.get_object()
        data = validated(FundingLineWriteSerializer, request)
        with service_errors():
            services.funding_line_update(line=line, by=request.user, **data)
        return Response(FundingLineSerializer(self.get_object()).data)

    def update(self, request, *args, **kwargs) -> Response:
        return self.partial_update(request, *args, **kwargs)

    def destroy(self, request, *args, **kwargs) -> Response:
        line = self.get_object()
        with service_errors():
            services.funding_line_remove(line=line, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
