"""Contracts through the API: public reads, writes under the same rules as the pages.

Every write calls a service: the lifecycle cannot be bypassed (``state`` is read-only; it moves
only through ``POST …/transition/``), permissions are checked there (403), bad input answers
400 with the service's messages and a stale ``version`` 409.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from tipilot.contracts import services
from tipilot.contracts.models import Contract
from tipilot.contracts.selectors import contract_detail
from tipilot.territories.models import Territory

from ..errors import service_errors, validated
from .filters import ContractFilter
from .serializers import (
    WRITE_ERRORS,
    ContractCreateSerializer,
    ContractSerializer,
    ContractUpdateSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    EventSerializer,
    SignatoryCreateSerializer,
    SignatorySerializer,
    TransitionSerializer,
    sees_private,
)


@extend_schema(tags=["Contrats"])
@extend_schema_view(
    list=extend_schema(summary="Contrats de territoire (filtres : région, génération, état)"),
    retrieve=extend_schema(summary="Un contrat : dates, avenants, signataires, documents"),
    create=extend_schema(
        summary="Créer le contrat d'un territoire",
        request=ContractCreateSerializer,
        responses={201: ContractSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Modifier l'intitulé, la présentation ou la date de signature prévue",
        description="L'état ne se modifie pas ici (il est ignoré) : voir « transition ».",
        request=ContractUpdateSerializer,
        responses={200: ContractSerializer, **WRITE_ERRORS},
    ),
)
class ContractViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Contrats de territoire : un par territoire et génération.

    Lecture libre, sans données personnelles. Écriture avec un jeton
    (``Authorization: Token …``, obtenu à ``/api/v1/auth/token/``) selon le rôle ; l'état ne
    change que par ``POST /api/v1/contracts/{id}/transition/``.
    """

    queryset = Contract.objects.all()  # filtered and shaped by contract_list (see filters)
    serializer_class = ContractSerializer
    filterset_class = ContractFilter

    def get_view_name(self) -> str:
        return "Contrat" if self.detail else "Contrats"

    def get_object(self) -> Contract:
        try:
            return contract_detail(int(self.kwargs["pk"]))
        except (ValueError, Contract.DoesNotExist) as exc:
            raise Http404("Aucun contrat de cet identifiant.") from exc

    def _read(self, contract: Contract, code: int = status.HTTP_200_OK) -> Response:
        fresh = contract_detail(contract.pk)
        return Response(ContractSerializer(fresh, context=self.get_serializer_context()).data, code)

    def retrieve(self, request, *args, **kwargs) -> Response:
        return self._read(self.get_object())

    def create(self, request, *args, **kwargs) -> Response:
        data = validated(ContractCreateSerializer, request)
        territory = get_object_or_404(
            Territory.objects.prefetch_related("regions"),
            generation__code=data.pop("generation"),
            identifier=data.pop("identifier"),
        )
        with service_errors():
            contract = services.contract_create(territory=territory, by=request.user, **data)
        return self._read(contract, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs) -> Response:
        contract = self.get_object()
        data = validated(ContractUpdateSerializer, request)  # unknown keys (state) dropped
        version = data.pop("version")
        with service_errors():
            services.contract_update(contract=contract, version=version, by=request.user, **data)
        return self._read(contract)

    @extend_schema(
        summary="Faire avancer le contrat (soumettre, valider, signer, avenant, clore)",
        request=TransitionSerializer,
        responses={200: ContractSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None) -> Response:
        contract = self.get_object()
        data = validated(TransitionSerializer, request)
        with service_errors():
            services.contract_transition(contract=contract, by=request.user, **data)
        return self._read(contract)

    @extend_schema(
        summary="Étapes du contrat (l'auteur n'est nommé que pour les équipes qui le suivent)",
        responses={200: EventSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def events(self, request, pk=None) -> Response:
        contract = self.get_object()
        context = {"request": request, "private": sees_private({"request": request}, contract)}
        return Response(EventSerializer(contract.events.all(), many=True, context=context).data)

    @extend_schema(
        summary="Déposer un document PDF",
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def documents(self, request, pk=None) -> Response:
        contract = self.get_object()
        data = validated(DocumentUploadSerializer, request)
        with service_errors():
            document = services.document_add(contract=contract, by=request.user, **data)
        body = DocumentSerializer(document, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Ajouter un signataire",
        request=SignatoryCreateSerializer,
        responses={201: SignatorySerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser, FormParser])
    def signatories(self, request, pk=None) -> Response:
        contract = self.get_object()
        data = validated(SignatoryCreateSerializer, request)
        with service_errors():
            signatory = services.signatory_add(contract=contract, by=request.user, **data)
        return Response(SignatorySerializer(signatory).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Retirer un signataire (pas d'un contrat signé)",
        parameters=[OpenApiParameter("signatory_id", int, OpenApiParameter.PATH)],
        responses={204: None, **WRITE_ERRORS},
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"signatories/(?P<signatory_id>\d+)",
        url_name="signatory-remove",
    )
    def signatory_remove(self, request, pk=None, signatory_id=None) -> Response:
        contract = self.get_object()
        signatory = get_object_or_404(contract.signatories.all(), pk=signatory_id)
        signatory.contract = contract
        with service_errors():
            services.signatory_remove(signatory=signatory, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
