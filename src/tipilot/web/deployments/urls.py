"""Deployments pages, mounted at ``/deploiements/``, and their open-data files."""

from django.urls import path

from . import downloads, edit, views

urlpatterns = [
    path("", views.deployment_list, name="deployment-list"),
    path("nouveau/", edit.deployment_create, name="deployment-create"),
    path("<int:pk>/", views.deployment_detail, name="deployment-detail"),
    path("<int:pk>/modifier/", edit.deployment_edit, name="deployment-edit"),
    path("<int:pk>/etape/", edit.deployment_transition, name="deployment-transition"),
]
urlpatterns += [
    path(f"deploiements.{fmt}", downloads.download, {"fmt": fmt}, name=f"export-deployments-{fmt}")
    for fmt in ("csv", "xlsx", "json", "geojson")
]
