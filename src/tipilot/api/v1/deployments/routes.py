"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from django.urls import path

from .exports import DeploymentGeoJsonView
from .views import DeploymentTargetViewSet, DeploymentViewSet

urlpatterns: list = [  # plain paths, mounted before the router
    path("deployments.geojson", DeploymentGeoJsonView.as_view(), name="api-deployments-geojson"),
]


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("deployments", DeploymentViewSet, basename="deployment")
    router.register("deployment-targets", DeploymentTargetViewSet, basename="deployment-target")
