"""The v1 router: a browsable root that also links the exports, and two-part lookups."""

from rest_framework import routers
from rest_framework.response import Response
from rest_framework.reverse import reverse

EXPORTS = {
    "territories.csv": "api-territories-csv",
    "territories.geojson": "api-territories-geojson",
    "regions.geojson": "api-regions-geojson",
    "calendar": "api-calendar",
    "bilan": "api-bilan",
    "laureates.csv": "api-laureates-csv",
    "sites.csv": "api-sites-csv",
    "sites.geojson": "api-sites-geojson",
    "deployments.geojson": "api-deployments-geojson",
}


class ApiRootView(routers.APIRootView):
    """API ouverte du programme Territoires d'industrie, en lecture libre.

    Géographie de référence (régions, départements, EPCI) et territoires des deux générations,
    avec leurs exports CSV et GeoJSON ; mesures du programme, fiches actions et lignes de
    financement (sans données personnelles). Schéma OpenAPI : `/api/schema/`, documentation :
    `/api/docs/`.
    """

    def get_view_name(self) -> str:
        return "API ouverte tipilot"

    def get(self, request, *args, **kwargs) -> Response:
        response = super().get(request, *args, **kwargs)
        for key, url_name in EXPORTS.items():
            response.data[key] = reverse(url_name, request=request)
        return response


class ApiRouter(routers.DefaultRouter):
    """A router whose viewsets may name several URL lookups (``lookup_url_kwargs``).

    Territory identifiers are unique only within a generation: their detail route is
    ``territories/<generation>/<identifier>/``.
    """

    APIRootView = ApiRootView

    def get_lookup_regex(self, viewset, lookup_prefix: str = "") -> str:
        names = getattr(viewset, "lookup_url_kwargs", None)
        if not names:
            return super().get_lookup_regex(viewset, lookup_prefix)
        return "/".join(f"(?P<{lookup_prefix}{name}>[^/.]+)" for name in names)
