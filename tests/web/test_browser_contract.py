"""A regional pilot signs a contract in a real browser; the public calendar shows it."""

import datetime as dt

import pytest

from tests.governance.factories import PASSWORD
from tipilot.contracts.services import contract_transition, contract_update

pytestmark = pytest.mark.browser


def test_pilot_signs_a_contract_and_the_public_calendar_shows_it(
    live_server, transactional_db, world, browser_page
):
    page = browser_page
    day = dt.date.today() - dt.timedelta(days=10)
    contract = contract_update(
        contract=world.contract, version=None, by=world.national, planned_signature_on=day
    )
    for name in ("submit", "validate"):
        contract = contract_transition(contract=contract, name=name, by=world.national, on=day)

    page.goto(f"{live_server.url}/comptes/connexion/")
    page.fill("#id_username", world.pilot.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form:has(#id_password) button[type=submit]").click()
    page.wait_for_load_state()
    assert "connexion" not in page.url

    page.goto(f"{live_server.url}/contrats/{contract.pk}/")
    form = page.locator("#transition-sign")
    form.locator("textarea").fill("Signé en présence du préfet de région.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#contract-state")
    assert page.text_content("#contract-state").strip() == "Signé"
    assert page.inner_text("#contract-signed-on") == dt.date.today().strftime("%d/%m/%Y")

    anonymous = page.context.browser.new_page()
    anonymous.goto(f"{live_server.url}/calendrier/?region=84")
    signed = anonymous.locator("#signed")
    assert world.t1.name in signed.inner_text()
    assert "Signé" in anonymous.inner_text("main")
    anonymous.close()
