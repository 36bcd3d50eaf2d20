"""Spreadsheet import and export of fiches actions and their funding lines (one template).

Public entry points:

- ``actions_import(*, files, by, dry_run)`` and ``actions_import_paths(*, paths, by, dry_run)``
  return an ``ImportReport`` (errors by sheet, line, column; created/updated/… counts);
- ``actions_for_export(*, region, territory, generation)`` selects actions to export;
- ``write_xlsx(target, actions)`` (``None``: the blank template), ``write_csv(actions_path,
  lines_path, actions)``, ``csv_lines(sheet, actions)``, ``json_chunks(sheet, actions)``.
"""

from .columns import ACTION_COLUMNS, ACTIONS_SHEET, LINE_COLUMNS, LINES_SHEET
from .export import action_records, actions_for_export, line_records
from .files import XLSX_TYPE, csv_lines, json_chunks, write_csv, write_xlsx, xlsx_bytes
from .importer import REASON, actions_import, actions_import_paths
from .report import ImportReport, RowError

__all__ = [
    "ACTION_COLUMNS",
    "ACTIONS_SHEET",
    "LINE_COLUMNS",
    "LINES_SHEET",
    "REASON",
    "XLSX_TYPE",
    "ImportReport",
    "RowError",
    "action_records",
    "actions_for_export",
    "actions_import",
    "actions_import_paths",
    "csv_lines",
    "json_chunks",
    "line_records",
    "write_csv",
    "write_xlsx",
    "xlsx_bytes",
]
