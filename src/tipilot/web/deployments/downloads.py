"""The deployments registry as open data: CSV, XLSX, JSON and GeoJSON, with the list's filters."""

from django.http import HttpResponseBadRequest

from tipilot.deployments import selectors
from tipilot.deployments.tables import COLUMNS, record

from .files import file_response
from .forms import FilterForm


def _bad(form) -> HttpResponseBadRequest:
    errors = "; ".join(f"{form.fields[k].label} : {' '.join(v)}" for k, v in form.errors.items())
    return HttpResponseBadRequest(
        f"Filtres invalides — {errors}", content_type="text/plain; charset=utf-8"
    )


def download(request, fmt: str):
    form = FilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return _bad(form)
    filters = form.filters()
    if fmt == "geojson":
        from tipilot.api.v1.deployments.exports import geojson_of

        response = geojson_of(filters)
        response["Content-Disposition"] = 'attachment; filename="deploiements.geojson"'
        return response
    records = (record(d) for d in selectors.deployment_list(filters).iterator(chunk_size=2000))
    return file_response(fmt, COLUMNS, records, name="deploiements", title="Déploiements")
