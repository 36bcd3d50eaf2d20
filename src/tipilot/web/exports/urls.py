from django.urls import path

from tipilot.actions.spreadsheet import ACTIONS_SHEET, LINES_SHEET

from . import views

urlpatterns = [
    path("", views.exports, name="exports"),
    path("modele-fiches-actions.xlsx", views.template, name="export-template"),
]
for _fmt in ("csv", "xlsx", "json"):
    urlpatterns += [
        path(
            f"fiches-actions.{_fmt}",
            views.download,
            {"sheet": ACTIONS_SHEET, "fmt": _fmt},
            name=f"export-actions-{_fmt}",
        ),
        path(
            f"lignes-financement.{_fmt}",
            views.download,
            {"sheet": LINES_SHEET, "fmt": _fmt},
            name=f"export-lines-{_fmt}",
        ),
    ]
