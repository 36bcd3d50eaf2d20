"""Published France Expérimentation requests as open data: CSV, XLSX, JSON, with filters."""

from django.http import HttpResponseBadRequest

from tipilot.experimentation import selectors
from tipilot.experimentation.tables import COLUMNS, record

from ..deployments.files import file_response
from .forms import FilterForm


def download(request, fmt: str):
    form = FilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(
            f"{form.fields[k].label} : {' '.join(v)}" for k, v in form.errors.items()
        )
        return HttpResponseBadRequest(
            f"Filtres invalides — {errors}", content_type="text/plain; charset=utf-8"
        )
    rows = selectors.request_list(form.filters())  # anonymous reader: published requests only
    return file_response(
        fmt,
        COLUMNS,
        (record(r) for r in rows),
        name="france-experimentation",
        title="France Expérimentation",
    )
