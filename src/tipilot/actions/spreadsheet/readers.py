"""Read the template from an XLSX workbook or from one or two CSV files.

The file type is read from the content, not the name: an XLSX file is a ZIP archive; anything
else must be UTF-8 text separated by « ; ». The result keeps each cell as found (typed by
openpyxl for XLSX, text for CSV); ``validation`` parses it.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .columns import ACTIONS_SHEET, LINES_SHEET, SHEETS, header_index, normalise_header
from .report import RowError

ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (line number, key -> cell)


@dataclass
class ParsedFile:
    """The sheets found in the uploaded file(s), and what prevented reading them."""

    sheets: dict[str, Sheet] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    def error(self, sheet: str, message: str, column: str = "", value: object = "") -> None:
        self.errors.append(RowError(sheet, 0, column, value, message))


def read_files(files: list[tuple[str, bytes]]) -> ParsedFile:
    """Read (name, content) pairs: one XLSX workbook, or the CSV of each sheet."""
    parsed = ParsedFile()
    if not files:
        parsed.error("", "Aucun fichier n'a été fourni.")
        return parsed
    for name, content in files:
        if not content.strip():
            parsed.error(name, "Le fichier est vide.")
        elif content.startswith(ZIP_MAGIC):
            if len(files) > 1:
                parsed.error(
                    name, "Un classeur XLSX s'importe seul (il contient les deux feuilles)."
                )
            else:
                _read_xlsx(name, content, parsed)
        else:
            _read_csv(name, content, parsed)
    if (
        not parsed.errors
        and ACTIONS_SHEET not in parsed.sheets
        and LINES_SHEET not in parsed.sheets
    ):
        parsed.error("", "Aucune feuille « Fiches actions » ni « Financements » n'a été trouvée.")
    return parsed


def read_paths(paths: list[Path | str]) -> ParsedFile:
    return read_files([(Path(p).name, Path(p).read_bytes()) for p in paths])


def _read_xlsx(name: str, content: bytes, parsed: ParsedFile) -> None:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        parsed.error(
            name, f"Ce fichier n'est pas un classeur XLSX lisible ({exc.__class__.__name__})."
        )
        return
    try:
        for sheet_name in SHEETS:
            if sheet_name in book.sheetnames:
                rows = book[sheet_name].iter_rows(values_only=True)
                _take_rows(sheet_name, rows, parsed)
        if ACTIONS_SHEET not in book.sheetnames and LINES_SHEET not in book.sheetnames:
            found = ", ".join(f"« {s} »" for s in book.sheetnames)
            parsed.error(
                name,
                f"Le classeur n'a ni feuille « {ACTIONS_SHEET} » ni « {LINES_SHEET} » "
                f"(feuilles : {found}).",
            )
    finally:
        book.close()


def _read_csv(name: str, content: bytes, parsed: ParsedFile) -> None:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.error(name, "Type de fichier non reconnu : ni classeur XLSX, ni CSV en UTF-8.")
        return
    if "\x00" in text:
        parsed.error(name, "Type de fichier non reconnu : ni classeur XLSX, ni CSV en UTF-8.")
        return
    first = text.split("\n", 1)[0]
    if ";" not in first:
        parsed.error(name, "Le CSV doit utiliser le point-virgule « ; » comme séparateur.")
        return
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(rows)
    sheet_name = max(SHEETS, key=lambda sheet: _matching(sheet, header))
    if sheet_name in parsed.sheets:
        parsed.error(name, f"Deux fichiers CSV pour la feuille « {sheet_name} ».")
        return
    _take_rows(sheet_name, _chain([header], rows), parsed)


def _matching(sheet_name: str, header: list[str]) -> tuple[int, bool]:
    """How many headers of the sheet the CSV has (ties go to « Fiches actions »)."""
    index = header_index(SHEETS[sheet_name])
    return len({index[h] for h in map(normalise_header, header) if h in index}), (
        sheet_name == ACTIONS_SHEET
    )


def _chain(first, rest):
    yield from first
    yield from rest


def _take_rows(sheet_name: str, rows, parsed: ParsedFile) -> None:
    columns = SHEETS[sheet_name]
    index = header_index(columns)
    header = next(rows, None) or ()
    positions = {}
    for position, title in enumerate(header):
        column = index.get(normalise_header(title))
        if column is not None and column.key not in positions:
            positions[column.key] = position
    missing = [c.header for c in columns if c.key not in positions]
    for title in missing:
        parsed.errors.append(RowError(sheet_name, 1, title, "", "Colonne obligatoire absente."))
    sheet = Sheet(sheet_name)
    parsed.sheets[sheet_name] = sheet
    if missing:
        return
    for number, row in enumerate(rows, start=2):
        if not any(cell not in (None, "") and str(cell).strip() for cell in row):
            continue
        sheet.rows.append(
            (number, {key: row[i] if i < len(row) else None for key, i in positions.items()})
        )
