from django.urls import path

from . import views

urlpatterns = [
    path("", views.import_page, name="actions-import"),
    path("confirmer/", views.import_confirm, name="actions-import-confirm"),
]
