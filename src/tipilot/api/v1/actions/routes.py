"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

urlpatterns: list = []  # plain paths, mounted before the router


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
