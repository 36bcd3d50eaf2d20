"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from .views import DerogationViewSet

urlpatterns: list = []  # plain paths, mounted before the router


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("derogations", DerogationViewSet, basename="derogation")
