"""Calls pages, mounted at ``/appels/``.

The instruction desk and the public laureates come first: ``<slug>/`` would take them.
"""

from django.urls import include, path

urlpatterns = [
    path("instruction/", include("tipilot.web.calls.instruction.urls")),
    path("laureats/", include("tipilot.web.calls.instruction.laureate_urls")),
    path("", include("tipilot.web.calls.applicant.urls")),
]
