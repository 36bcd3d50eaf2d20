"""Helpers to write small template files (CSV built by hand, so the reader is really tested)."""

import pytest

from tipilot.actions.spreadsheet.columns import ACTION_COLUMNS, LINE_COLUMNS

VALID_ACTION = {
    "external_id": "FA-TEST-001",
    "territory": "ti-8401",
    "generation": "2023-2027",
    "title": "Extension de l'atelier",
    "description": "Nouvelle ligne de production",
    "axis": "innover",
    "measures": "fonds-acceleration",
    "lead_siren": "",
    "lead_name": "",
    "nature": "Privée",
    "status": "Engagée",
    "engaged_on": "15/03/2024",
    "started_on": "",
    "completed_on": "",
    "abandoned_on": "",
    "commune": "",
    "naf_code": "25.62A",
    "total_cost": "1 250 000,50",
    "jobs_created_planned": "12",
    "jobs_maintained_planned": "30",
    "jobs_created_observed": "",
    "jobs_maintained_observed": "",
    "is_relocation": "oui",
    "is_fragile_territory": "non",
    "tags": "",
}
VALID_LINE = {
    "external_id": "FA-TEST-001",
    "position": "1",
    "funder_category": "État",
    "funder_siren": "",
    "funder_name": "",
    "measure": "fonds-acceleration",
    "instrument": "",
    "amount_requested": "200000",
    "amount_committed": "",
    "amount_paid": "",
    "requested_on": "2024-01-10",
    "decision": "",
    "committed_on": "",
    "paid_on": "",
    "comment": "",
}


def csv_bytes(columns, rows: list[dict]) -> bytes:
    lines = [";".join(c.header for c in columns)]
    for row in rows:
        lines.append(";".join(str(row.get(c.key, "")) for c in columns))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def template_files(actions=None, lines=None) -> list[tuple[str, bytes]]:
    """The two CSV files; ``None`` leaves a sheet out, dicts are merged into a valid row."""
    files = []
    if actions is not None:
        rows = [{**VALID_ACTION, **a} for a in actions]
        files.append(("fiches-actions.csv", csv_bytes(ACTION_COLUMNS, rows)))
    if lines is not None:
        rows = [{**VALID_LINE, **line} for line in lines]
        files.append(("lignes-financement.csv", csv_bytes(LINE_COLUMNS, rows)))
    return files


@pytest.fixture
def files():
    return template_files
