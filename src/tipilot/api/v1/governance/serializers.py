"""COPIL meetings in the API: the public record; members present and minutes only for the
programme's teams of the region (``governance.view_copil_private``)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tipilot.contracts.models import Amendment, Contract
from tipilot.geo.models import Region
from tipilot.governance.enums import DecisionKind
from tipilot.governance.models import CopilDecision, CopilMeeting, Person
from tipilot.territories.models import Territory


def sees_private(context: dict, meeting: CopilMeeting) -> bool:
    request = context.get("request")
    return request is not None and request.user.has_perm(
        "governance.view_copil_private", meeting.region
    )


class RegionRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code INSEE")
    name = serializers.CharField()


class DecisionSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", help_text="Nature en clair")
    territory = serializers.CharField(
        source="territory.identifier", allow_null=True, help_text="Identifiant du territoire"
    )
    contract = serializers.IntegerField(
        source="contract_id", allow_null=True, help_text="Identifiant du contrat dans l'API"
    )
    amendment = serializers.IntegerField(
        source="amendment.number", allow_null=True, help_text="Numéro de l'avenant"
    )

    class Meta:
        model = CopilDecision
        fields = ["id", "kind", "kind_label", "text", "territory", "contract", "amendment"]


class MeetingSerializer(serializers.ModelSerializer):
    region = RegionRefSerializer()
    decisions = DecisionSerializer(many=True)
    members_present = serializers.SerializerMethodField(
        help_text="Noms des membres présents, pour les équipes de la région ; sinon null"
    )
    minutes_url = serializers.SerializerMethodField(
        help_text="Compte rendu (PDF), pour les équipes de la région ; sinon null"
    )

    class Meta:
        model = CopilMeeting
        fields = [
            "id", "region", "date", "place", "agenda", "decisions", "members_present",
            "minutes_url",
        ]  # fmt: skip

    def get_members_present(self, meeting: CopilMeeting) -> list[str] | None:
        if not sees_private(self.context, meeting):
            return None
        return [str(person) for person in meeting.members_present.all()]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_minutes_url(self, meeting: CopilMeeting) -> str | None:
        if not meeting.minutes or not sees_private(self.context, meeting):
            return None
        path = reverse("copil-minutes", args=[meeting.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class MeetingWriteSerializer(serializers.Serializer):
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.defer("outline"), help_text="Code INSEE"
    )
    date = serializers.DateField()
    place = serializers.CharField(required=False, allow_blank=True, max_length=200)
    agenda = serializers.CharField()
    members_present = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(),
        many=True,
        required=False,
        help_text="Identifiants des personnes présentes",
    )


class DecisionWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    text = serializers.CharField()
    contract = serializers.PrimaryKeyRelatedField(
        queryset=Contract.objects.all(), required=False, allow_null=True
    )
    territory = serializers.PrimaryKeyRelatedField(
        queryset=Territory.objects.defer("outline", "search_text"),
        required=False,
        allow_null=True,
    )
    amendment = serializers.PrimaryKeyRelatedField(
        queryset=Amendment.objects.all(), required=False, allow_null=True
    )
