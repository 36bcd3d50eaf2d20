"""Deployments through the API: the registry (list, detail), and counts against targets."""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from tipilot.deployments import selectors
from tipilot.deployments.models import Deployment

from ..outputs import ReadOnlyViewSet
from .filters import DeploymentFilter, TargetFilter
from .serializers import DeploymentSerializer, TargetProgressSerializer


@extend_schema(tags=["Déploiements"])
@extend_schema_view(
    list=extend_schema(summary="Écoles de production, antennes du Cnam et VTE (filtres)"),
    retrieve=extend_schema(summary="Un déploiement : commune, territoire, statut, dates"),
)
class DeploymentViewSet(ReadOnlyViewSet):
    """Registre des déploiements : écoles de production, antennes du Cnam (par vague d'AMI) et
    volontariats territoriaux en entreprise, avec commune, territoire, statut et dates."""

    queryset = Deployment.objects.all()  # filtered and shaped by deployment_list (see filters)
    serializer_class = DeploymentSerializer
    filterset_class = DeploymentFilter

    def get_queryset(self):
        return selectors.deployment_list()


@extend_schema(tags=["Déploiements"])
@extend_schema_view(
    list=extend_schema(
        summary="Déploiements comptés par rapport aux objectifs (par type)",
        description="Antennes du Cnam : labellisées ou ouvertes ; VTE : en poste ou terminés ; "
        "écoles de production : ouvertes. Avec ``region`` ou ``territory``, seuls les "
        "déploiements de cette région ou de ce territoire sont comptés (l'objectif reste "
        "national).",
        responses=TargetProgressSerializer(many=True),
    )
)
class DeploymentTargetViewSet(viewsets.GenericViewSet):
    """Objectifs de déploiement et avancement."""

    queryset = Deployment.objects.none()
    filterset_class = TargetFilter
    filter_backends = [filters.DjangoFilterBackend]
    pagination_class = None
    permission_classes = [AllowAny]
    serializer_class = TargetProgressSerializer

    def get_view_name(self) -> str:
        return "Objectifs de déploiement"

    def list(self, request):
        filterset = TargetFilter(request.query_params, queryset=self.queryset)
        if not filterset.is_valid():
            raise serializers.ValidationError(filterset.errors)
        data = filterset.form.cleaned_data
        progress = selectors.target_progress(
            region=data.get("region") or "", territory=data.get("territory") or ""
        )
        return Response(TargetProgressSerializer(progress, many=True).data)
