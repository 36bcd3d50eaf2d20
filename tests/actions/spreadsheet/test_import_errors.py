"""Each import error: located by sheet, line, column and value, in French; nothing written."""

from decimal import Decimal

import pytest

from tests.actions.factories import ActionFactory, FundingLineFactory
from tipilot.actions.spreadsheet import actions_import
from tipilot.actions.spreadsheet.columns import ACTION_COLUMNS

from .conftest import csv_bytes, template_files
from .helpers import assert_error, luhn_siren, only_error, snapshot

A, F = "Fiches actions", "Financements"
CASES = {
    "unknown territory": (
        [{"territory": "ti-9999"}],
        None,
        A,
        2,
        "Territoire",
        "Territoire inconnu",
    ),
    "unknown generation": ([{"generation": "2030-2034"}], None, A, 2, "Territoire", "génération"),
    "unknown axis": ([{"axis": "voler"}], None, A, 2, "Axe", "Axe inconnu"),
    "unknown measure": (
        [{"measures": "fonds-acceleration|pas-une-mesure"}],
        None,
        A,
        2,
        "Mesures",
        "pas-une-mesure",
    ),
    "unknown tag": ([{"tags": "friche"}], None, A, 2, "Thèmes", "Thème inconnu"),
    "unknown commune": ([{"commune": "99999"}], None, A, 2, "Commune (code INSEE)", "INSEE"),
    "unknown siren without name": (
        [{"lead_siren": luhn_siren("99988877")}],
        None,
        A,
        2,
        "Porteur (SIREN)",
        "SIREN inconnu",
    ),
    "siren with a wrong key": (
        [{"lead_siren": "123456788", "lead_name": "X"}],
        None,
        A,
        2,
        "Porteur (SIREN)",
        "Luhn",
    ),
    "unknown lead name": (
        [{"lead_name": "Mairie fantôme"}],
        None,
        A,
        2,
        "Porteur (nom)",
        "Aucune organisation",
    ),
    "bad number": ([{"total_cost": "douze mille"}], None, A, 2, "Coût total (€)", "Nombre attendu"),
    "three decimals": ([{"total_cost": "10,123"}], None, A, 2, "Coût total (€)", "décimales"),
    "bad integer": (
        [{"jobs_created_planned": "3,5"}],
        None,
        A,
        2,
        "Emplois créés prévus",
        "entier",
    ),
    "negative jobs": (
        [{"jobs_created_planned": "-3"}],
        None,
        A,
        2,
        "Emplois créés prévus",
        "négatif",
    ),
    "bad date": ([{"engaged_on": "31/02/2024"}], None, A, 2, "Engagée le", "JJ/MM/AAAA"),
    "bad boolean": ([{"is_relocation": "peut-être"}], None, A, 2, "Relocalisation", "oui"),
    "unknown status": ([{"status": "Terminée"}], None, A, 2, "Statut", "valeurs permises"),
    "missing title": ([{"title": ""}], None, A, 2, "Intitulé", "obligatoire"),
    "title too long": ([{"title": "x" * 301}], None, A, 2, "Intitulé", "trop long"),
    "bad NAF code": ([{"naf_code": "2562A"}], None, A, 2, "Code NAF", "25.62A"),
    "action dates out of order": (
        [{"engaged_on": "10/05/2024", "started_on": "2024-05-01"}],
        None,
        A,
        2,
        "Démarrée le",
        "précède la date d'engagement",
    ),
    "duplicate identifier": ([{}, {}], None, A, 3, "Identifiant", "en double"),
    "negative amount": ([{}], [{"amount_requested": "-5"}], F, 2, "Montant demandé (€)", "négatif"),
    "unknown funder category": (
        [{}],
        [{"funder_category": "Mécène"}],
        F,
        2,
        "Catégorie de financeur",
        "valeurs permises",
    ),
    "unknown line measure": ([{}], [{"measure": "nope"}], F, 2, "Mesure", "Mesure inconnue"),
    "duplicate line number": ([{}], [{}, {}], F, 3, "N° de ligne", "en double"),
    "line number zero": ([{}], [{"position": "0"}], F, 2, "N° de ligne", "commence à 1"),
    "line for an absent action": (
        [{}],
        [{"external_id": "FA-INCONNUE"}],
        F,
        2,
        "Identifiant",
        "absente du fichier",
    ),
    "paid more than committed": (
        [{}],
        [{"decision": "Accordé", "amount_committed": "100", "amount_paid": "200"}],
        F,
        2,
        "Montant décaissé (€)",
        "dépasse le montant engagé",
    ),
    "refused with a commitment": (
        [{}],
        [{"decision": "Refusé", "amount_committed": "100"}],
        F,
        2,
        "Montant engagé (€)",
        "refusé",
    ),
    "line dates out of order": (
        [{}],
        [{"requested_on": "01/03/2024", "committed_on": "01/02/2024", "decision": "Accordé"}],
        F,
        2,
        "Engagé le",
        "précède la date de demande",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_error_is_located_and_nothing_is_written(world, case):
    actions, lines, sheet, line, column, reason = case
    before = snapshot()
    report = actions_import(files=template_files(actions, lines), by=world.national, dry_run=False)
    assert_error(report, sheet, line, column, reason)
    assert snapshot() == before


def test_the_reported_value_is_the_cell_as_typed(world):
    report = actions_import(
        files=template_files([{"total_cost": "douze"}]), by=world.national, dry_run=False
    )
    assert only_error(report).value == "douze"


def test_errors_are_all_reported_not_just_the_first(world):
    files = template_files([{"axis": "voler"}, {"external_id": "FA-2", "territory": "ti-0000"}])
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert [(e.line, e.column) for e in report.errors] == [(2, "Axe"), (3, "Territoire")]


def test_missing_column(world):
    columns = tuple(c for c in ACTION_COLUMNS if c.key != "axis")
    files = [("fiches.csv", csv_bytes(columns, [{"external_id": "FA-1"}]))]
    before = snapshot()
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert_error(report, A, 1, "Axe", "Colonne obligatoire absente")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "ni classeur XLSX, ni CSV"),
        (b"PK\x03\x04not really a zip archive", "pas un classeur XLSX"),
        (b"", "vide"),
        (b"  \r\n", "vide"),
        (b"identifiant,territoire\r\nFA-1,ti-8401", "point-virgule"),
    ],
    ids=["image", "broken xlsx", "empty", "blank", "comma separated"],
)
def test_wrong_or_empty_file(world, content, reason):
    before = snapshot()
    report = actions_import(files=[("f.csv", content)], by=world.national, dry_run=False)
    error = only_error(report)
    assert error.sheet == "f.csv" and error.line == 0
    assert reason in error.message
    assert snapshot() == before


