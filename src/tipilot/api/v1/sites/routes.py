"""Routes of this domain: viewsets for the v1 router, and plain paths (exports...)."""

from django.urls import path

from .views import SiteCsvView, SiteGeoJsonView, SiteViewSet

urlpatterns: list = [  # plain paths, mounted before the router
    path("sites.geojson", SiteGeoJsonView.as_view(), name="api-sites-geojson"),
    path("sites.csv", SiteCsvView.as_view(), name="api-sites-csv"),
]


def register(router) -> None:
    """Register this domain's viewsets on the v1 router."""
    router.register("sites", SiteViewSet, basename="site")
