"""Contracts in the API: the public record, and the inputs of the writes.

No personal data for the public: a signatory's representative is named only if they hold a
public office (never an email or a phone), an event's author only for readers allowed the
private part, and documents of a contract not yet signed only for them too.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers

from tipilot.contracts.enums import CalendarStatus, ContractState, DocumentKind, Transition
from tipilot.contracts.models import Amendment, Contract, ContractDocument, ContractEvent, Signatory
from tipilot.governance.enums import OrganisationKind
from tipilot.governance.models import Organisation, Person

PUBLIC_DOCUMENT_STATES = (ContractState.SIGNED, ContractState.AMENDING, ContractState.CLOSED)


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Le motif, en français")


# What the writes may answer besides success (see ``api.v1.errors.service_errors``).
WRITE_ERRORS = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT, description="Données refusées : messages par champ, en français"
    ),
    401: OpenApiResponse(DetailSerializer, description="Sans jeton ni session"),
    403: OpenApiResponse(DetailSerializer, description="Votre rôle ne le permet pas"),
    409: OpenApiResponse(
        DetailSerializer, description="Modifié entre-temps par quelqu'un d'autre : rien écrit"
    ),
}


def sees_private(context: dict, contract: Contract) -> bool:
    request = context.get("request")
    return request is not None and request.user.has_perm("contracts.view_private", contract)


def documents_visible(context: dict, contract: Contract) -> bool:
    """Documents are public once the contract is signed; before, only for those who follow it."""
    return contract.state in PUBLIC_DOCUMENT_STATES or sees_private(context, contract)


class TerritoryRefSerializer(serializers.Serializer):
    generation = serializers.CharField(source="generation.code", help_text="ex. 2023-2027")
    identifier = serializers.CharField(help_text="ex. ti-8401")
    name = serializers.CharField()


class AmendmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Amendment
        fields = ["number", "title", "state", "started_on", "signed_on"]


class SignatorySerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", help_text="Nom")
    organisation_kind = serializers.ChoiceField(
        source="organisation.kind", choices=OrganisationKind.choices, help_text="Nature"
    )
    siren = serializers.CharField(source="organisation.siren", help_text="Vide si inconnu")
    representative = serializers.SerializerMethodField(
        help_text="Nom du signataire s'il exerce une fonction publique élective, sinon null"
    )

    class Meta:
        model = Signatory
        fields = ["id", "organisation", "organisation_kind", "siren", "capacity", "representative"]

    def get_representative(self, signatory: Signatory) -> str | None:
        person = signatory.representative
        return str(person) if person is not None and person.public_office else None


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Téléchargement du PDF")

    class Meta:
        model = ContractDocument
        fields = ["id", "kind", "title", "size", "url"]

    def get_url(self, document: ContractDocument) -> str:
        path = reverse("contract-document", args=[document.contract_id, document.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ContractSerializer(serializers.ModelSerializer):
    territory = TerritoryRefSerializer()
    regions = serializers.SerializerMethodField(help_text="Codes INSEE des régions")
    state_label = serializers.CharField(source="get_state_display", help_text="État en clair")
    calendar_status = serializers.SerializerMethodField(
        help_text="Au calendrier des signatures : signé, prévu, en retard ou sans date"
    )
    amendments = AmendmentSerializer(many=True)
    signatories = SignatorySerializer(many=True)
    documents = serializers.SerializerMethodField(
        help_text="Documents publics une fois le contrat signé"
    )

    class Meta:
        model = Contract
        fields = [
            "id", "territory", "regions", "title", "summary", "state", "state_label",
            "planned_signature_on", "signed_on", "closed_on", "calendar_status", "version",
            "amendments", "signatories", "documents", "is_demo",
        ]  # fmt: skip
        read_only_fields = fields

    def get_regions(self, contract: Contract) -> list[str]:
        return [r.code for r in contract.territory.regions.all()]

    @extend_schema_field(serializers.ChoiceField(choices=CalendarStatus.choices))
    def get_calendar_status(self, contract: Contract) -> str:
        annotated = getattr(contract, "calendar_state", None)  # set by contract_list
        return annotated or contract.calendar_status()

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, contract: Contract) -> list[dict]:
        if not documents_visible(self.context, contract):
            return []
        return DocumentSerializer(contract.documents.all(), many=True, context=self.context).data


class EventSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField(
        help_text="Auteur de l'étape, pour les équipes qui suivent le contrat ; sinon null"
    )

    class Meta:
        model = ContractEvent
        fields = ["transition", "source", "target", "on", "comment", "author"]

    def get_author(self, event: ContractEvent) -> str | None:
        if event.author is None or not self.context.get("private"):
            return None
        return event.author.get_full_name() or event.author.username


class ContractCreateSerializer(serializers.Serializer):
    generation = serializers.CharField(help_text="Génération du territoire, ex. 2023-2027")
    identifier = serializers.CharField(help_text="Identifiant du territoire, ex. ti-8401")
    title = serializers.CharField(max_length=250)
    summary = serializers.CharField(required=False, allow_blank=True)
    planned_signature_on = serializers.DateField(required=False, allow_null=True)


class ContractUpdateSerializer(serializers.Serializer):
    """The editable fields; ``state`` and the dates of signature are not among them."""

    title = serializers.CharField(max_length=250, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    planned_signature_on = serializers.DateField(required=False, allow_null=True)
    version = serializers.IntegerField(
        help_text="La version lue avant modification : 409 si quelqu'un a enregistré entre-temps"
    )


class TransitionSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=Transition.choices, help_text="La transition")
    on = serializers.DateField(required=False, help_text="Date d'effet ; aujourd'hui par défaut")
    comment = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(
        required=False, allow_null=True, help_text="Si donnée : 409 si le contrat a changé"
    )
    amendment_title = serializers.CharField(
        required=False, allow_blank=True, help_text="Objet de l'avenant (start_amendment)"
    )


class DocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    title = serializers.CharField(max_length=250)
    file = serializers.FileField(help_text="Un PDF, dans la limite de taille du service")


class SignatoryCreateSerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    representative = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )
    capacity = serializers.CharField(required=False, allow_blank=True, max_length=200)