def test_a_workbook_without_the_sheets(world):
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Feuil1"
    buffer = BytesIO()
    book.save(buffer)
    report = actions_import(files=[("x.xlsx", buffer.getvalue())], by=world.national, dry_run=False)
    assert "Feuil1" in only_error(report).message


def test_two_csv_for_the_same_sheet(world):
    files = template_files([{}]) + [("copie.csv", template_files([{}])[0][1])]
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert "Deux fichiers CSV" in only_error(report).message


def test_removing_a_committed_line_is_refused(world):
    action = ActionFactory(territory=world.t1, external_id="FA-TEST-001")
    FundingLineFactory(action=action, position=1)
    FundingLineFactory(action=action, position=2, amount_committed=Decimal(50), decision="granted")
    before = snapshot()
    report = actions_import(files=template_files([{}], [{}]), by=world.national, dry_run=False)
    assert_error(report, A, 2, "Identifiant", "n° 2, engagée ou décaissée", value="FA-TEST-001")
    assert snapshot() == before


def test_a_lines_csv_missing_its_key_column_is_recognised(world):
    from tipilot.actions.spreadsheet.columns import LINE_COLUMNS

    columns = tuple(c for c in LINE_COLUMNS if c.key != "position")
    files = template_files([{}]) + [("lignes.csv", csv_bytes(columns, [{"external_id": "FA-1"}]))]
    report = actions_import(files=files, by=world.national, dry_run=False)
    assert_error(report, F, 1, "N° de ligne", "Colonne obligatoire absente")
    assert len(report.errors) == 1
