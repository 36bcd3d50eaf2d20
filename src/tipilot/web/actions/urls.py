"""Measures and fiches actions pages, mounted at the site root.

``fiches-actions/importer/`` belongs to the spreadsheet import pages (mounted before these).
"""

from django.urls import path

from . import detail, edit, funding, measures
from . import list as lists

LINE = "fiches-actions/<str:external_id>/financements/<int:line_pk>"

urlpatterns = [
    path("mesures/", measures.measure_list, name="measure-list"),
    path("mesures/<int:pk>/", measures.measure_detail, name="measure-detail"),
    path("mesures/<int:pk>/modifier/", measures.measure_edit, name="measure-edit"),
    path("fiches-actions/", lists.action_list, name="action-list"),
    path("fiches-actions/a-instruire/", lists.lines_to_instruct, name="funding-lines-to-instruct"),
    path("fiches-actions/nouvelle/", edit.action_create, name="action-create"),
    path(
        "territoires/<str:identifier>/fiches-actions/nouvelle/",
        edit.action_create,
        name="territory-action-create",
    ),
    path("fiches-actions/<str:external_id>/", detail.action_detail, name="action-detail"),
    path("fiches-actions/<str:external_id>/modifier/", edit.action_edit, name="action-edit"),
    path(
        "fiches-actions/<str:external_id>/etape/",
        edit.action_transition,
        name="action-transition",
    ),
    path(
        "fiches-actions/<str:external_id>/financements/",
        funding.line_add,
        name="funding-line-add",
    ),
    path(f"{LINE}/modifier/", funding.line_edit, name="funding-line-edit"),
    path(f"{LINE}/decision/", funding.line_decide, name="funding-line-decide"),
    path(f"{LINE}/retirer/", funding.line_remove, name="funding-line-remove"),
]
