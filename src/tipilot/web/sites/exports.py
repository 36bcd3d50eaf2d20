"""Open-data downloads of the sites clés en main: CSV, XLSX and JSON, with the catalogue's
filters. Public columns only (``tipilot.sites.tables``): no contact, no enquiry."""

import datetime as dt
import json
import tempfile
from decimal import Decimal

from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from openpyxl import Workbook

from tipilot.api.v1.outputs import csv_response
from tipilot.sites import selectors, tables

from .forms import CatalogueForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILENAME = "sites-cles-en-main"


def _sites(request):
    form = CatalogueForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(
            f"{form.fields[k].label if k in form.fields else k} : {' '.join(v)}"
            for k, v in form.errors.items()
        )
        return None, HttpResponseBadRequest(
            f"Filtres invalides — {errors}", content_type="text/plain; charset=utf-8"
        )
    return selectors.site_list(selectors.site_filters(form.api_data())), None


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def download(request, fmt: str):
    sites, error = _sites(request)
    if error is not None:
        return error
    if fmt == "csv":
        return csv_response(tables.HEADER, tables.rows(sites), f"{FILENAME}.csv")
    if fmt == "json":
        records = [
            dict(zip(tables.KEYS, map(_json_value, tables.values(s)), strict=True)) for s in sites
        ]
        response = HttpResponse(
            json.dumps(records, ensure_ascii=False, indent=1), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="{FILENAME}.json"'
        return response
    return _xlsx(sites)


def _xlsx(sites) -> FileResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sites clés en main")
    sheet.append(tables.HEADER)
    for row in tables.rows(sites):
        sheet.append(row)
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 — closed by FileResponse
    book.save(spool)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=f"{FILENAME}.xlsx", content_type=XLSX_TYPE
    )
