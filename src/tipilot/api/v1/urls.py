from django.urls import path
from rest_framework.routers import DefaultRouter

from .geo.views import DepartmentViewSet, EpciViewSet, RegionViewSet, regions_geojson
from .territories.views import (
    TerritoryDetailView,
    TerritoryViewSet,
    territories_csv,
    territories_geojson,
)

router = DefaultRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("departments", DepartmentViewSet, basename="department")
router.register("epcis", EpciViewSet, basename="epci")
router.register("territories", TerritoryViewSet, basename="territory")

urlpatterns = [
    path("territories.csv", territories_csv, name="api-territories-csv"),
    path("territories.geojson", territories_geojson, name="api-territories-geojson"),
    path("regions.geojson", regions_geojson, name="api-regions-geojson"),
    path(
        "territories/<str:generation>/<str:identifier>/",
        TerritoryDetailView.as_view(),
        name="territory-detail-api",
    ),
    *router.urls,
]
