"""Open-data files of a registry: CSV (``;``, UTF-8 with BOM), XLSX and JSON, from records.

Used by the deployments and France Expérimentation downloads. Text that a spreadsheet would
read as a formula is prefixed with an apostrophe in CSV and XLSX (never in JSON).
"""

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse

from tipilot.actions.spreadsheet.cells import FORMULA_STARTS
from tipilot.actions.spreadsheet.files import BOM, XLSX_TYPE


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(columns, records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield BOM + writer.writerow([header for _, header in columns])
    for record in records:
        yield writer.writerow([_cell(record[key]) for key, _ in columns])


def _json_chunks(records: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + json.dumps(record, ensure_ascii=False)
    yield "]"


def _xlsx(columns, records: Iterable[dict], title: str, filename: str) -> FileResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append([header for _, header in columns])
    for record in records:
        sheet.append([_cell(record[key]) for key, _ in columns])
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 — closed by FileResponse
    book.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def file_response(fmt: str, columns, records: Iterable[dict], *, name: str, title: str):
    """The records as ``<name>.<fmt>`` (csv, xlsx or json)."""
    if fmt == "xlsx":
        return _xlsx(columns, records, title, f"{name}.xlsx")
    if fmt == "csv":
        body, kind = _csv_lines(columns, records), "text/csv; charset=utf-8"
    else:
        body, kind = _json_chunks(records), "application/json"
    response = StreamingHttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
