"""A territory team imports its spreadsheet in a real browser: check, report, confirm."""

import pytest

from tests.actions.spreadsheet.conftest import template_files
from tests.governance.factories import PASSWORD
from tipilot.actions.models import Action

pytestmark = pytest.mark.browser


def test_team_checks_then_confirms_an_import(
    live_server, transactional_db, world, browser_page, tmp_path, settings
):
    settings.TIPILOT_IMPORT_DIR = tmp_path / "imports"
    bad, good = tmp_path / "erreurs.csv", tmp_path / "fiches-actions.csv"
    bad.write_bytes(template_files([{"axis": "voler"}])[0][1])
    good.write_bytes(template_files([{}])[0][1])
    page = browser_page
    page.goto(f"{live_server.url}/comptes/connexion/")
    page.fill("#id_username", world.team.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form:has(#id_password) button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/fiches-actions/importer/")
    page.set_input_files("#id_first", str(bad))
    page.locator("#import-form button[type=submit]").click()
    page.wait_for_selector("#import-errors")
    assert "Axe inconnu" in page.inner_text("main")

    page.set_input_files("#id_first", str(good))
    page.locator("#import-form button[type=submit]").click()
    page.wait_for_selector("#import-check")
    assert not Action.objects.exists()
    page.locator("#confirm-import").click()
    page.wait_for_selector("#import-done")
    assert Action.objects.get().external_id == "FA-TEST-001"
