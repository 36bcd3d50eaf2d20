"""Open-data downloads of the published calls and their laureates: CSV, XLSX and JSON.

Public columns only (``calls.selectors.laureates``): no applicant, no instructor, no opinion;
applications appear as counts. The laureates take the public list's filters (``call``,
``region``, ``territoire``).
"""

import datetime as dt
import json
import tempfile
from decimal import Decimal

from django.http import FileResponse, HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from tipilot.api.v1.outputs import csv_response
from tipilot.calls.selectors import laureates as selectors

from .laureates import filters_from

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEETS = {
    "laureates": ("laureats", "Lauréats", selectors.LAUREATE_COLUMNS),
    "calls": ("appels-a-projets", "Appels à projets", selectors.CALL_COLUMNS),
}


def _records(request, what: str) -> list[dict]:
    if what == "calls":
        return [selectors.call_record(c) for c in selectors.published_calls()]
    laureates = selectors.laureate_list(filters_from(request.GET))
    return [selectors.laureate_record(a) for a in laureates]


def _cell(value, *, for_csv: bool):
    """Booleans as « oui / non », aware datetimes in Paris time, None as blank."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return local.isoformat() if for_csv else local.replace(tzinfo=None)
    return value


def _json_value(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def download(request, what: str, fmt: str):
    filename, title, columns = SHEETS[what]
    records = _records(request, what)
    if fmt == "csv":
        rows = ([_cell(v, for_csv=True) for v in r.values()] for r in records)
        return csv_response(list(columns.values()), rows, f"{filename}.csv")
    if fmt == "json":
        data = [{k: _json_value(v) for k, v in r.items()} for r in records]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(list(columns.values()))
    for record in records:
        sheet.append([_cell(v, for_csv=False) for v in record.values()])
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 — closed by FileResponse
    book.save(spool)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )
