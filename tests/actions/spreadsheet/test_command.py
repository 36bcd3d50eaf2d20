"""``tipilot actions import|export|template``."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.actions.factories import ActionFactory, FundingLineFactory
from tipilot.actions.models import Action, FundingLine

DATA = Path(__file__).parents[2] / "data" / "actions"
GOOD = [str(DATA / "fiches-actions.csv"), str(DATA / "financements.csv")]


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("actions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_prints_the_counts_and_writes_nothing(world):
    out, _ = run("import", *GOOD, "--as", world.team.email, "--dry-run")
    assert "Validation réussie (rien n'a été écrit)" in out
    assert "Validation de 2 fiches et 3 lignes de financement" in out
    assert "2 fiches créées" in out and "3 lignes créées" in out
    assert not Action.objects.exists()


def test_import_then_reimport(world):
    out, _ = run("import", *GOOD, "--as", world.team.email)
    assert "Importé" in out and "2 fiches créées" in out
    assert (Action.objects.count(), FundingLine.objects.count()) == (2, 3)
    out, _ = run("import", *GOOD, "--as", world.team.email)
    assert "0 fiches créées, 0 fiches modifiées, 2 fiches inchangées" in out


def test_errors_exit_non_zero_with_the_report(world):
    with pytest.raises(CommandError, match="3 erreur"):
        _, err = run(
            "import", str(DATA / "fiches-actions-erreurs.csv"), "--as", world.national.email
        )
    assert not Action.objects.exists()


def test_errors_are_printed(world, capsys):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "actions",
            "import",
            str(DATA / "fiches-actions-erreurs.csv"),
            "--as",
            world.national.email,
            stderr=err,
            stdout=io.StringIO(),
        )
    report = err.getvalue()
    assert "Fiches actions, ligne 2, colonne « Territoire » (valeur « ti-9999 »)" in report
    assert "ligne 3, colonne « Axe »" in report
    assert "ligne 3, colonne « Coût total (€) » (valeur « -12 »)" in report


def test_unknown_account_and_missing_file(world, tmp_path):
    with pytest.raises(CommandError, match="aucun compte"):
        run("import", *GOOD, "--as", "personne@example.org")
    with pytest.raises(CommandError, match="introuvable"):
        run("import", str(tmp_path / "absent.xlsx"), "--as", world.team.email)


def test_a_role_without_import_right_is_refused(world):
    with pytest.raises(CommandError, match="ne permet pas"):
        run("import", *GOOD, "--as", world.instructor.email)


def test_export_xlsx_with_filters(world, tmp_path):
    ActionFactory(territory=world.t1, external_id="FA-A")
    FundingLineFactory(action=ActionFactory(territory=world.t3, external_id="FA-B"), position=1)
    target = tmp_path / "export.xlsx"
    out, _ = run("export", "--format", "xlsx", "-o", str(target), "--region", "27")
    assert "1 fiches actions exportées" in out
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["Fiches actions", "Financements", "Lisez-moi"]
    rows = list(book["Fiches actions"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["FA-B"]
    assert len(list(book["Financements"].iter_rows(values_only=True))) == 2


def test_export_csv_then_import_round_trip(world, tmp_path):
    ActionFactory(territory=world.t1, external_id="FA-A")
    run("export", "--format", "csv", "-o", str(tmp_path / "tout"), "--territory", "ti-8401")
    files = sorted(str(p) for p in tmp_path.glob("tout-*.csv"))
    assert [Path(f).name for f in files] == ["tout-fiches-actions.csv", "tout-financements.csv"]
    assert Path(files[0]).read_bytes().startswith("\ufeffIdentifiant;".encode())
    out, _ = run("import", *files, "--as", world.team.email, "--dry-run")
    assert "1 fiches inchangées" in out


def test_blank_template(world, tmp_path):
    target = tmp_path / "modele.xlsx"
    run("template", "-o", str(target))
    book = load_workbook(target, read_only=True)
    readme = [r[0] for r in book["Lisez-moi"].iter_rows(values_only=True) if r and r[0]]
    assert "Identifiant" in readme and "fonds-acceleration" in readme and "Engagée" in readme
    assert len(list(book["Fiches actions"].iter_rows(values_only=True))) == 1
