from django.urls import path

from . import views

urlpatterns = [
    path("", views.contract_list, name="contract-list"),
    path("nouveau/<int:territory_pk>/", views.contract_create, name="contract-create"),
    path("<int:pk>/", views.contract_detail, name="contract-detail"),
    path("<int:pk>/modifier/", views.contract_edit, name="contract-edit"),
    path("<int:pk>/etape/", views.contract_transition, name="contract-transition"),
    path("<int:pk>/documents/", views.document_upload, name="contract-document-upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="contract-document",
    ),
    path("<int:pk>/signataires/", views.signatory_add, name="contract-signatory-add"),
    path(
        "<int:pk>/signataires/<int:signatory_pk>/retirer/",
        views.signatory_remove,
        name="contract-signatory-remove",
    ),
]
