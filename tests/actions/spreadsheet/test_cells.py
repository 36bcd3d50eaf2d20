"""Cell parsing: what people type in spreadsheets, and what openpyxl hands back."""

import datetime as dt
from decimal import Decimal

import pytest

from tipilot.actions.spreadsheet.cells import CellError, parse, to_csv
from tipilot.actions.spreadsheet.columns import ACTION_COLUMNS, LINE_COLUMNS

COLUMN = {c.key: c for c in ACTION_COLUMNS + LINE_COLUMNS}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1 250 000,50", Decimal("1250000.50")),
        ("1\u202f250,5 €", Decimal("1250.50")),
        ("1250.5", Decimal("1250.50")),
        (1250.5, Decimal("1250.50")),
        (0.1, Decimal("0.10")),
        (12, Decimal("12.00")),
        ("", None),
        (None, None),
    ],
)
def test_amounts(raw, expected):
    assert parse(COLUMN["total_cost"], raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("31/12/2024", dt.date(2024, 12, 31)),
        ("2024-12-31", dt.date(2024, 12, 31)),
        (dt.datetime(2024, 12, 31, 0, 0), dt.date(2024, 12, 31)),
        ("", None),
    ],
)
def test_dates(raw, expected):
    assert parse(COLUMN["engaged_on"], raw) == expected


@pytest.mark.parametrize("raw", ["12/31/2024", "demain", "2024-13-01"])
def test_bad_dates(raw):
    with pytest.raises(CellError, match="JJ/MM/AAAA"):
        parse(COLUMN["engaged_on"], raw)


def test_choices_by_label_or_code_any_case():
    assert parse(COLUMN["status"], "en cours") == "in_progress"
    assert parse(COLUMN["status"], "in_progress") == "in_progress"
    assert parse(COLUMN["funder_category"], "EPCI, communes, départements") == "local"


def test_lists_and_booleans():
    assert parse(COLUMN["measures"], " vte | fonds-acceleration |") == ["vte", "fonds-acceleration"]
    assert parse(COLUMN["is_relocation"], "OUI") is True
    assert parse(COLUMN["is_relocation"], None) is False


def test_numbers_typed_as_numbers_in_text_columns():
    assert parse(COLUMN["position"], 3.0) == 3
    assert parse(COLUMN["commune"], 1001.0) == "1001"  # zero-padded when resolved


def test_csv_writes_one_format():
    assert to_csv(COLUMN["total_cost"], Decimal("1250.5")) == "1250,50"
    assert to_csv(COLUMN["engaged_on"], dt.date(2024, 1, 2)) == "02/01/2024"
    assert to_csv(COLUMN["status"], "engaged") == "Engagée"
    assert to_csv(COLUMN["is_relocation"], False) == "non"


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x")', "+33 ligne", "-10 %", "@SUM(A1)"])
def test_csv_neutralises_formulas_and_the_import_restores_the_text(title):
    column = COLUMN["title"]
    written = to_csv(column, title)
    assert written == f"'{title}"
    assert parse(column, written) == title


def test_an_apostrophe_before_plain_text_is_kept():
    assert parse(COLUMN["title"], "'Atelier'") == "'Atelier'"
