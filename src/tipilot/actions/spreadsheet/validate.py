"""Rows to model values: parse each cell, resolve codes and identifiers, check the rules.

Every problem is reported with its sheet, line, column and value; nothing stops at the first.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from tipilot.core.identifiers import validate_siren

from ..enums import ActionStatus, Decision
from ..models import naf_code
from .cells import CellError, parse
from .columns import ACTION_COLUMNS, ACTIONS_SHEET, LINE_COLUMNS, LINES_SHEET, Column
from .lookups import Lookups
from .report import ImportReport

COLUMNS = {
    sheet: {c.key: c for c in cols}
    for sheet, cols in ((ACTIONS_SHEET, ACTION_COLUMNS), (LINES_SHEET, LINE_COLUMNS))
}
ACTION_DATES = (("engaged_on", "started_on"), ("started_on", "completed_on"))
LINE_DATES = (("requested_on", "committed_on"), ("committed_on", "paid_on"))
DATE_MESSAGES = {
    "started_on": "La date de démarrage précède la date d'engagement.",
    "completed_on": "La date d'achèvement précède la date de démarrage.",
    "committed_on": "La date d'engagement précède la date de demande.",
    "paid_on": "La date de décaissement précède la date d'engagement.",
}


@dataclass
class NewOrganisation:
    """A porteur or funder to create (unknown SIREN, name given)."""

    siren: str
    name: str
    kind: str
    pk: int | None = None


@dataclass
class Row:
    """One valid row: its line, its parsed cells and the model values they resolve to."""

    sheet: str
    line: int
    cells: dict
    values: dict = field(default_factory=dict)
    measures: set[int] = field(default_factory=set)
    tags: set[int] = field(default_factory=set)
    measure: object = None  # the funding line's measure, for the decision right
    decided: bool = False  # the row changes a funding line's decision fields


class RowChecker:
    """Parses one sheet's rows and records each problem in the report."""

    def __init__(self, report: ImportReport, lookups: Lookups, new_orgs: dict):
        self.report = report
        self.lookups = lookups
        self.new_orgs = new_orgs  # siren -> NewOrganisation, shared by both sheets
        self.failed = False

    def fail(self, row: Row, key: str, message: str, value=None) -> None:
        column = COLUMNS[row.sheet][key]
        shown = row.cells.get(key) if value is None else value
        self.report.error(row.sheet, row.line, column.header, _shown(shown), message)
        self.failed = True

    def parse_cells(self, sheet: str, line: int, raw: dict) -> Row:
        row = Row(sheet, line, {})
        for key, column in COLUMNS[sheet].items():
            try:
                row.cells[key] = parse(column, raw.get(key))
            except CellError as error:
                row.cells[key] = None
                self.fail(row, key, str(error), value=raw.get(key))
        return row

    def organisation(self, row: Row, prefix: str, kind: str):
        """The pk of the organisation named by SIREN or name, a ``NewOrganisation``, or None."""
        siren, name = row.cells.get(f"{prefix}_siren") or "", row.cells.get(f"{prefix}_name") or ""
        if siren:
            siren = siren.zfill(9)
            if siren in self.lookups.orgs_by_siren:
                return self.lookups.orgs_by_siren[siren]
            return self._new_organisation(row, prefix, siren, name, kind)
        if not name:
            return None
        found = self.lookups.orgs_by_name.get(name, [])
        if len(found) == 1:
            return found[0]
        reason = (
            "Aucune organisation connue ne porte ce nom"
            if not found
            else "Plusieurs organisations portent ce nom"
        )
        self.fail(row, f"{prefix}_name", f"{reason} : indiquez son SIREN.")
        return None

    def _new_organisation(self, row: Row, prefix: str, siren: str, name: str, kind: str):
        try:
            validate_siren(siren)
        except ValidationError as error:
            self.fail(row, f"{prefix}_siren", error.messages[0])
            return None
        if not name:
            self.fail(
                row,
                f"{prefix}_siren",
                "SIREN inconnu de tipilot : indiquez aussi le nom de l'organisation pour la créer.",
            )
            return None
        return self.new_orgs.setdefault(siren, NewOrganisation(siren, name, kind))

    def dates_in_order(self, row: Row, pairs) -> None:
        for first, second in pairs:
            before, after = row.cells.get(first), row.cells.get(second)
            if before and after and after < before:
                self.fail(row, second, DATE_MESSAGES[second])


