"""Write the template: an XLSX workbook (write-only, streamed) or CSV (``;``, UTF-8 with BOM)."""

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.db.models import QuerySet

from ..enums import ActionStatus, Decision, FunderCategory, Nature
from ..models import Action, Axis, Measure, Tag
from .cells import to_csv, to_json, to_xlsx
from .columns import ACTION_COLUMNS, ACTIONS_SHEET, LINE_COLUMNS, LINES_SHEET, README_SHEET
from .export import action_records, line_records

BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
AMOUNT_FORMAT = "#,##0.00"


def write_xlsx(target, actions: QuerySet[Action] | None) -> None:
    """The workbook to ``target`` (path or binary file); ``None`` writes the blank template."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    records = (action_records(actions), line_records(actions)) if actions is not None else ((), ())
    _sheet(book, ACTIONS_SHEET, ACTION_COLUMNS, records[0])
    _sheet(book, LINES_SHEET, LINE_COLUMNS, records[1])
    _readme(book)
    book.save(target)


def _sheet(book, title: str, columns, records: Iterable[dict]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    formats = {
        i: DATE_FORMAT if c.kind == "date" else AMOUNT_FORMAT
        for i, c in enumerate(columns)
        if c.kind in ("date", "decimal")
    }
    for record in records:
        row = [to_xlsx(c, record[c.key]) for c in columns]
        for i, value in enumerate(row):
            if i in formats and value is not None:
                row[i] = WriteOnlyCell(sheet, value=value)
                row[i].number_format = formats[i]
            elif isinstance(value, str) and value.startswith("="):
                row[i] = WriteOnlyCell(sheet, value=value)
                row[i].data_type = "s"  # text, never a formula
        sheet.append(row)


def readme_rows() -> Iterator[list[str]]:
    yield ["Modèle d'import et d'export des fiches actions (tipilot, Territoires d'industrie)"]
    yield [
        "Deux feuilles : « Fiches actions » (une ligne par action) et « Financements » "
        "(une ligne par ligne du plan de financement, clé : identifiant + n° de ligne)."
    ]
    yield [
        "Quand la feuille « Financements » est présente, elle donne le plan complet des "
        "fiches de la feuille « Fiches actions » : leurs autres lignes sont supprimées."
    ]
    yield []
    for title, columns in ((ACTIONS_SHEET, ACTION_COLUMNS), (LINES_SHEET, LINE_COLUMNS)):
        yield [f"Feuille « {title} »", "Nom technique (JSON)", "Obligatoire", "Signification"]
        for c in columns:
            yield [c.header, c.key, "oui" if c.required else "non", c.help]
        yield []
    yield ["Axes (code)", "Nom"]
    yield from ([a.code, a.name] for a in Axis.objects.all())
    yield []
    yield ["Mesures (code)", "Nom", "Axe"]
    yield from ([m.code, m.name, m.axis.code] for m in Measure.objects.select_related("axis"))
    yield []
    yield ["Thèmes (code)", "Libellé"]
    yield from ([t.slug, t.name] for t in Tag.objects.all())
    for title, enum in (
        ("Statuts", ActionStatus),
        ("Maîtrise d'ouvrage", Nature),
        ("Catégories de financeur", FunderCategory),
        ("Décisions", Decision),
    ):
        yield []
        yield [f"{title} (libellé)", "Code"]
        yield from ([str(c.label), c.value] for c in enum)


def _readme(book) -> None:
    sheet = book.create_sheet(README_SHEET)
    for letter, width in zip("ABCD", (40, 28, 12, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in readme_rows():
        sheet.append(row)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(sheet: str, actions: QuerySet[Action]) -> Iterator[str]:
    """The CSV of one sheet, line by line (for streaming), BOM first."""
    columns = ACTION_COLUMNS if sheet == ACTIONS_SHEET else LINE_COLUMNS
    records = action_records(actions) if sheet == ACTIONS_SHEET else line_records(actions)
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield BOM + writer.writerow([c.header for c in columns])
    for record in records:
        yield writer.writerow([to_csv(c, record[c.key]) for c in columns])


def write_csv(actions_path: Path, lines_path: Path, actions: QuerySet[Action]) -> None:
    for path, sheet in ((actions_path, ACTIONS_SHEET), (lines_path, LINES_SHEET)):
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.writelines(csv_lines(sheet, actions))


def json_chunks(sheet: str, actions: QuerySet[Action]) -> Iterator[str]:
    """A JSON list of objects keyed by the machine names, streamed."""
    import json

    columns = ACTION_COLUMNS if sheet == ACTIONS_SHEET else LINE_COLUMNS
    records = action_records(actions) if sheet == ACTIONS_SHEET else line_records(actions)
    yield "["
    for index, record in enumerate(records):
        item = {c.key: to_json(c, record[c.key]) for c in columns}
        yield ("," if index else "") + json.dumps(item, ensure_ascii=False)
    yield "]"


def xlsx_bytes(actions: QuerySet[Action] | None) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, actions)
    return buffer.getvalue()
