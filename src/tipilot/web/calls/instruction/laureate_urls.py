"""The public laureates and the calls' open-data files, mounted at ``/appels/laureats/``."""

from django.urls import path

from . import exports, laureates

urlpatterns = [
    path("", laureates.laureate_list, name="laureate-list"),
]
for _fmt in ("csv", "xlsx", "json"):
    urlpatterns += [
        path(
            f"laureats.{_fmt}",
            exports.download,
            {"what": "laureates", "fmt": _fmt},
            name=f"export-laureates-{_fmt}",
        ),
        path(
            f"appels.{_fmt}",
            exports.download,
            {"what": "calls", "fmt": _fmt},
            name=f"export-calls-{_fmt}",
        ),
    ]
