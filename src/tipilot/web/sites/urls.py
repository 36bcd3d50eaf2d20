"""Sites clés en main pages, mounted at ``/sites/``."""

from django.urls import path

from . import catalogue, detail, edit, exports

urlpatterns = [
    path("", catalogue.catalogue, name="site-list"),
    path("vagues/", catalogue.waves, name="site-waves"),
    path("nouveau/", edit.site_create, name="site-create"),
    path("export.csv", exports.download, {"fmt": "csv"}, name="export-sites-csv"),
    path("export.xlsx", exports.download, {"fmt": "xlsx"}, name="export-sites-xlsx"),
    path("export.json", exports.download, {"fmt": "json"}, name="export-sites-json"),
    path("<slug:slug>/", detail.site_detail, name="site-detail"),
    path("<slug:slug>/contact/", detail.site_enquiry, name="site-enquiry"),
    path("<slug:slug>/modifier/", edit.site_edit, name="site-edit"),
    path("<slug:slug>/etape/", edit.site_transition, name="site-transition"),
]
