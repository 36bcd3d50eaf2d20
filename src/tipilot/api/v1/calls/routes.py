"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from django.urls import path

from .views import CallViewSet, LaureateCsvView, LaureateViewSet

urlpatterns: list = [  # plain paths, mounted before the router
    path("laureates.csv", LaureateCsvView.as_view(), name="api-laureates-csv"),
]


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("calls", CallViewSet, basename="call")
    router.register("laureates", LaureateViewSet, basename="laureate")
