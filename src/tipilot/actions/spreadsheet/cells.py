"""Cell values in and out: French decimal comma, JJ/MM/AAAA dates, oui/non, lists with « | ».

``parse`` raises ``CellError`` with a French reason; ``to_xlsx`` and ``to_csv`` write the one
format the export uses (native numbers and dates in XLSX; « 1234,50 » and « 31/12/2024 » in CSV).
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from .columns import CHOICES, LIST_SEPARATOR, Column

CENT = Decimal("0.01")
TRUE = {"oui", "o", "vrai", "true", "1", "x", "yes"}
FALSE = {"non", "n", "faux", "false", "0", "no", ""}


class CellError(ValueError):
    pass


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse(column: Column, value: object):
    """The typed value of a cell; ``None`` for an empty optional number or date."""
    parser = PARSERS[column.kind]
    result = parser(column, value)
    if column.required and result in ("", None, []):
        raise CellError("Valeur obligatoire.")
    return result


# A spreadsheet program runs a cell that starts with one of these as a formula (CSV injection):
# the CSV export prefixes such texts with an apostrophe, and the import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(column: Column, value: object) -> str:
    result = text(value)
    if result.startswith("'") and result[1:].startswith(FORMULA_STARTS):
        result = result[1:]
    if column.max_length and len(result) > column.max_length:
        raise CellError(f"Texte trop long ({len(result)} caractères, {column.max_length} au plus).")
    return result


def _int(column: Column, value: object) -> int | None:
    raw = text(value).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if raw == "":
        return None
    if isinstance(value, float) and not value.is_integer():
        raise CellError("Nombre entier attendu.")
    if not raw.lstrip("-").isdigit():
        raise CellError("Nombre entier attendu.")
    number = int(raw)
    if number < 0:
        raise CellError("Le nombre ne peut pas être négatif.")
    return number


def _decimal(column: Column, value: object) -> Decimal | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # repr gives the shortest text of a float: 1234.5 stays 1234.5, not 1234.4999…
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        raw = text(value)
        for space in (" ", "\u00a0", "\u202f"):
            raw = raw.replace(space, "")
        raw = raw.removesuffix("€")
        if raw == "":
            return None
        try:
            number = Decimal(raw.replace(",", "."))
        except InvalidOperation as exc:
            raise CellError("Nombre attendu (ex. 12500,50).") from exc
        if not number.is_finite():
            raise CellError("Nombre attendu (ex. 12500,50).")
    if number < 0:
        raise CellError("Le montant ne peut pas être négatif.")
    if number != number.quantize(CENT):
        raise CellError("Deux décimales au plus (centimes).")
    if number >= Decimal("1e12"):
        raise CellError("Montant trop grand (moins de 1 000 milliards d'euros).")
    return number.quantize(CENT)


def _date(column: Column, value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    if raw == "":
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise CellError("Date attendue au format JJ/MM/AAAA (ou AAAA-MM-JJ).")


def _bool(column: Column, value: object) -> bool:
    if isinstance(value, bool):
        return value
    raw = text(value).casefold()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise CellError("« oui » ou « non » attendu.")


def _choice(column: Column, value: object) -> str:
    raw = text(value)
    if raw == "":
        return ""
    enum = CHOICES[column.key]
    for choice in enum:
        if raw.casefold() in (choice.value.casefold(), str(choice.label).casefold()):
            return choice.value
    allowed = ", ".join(f"« {c.label} »" for c in enum)
    raise CellError(f"Valeur inconnue ; valeurs permises : {allowed}.")


def _list(column: Column, value: object) -> list[str]:
    return [part.strip() for part in text(value).split(LIST_SEPARATOR) if part.strip()]


PARSERS = {
    "text": _text,
    "int": _int,
    "decimal": _decimal,
    "date": _date,
    "bool": _bool,
    "choice": _choice,
    "list": _list,
}


def choice_label(key: str, value: str) -> str:
    return str(CHOICES[key](value).label) if value else ""


def to_xlsx(column: Column, value):
    """A cell for openpyxl: numbers and dates stay native, the rest is text."""
    if value is None:
        return None
    if column.kind == "choice":
        return choice_label(column.key, value)
    if column.kind == "bool":
        return "oui" if value else "non"
    if column.kind == "list":
        return LIST_SEPARATOR.join(value)
    return value


def to_csv(column: Column, value) -> str:
    if value is None:
        return ""
    if column.kind == "decimal":
        return f"{value:.2f}".replace(".", ",")
    if column.kind == "date":
        return value.strftime("%d/%m/%Y")
    if column.kind in ("choice", "bool", "list"):
        return to_xlsx(column, value)
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def to_json(column: Column, value):
    """Machine-friendly values: codes, ISO dates, amounts as strings with a point."""
    if value is None:
        return None
    if column.kind == "decimal":
        return f"{value:.2f}"
    if column.kind == "date":
        return value.isoformat()
    return value
