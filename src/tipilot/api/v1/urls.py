"""Open API v1.

The router's routes live in the ``api`` namespace (``api:region-list``, ``api:territory-detail``):
its basenames would otherwise take the public pages' names (``territory-list``,
``region-detail``). The exports keep global names, used by the public pages.
"""

from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token

from .actions import routes as actions_routes
from .analytics import routes as analytics_routes
from .calls import routes as calls_routes
from .contracts.calendar import CalendarView
from .contracts.views import ContractViewSet
from .deployments import routes as deployments_routes
from .experimentation import routes as experimentation_routes
from .geo.views import DepartmentViewSet, EpciViewSet, RegionGeoJsonView, RegionViewSet
from .governance.views import CopilMeetingViewSet
from .routers import ApiRouter
from .sites import routes as sites_routes
from .territories.exports import TerritoryCsvView, TerritoryGeoJsonView
from .territories.views import TerritoryViewSet

router = ApiRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("departments", DepartmentViewSet, basename="department")
router.register("epcis", EpciViewSet, basename="epci")
router.register("territories", TerritoryViewSet, basename="territory")
router.register("contracts", ContractViewSet, basename="contract")
router.register("copil-meetings", CopilMeetingViewSet, basename="copil-meeting")
actions_routes.register(router)
analytics_routes.register(router)
DOMAINS = (calls_routes, sites_routes, deployments_routes, experimentation_routes)
for domain in DOMAINS:
    domain.register(router)

urlpatterns = [
    # Before the router: its format suffixes (``territories.<format>``) would take these.
    path("territories.csv", TerritoryCsvView.as_view(), name="api-territories-csv"),
    path("territories.geojson", TerritoryGeoJsonView.as_view(), name="api-territories-geojson"),
    path("regions.geojson", RegionGeoJsonView.as_view(), name="api-regions-geojson"),
    path("calendar/", CalendarView.as_view(), name="api-calendar"),
    path("auth/token/", obtain_auth_token, name="api-token-obtain"),
    *actions_routes.urlpatterns,
    *analytics_routes.urlpatterns,
    *(pattern for domain in DOMAINS for pattern in domain.urlpatterns),
    path("", include((router.urls, "api"))),
]
