"""France Expérimentation pages, mounted at ``/france-experimentation/``."""

from django.urls import path

from . import downloads, views

urlpatterns = [
    path("", views.request_list, name="derogation-list"),
    path("nouvelle/", views.request_create, name="derogation-create"),
    path("<int:pk>/", views.request_detail, name="derogation-detail"),
    path("<int:pk>/modifier/", views.request_edit, name="derogation-edit"),
]
urlpatterns += [
    path(
        f"france-experimentation.{fmt}",
        downloads.download,
        {"fmt": fmt},
        name=f"export-derogations-{fmt}",
    )
    for fmt in ("csv", "xlsx", "json")
]
