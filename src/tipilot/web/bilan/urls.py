from django.urls import path

from . import snapshots, views

urlpatterns = [
    path("bilan/", views.bilan, name="bilan"),
    path("bilan/bilan.csv", views.bilan_csv, name="bilan-csv"),
    path("bilan/figer/", views.bilan_freeze, name="bilan-freeze"),
    path("bilan/arretes/", snapshots.snapshot_list, name="bilan-snapshots"),
    path("bilan/arretes/<int:pk>/", snapshots.snapshot_detail, name="bilan-snapshot"),
    path("bilan/arretes/<int:pk>/bilan.csv", snapshots.snapshot_csv, name="bilan-snapshot-csv"),
    path(
        "bilan/arretes/<int:pk>/publier/", snapshots.snapshot_publish, name="bilan-snapshot-publish"
    ),
    path("territoires/<str:identifier>/bilan/", views.territory_bilan, name="territory-bilan"),
    path(
        "territoires/<str:identifier>/bilan/bilan.csv",
        views.territory_bilan_csv,
        name="territory-bilan-csv",
    ),
]
