from django.urls import include, path

from .views import home, map, regions, territories

urlpatterns = [
    path("", home.home, name="home"),
    path("territoires/", territories.territory_list, name="territory-list"),
    path("territoires/<str:identifier>/", territories.territory_detail, name="territory-detail"),
    path("regions/<str:code>/", regions.region_detail, name="region-detail"),
    path("carte/", map.france_map, name="map"),
    path("comptes/", include("tipilot.web.account.urls")),
    path("", include("tipilot.web.signature_calendar.urls")),
    path("contrats/", include("tipilot.web.contracts.urls")),
    path("", include("tipilot.web.governance.urls")),
    path("fiches-actions/importer/", include("tipilot.web.imports.urls")),
    path("", include("tipilot.web.actions.urls")),
    path("", include("tipilot.web.bilan.urls")),
    path("exports/", include("tipilot.web.exports.urls")),
    path("appels/", include("tipilot.web.calls.urls")),
    path("sites/", include("tipilot.web.sites.urls")),
    path("deploiements/", include("tipilot.web.deployments.urls")),
    path("france-experimentation/", include("tipilot.web.experimentation.urls")),
]
