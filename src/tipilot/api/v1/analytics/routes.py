"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from django.urls import path

from .views import BilanView, SnapshotViewSet

urlpatterns: list = [  # plain paths, mounted before the router
    path("bilan/", BilanView.as_view(), name="api-bilan"),
]


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("bilans", SnapshotViewSet, basename="bilan-snapshot")