def _shown(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.strftime("%d/%m/%Y")
    return value


def check_action(checker: RowChecker, line: int, raw: dict) -> Row:
    row = checker.parse_cells(ACTIONS_SHEET, line, raw)
    cells, lookups = row.cells, checker.lookups
    territory = None
    if cells.get("territory"):
        territory = lookups.territory(cells["territory"], cells.get("generation") or "")
        if territory is None:
            checker.fail(row, "territory", _territory_reason(lookups, cells))
    axis = lookups.axes.get(cells.get("axis") or "")
    if cells.get("axis") and axis is None:
        checker.fail(row, "axis", f"Axe inconnu ; axes : {', '.join(lookups.axes)}.")
    row.measures = _codes(checker, row, "measures", lookups.measures, "Mesure inconnue")
    row.tags = _codes(checker, row, "tags", lookups.tags, "Thème inconnu")
    commune = _commune(checker, row)
    if cells.get("naf_code"):
        try:
            naf_code(cells["naf_code"])
        except ValidationError as error:
            checker.fail(row, "naf_code", error.messages[0])
    checker.dates_in_order(row, ACTION_DATES)
    lead = checker.organisation(row, "lead", "firm")
    row.values = _action_values(cells, territory, axis, commune, lead)
    return row


def _territory_reason(lookups: Lookups, cells: dict) -> str:
    if cells.get("generation"):
        return f"Territoire inconnu dans la génération {cells['generation']}."
    if len(lookups.by_identifier.get(cells["territory"], [])) > 1:
        return "Cet identifiant existe dans deux générations : précisez la génération."
    return "Territoire inconnu."


def _codes(checker: RowChecker, row: Row, key: str, known: dict, reason: str) -> set[int]:
    ids = set()
    for code in row.cells.get(key) or []:
        if code in known:
            ids.add(known[code].pk)
        else:
            checker.fail(row, key, f"{reason} : « {code} ».")
    return ids


def _commune(checker: RowChecker, row: Row):
    code = row.cells.get("commune") or ""
    if not code:
        return None
    commune = checker.lookups.communes.get(code.zfill(5))
    if commune is None:
        checker.fail(row, "commune", "Code INSEE de commune inconnu.")
    return commune


def _action_values(cells: dict, territory, axis, commune, lead) -> dict:
    values = {
        key: cells.get(key)
        for key in (
            "title",
            "description",
            "nature",
            "engaged_on",
            "started_on",
            "completed_on",
            "abandoned_on",
            "naf_code",
            "total_cost",
            "jobs_created_observed",
            "jobs_maintained_observed",
            "is_relocation",
            "is_fragile_territory",
        )
    }
    values["status"] = cells.get("status") or ActionStatus.IDEA
    values["jobs_created_planned"] = cells.get("jobs_created_planned") or 0
    values["jobs_maintained_planned"] = cells.get("jobs_maintained_planned") or 0
    values["territory_id"] = territory.pk if territory else None
    values["axis_id"] = axis.pk if axis else None
    values["commune_id"] = commune
    values["lead_id"] = lead
    return values


def check_line(checker: RowChecker, line: int, raw: dict) -> Row:
    row = checker.parse_cells(LINES_SHEET, line, raw)
    cells = row.cells
    measure = checker.lookups.measures.get(cells.get("measure") or "")
    if cells.get("measure") and measure is None:
        checker.fail(row, "measure", "Mesure inconnue.")
    if cells.get("position") == 0:
        checker.fail(row, "position", "Le n° de ligne commence à 1.")
    committed, paid = cells.get("amount_committed") or 0, cells.get("amount_paid") or 0
    if paid > committed:
        checker.fail(row, "amount_paid", "Le montant décaissé dépasse le montant engagé.")
    decision = cells.get("decision") or Decision.PENDING
    if decision == Decision.REFUSED and committed:
        checker.fail(row, "amount_committed", "Un financement refusé n'a pas de montant engagé.")
    checker.dates_in_order(row, LINE_DATES)
    kind = FUNDER_KINDS.get(cells.get("funder_category") or "", "other")
    row.values = {
        "funder_category": cells.get("funder_category"),
        "funder_id": checker.organisation(row, "funder", kind),
        "measure_id": measure.pk if measure else None,
        "instrument": cells.get("instrument") or "",
        "amount_requested": cells.get("amount_requested") or 0,
        "amount_committed": committed,
        "amount_paid": paid,
        "requested_on": cells.get("requested_on"),
        "decision": decision,
        "committed_on": cells.get("committed_on"),
        "paid_on": cells.get("paid_on"),
        "comment": cells.get("comment") or "",
    }
    row.measure = measure
    return row


FUNDER_KINDS = {
    "state": "state_service",
    "operator": "operator",
    "region": "region",
    "local": "other",
    "eu": "other",
    "private": "firm",
}


def column(sheet: str, key: str) -> Column:
    return COLUMNS[sheet][key]
