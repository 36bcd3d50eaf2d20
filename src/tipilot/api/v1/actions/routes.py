"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from .views import ActionViewSet, FundingLineViewSet, MeasureViewSet

urlpatterns: list = []  # plain paths, mounted before the router


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("measures", MeasureViewSet, basename="measure")
    router.register("actions", ActionViewSet, basename="action")
    router.register("funding-lines", FundingLineViewSet, basename="funding-line")
