"""COPIL meetings through the API: public record, writes by the national team and the
region's pilots (``governance.manage_copil``), checked by the services."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tipilot.governance import services
from tipilot.governance.models import CopilDecision, CopilMeeting

from ..contracts.serializers import WRITE_ERRORS
from ..errors import service_errors
from .serializers import (
    DecisionSerializer,
    DecisionWriteSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
)


def meetings() -> QuerySet[CopilMeeting]:
    """Meetings with what the serializer reads, newest first, in a constant number of queries."""
    decisions = CopilDecision.objects.select_related("territory", "amendment").defer(
        "territory__outline", "territory__search_text"
    )
    return (
        CopilMeeting.objects.select_related("region")
        .defer("region__outline")
        .prefetch_related(Prefetch("decisions", queryset=decisions), "members_present")
        .order_by("-date", "region__code", "id")
    )


class MeetingFilter(filters.FilterSet):
    region = filters.CharFilter(field_name="region__code", label="Code INSEE de la région")
    year = filters.NumberFilter(field_name="date__year", label="Année de la réunion, ex. 2024")

    class Meta:
        model = CopilMeeting
        fields = ["region", "year"]


@extend_schema(tags=["COPIL"])
@extend_schema_view(
    list=extend_schema(summary="Réunions des COPIL régionaux et leurs décisions"),
    retrieve=extend_schema(summary="Une réunion de COPIL"),
    create=extend_schema(
        summary="Enregistrer une réunion",
        request=MeetingWriteSerializer,
        responses={201: MeetingSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Modifier une réunion (les champs absents restent tels quels)",
        request=MeetingWriteSerializer(partial=True),
        responses={200: MeetingSerializer, **WRITE_ERRORS},
    ),
)
class CopilMeetingViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Comités de pilotage régionaux : réunions, ordre du jour, décisions.

    Les membres présents et le compte rendu ne sont donnés qu'aux équipes du programme de la
    région. Écriture (équipe nationale, pilotes de la région) avec un jeton.
    """

    queryset = CopilMeeting.objects.all()  # shaped by meetings() (see get_queryset)
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self) -> QuerySet[CopilMeeting]:
        return meetings()

    def get_view_name(self) -> str:
        return "Réunion de COPIL" if self.detail else "Réunions de COPIL"

    def get_object(self) -> CopilMeeting:
        try:
            return meetings().get(pk=int(self.kwargs["pk"]))
        except (ValueError, CopilMeeting.DoesNotExist) as exc:
            raise Http404("Aucune réunion de cet identifiant.") from exc

    def _read(self, meeting: CopilMeeting, code: int = status.HTTP_200_OK) -> Response:
        fresh = meetings().get(pk=meeting.pk)
        return Response(MeetingSerializer(fresh, context=self.get_serializer_context()).data, code)

    def retrieve(self, request, *args, **kwargs) -> Response:
        return self._read(self.get_object())

    def create(self, request, *args, **kwargs) -> Response:
        payload = MeetingWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        with service_errors():
            meeting = services.copil_meeting_save(by=request.user, **payload.validated_data)
        return self._read(meeting, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs) -> Response:
        meeting = self.get_object()
        payload = MeetingWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        current = {
            "region": meeting.region,
            "date": meeting.date,
            "place": meeting.place,
            "agenda": meeting.agenda,
            "members_present": list(meeting.members_present.all()),
        }
        with service_errors():
            services.copil_meeting_save(
                by=request.user, meeting=meeting, **(current | payload.validated_data)
            )
        return self._read(meeting)

    @extend_schema(
        summary="Enregistrer une décision (valider un contrat le fait passer à « validé »)",
        request=DecisionWriteSerializer,
        responses={201: DecisionSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def decisions(self, request, pk=None) -> Response:
        meeting = self.get_object()
        payload = DecisionWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        with service_errors():
            decision = services.copil_decision_add(
                meeting=meeting, by=request.user, **payload.validated_data
            )
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)
