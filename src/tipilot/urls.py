from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("tipilot.web.urls")),
    path("api/v1/", include("tipilot.api.v1.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages without an icon link (the API's browsable pages).
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("dsfr/dist/favicon/favicon.ico"), permanent=True),
    ),
]
