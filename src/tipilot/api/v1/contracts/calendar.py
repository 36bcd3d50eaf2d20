"""The signature calendar as JSON: counts per status and the contracts, same filters as the
public page (``region``, ``generation``)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tipilot.contracts.enums import CalendarStatus
from tipilot.contracts.selectors import calendar_counts, contract_list

from .serializers import TerritoryRefSerializer


class CalendarEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    territory = TerritoryRefSerializer()
    regions = serializers.SerializerMethodField()
    state = serializers.CharField()
    calendar_status = serializers.ChoiceField(source="calendar_state", choices=CalendarStatus)
    planned_signature_on = serializers.DateField(allow_null=True)
    signed_on = serializers.DateField(allow_null=True)

    def get_regions(self, contract) -> list[str]:
        return [r.code for r in contract.territory.regions.all()]


class CalendarView(APIView):
    """Calendrier des signatures : signés, prévus, en retard, sans date."""

    @extend_schema(
        tags=["Contrats"],
        summary="Calendrier des signatures (national ou par région)",
        parameters=[
            OpenApiParameter("region", OpenApiTypes.STR, description="Code de la région"),
            OpenApiParameter("generation", OpenApiTypes.STR, description="ex. 2023-2027"),
        ],
        responses=inline_serializer(
            "Calendar",
            {
                "counts": inline_serializer(
                    "CalendarCounts",
                    {s.value: serializers.IntegerField() for s in CalendarStatus}
                    | {"total": serializers.IntegerField()},
                ),
                "contracts": CalendarEntrySerializer(many=True),
            },
        ),
    )
    def get(self, request):
        contracts = contract_list(
            region=request.query_params.get("region", ""),
            generation=request.query_params.get("generation", ""),
        )
        return Response(
            {
                "counts": calendar_counts(contracts),
                "contracts": CalendarEntrySerializer(contracts, many=True).data,
            }
        )
