"""One investor's journey in a real browser: the catalogue's map, a filter that changes the
list and the markers, a site's page and an enquiry to its contact."""

from decimal import Decimal

import pytest

from tests.sites.factories import CONTACT, catalogue
from tipilot.sites.models import Enquiry, Site

MARKERS = "#sites-map path.leaflet-interactive"


@pytest.fixture
def live_sites(transactional_db, world):
    data = catalogue(world)
    points = (
        ("parc-des-forges", "45.76", "4.84"),
        ("zone-de-la-gare", "45.19", "5.72"),
        ("site-du-morvan", "47.08", "4.05"),
    )
    for slug, lat, lon in points:
        Site.objects.filter(slug=slug).update(latitude=Decimal(lat), longitude=Decimal(lon))
    return data


@pytest.mark.browser
def test_find_a_site_and_contact_its_referent(live_server, live_sites, browser_page, mailoutbox):
    page = browser_page
    page.goto(f"{live_server.url}/sites/")
    page.wait_for_selector("#sites-map[data-loaded=true]", timeout=15000)
    assert page.locator(MARKERS).count() == 3
    assert page.locator("#site-cards .site-card").count() == 3

    page.select_option("#region", "27")
    page.click("#filter-submit")
    page.wait_for_url("**/sites/?*region=27*", wait_until="commit")
    page.wait_for_selector("#sites-map[data-loaded=true]", timeout=15000)
    assert page.locator(MARKERS).count() == 1
    assert page.locator("#site-cards .site-card").count() == 1
    assert page.inner_text("#site-count") == "1"

    page.locator(MARKERS).first.click(force=True)
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    assert "Site du Morvan" in popup.inner_text()
    page.click(".leaflet-popup-content a")
    page.wait_for_url("**/sites/site-du-morvan/", wait_until="commit")
    page.wait_for_selector("#site-map[data-loaded=true]", timeout=15000)
    assert page.inner_text("h1") == "Site du Morvan"

    page.fill("#id_name", "Ines Investisseuse")
    page.fill("#id_company", "Usine Exemple SAS")
    page.fill("#id_email", "ines@usine-exemple.fr")
    page.fill("#id_message", "Nous cherchons 20 ha pour une usine de 80 emplois.")
    page.check("#id_consent", force=True)
    page.click("#enquiry-submit")
    page.wait_for_url("**/sites/site-du-morvan/#contact", wait_until="commit")
    page.wait_for_selector(".fr-alert--success")
    assert "transmis au référent du site" in page.inner_text(".fr-alert--success")
    assert CONTACT not in page.content()
    assert Enquiry.objects.get().company == "Usine Exemple SAS"
    [mail] = mailoutbox
    assert mail.to == [CONTACT] and "ines@usine-exemple.fr" in mail.reply_to[0]
