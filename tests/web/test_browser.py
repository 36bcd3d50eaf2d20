"""One user journey in a real browser: open the map, find a territory by search."""

import pytest

from tests.conftest import DATA, import_territories, load_geo
from tipilot.geo import outlines


@pytest.fixture
def live_programme(transactional_db):
    load_geo("decoupage-2021", 2021)
    load_geo("decoupage-2026", 2026)
    outlines.load_outlines(
        shapes=outlines.read_geojson([DATA / "communes.geojson"]), progress=lambda *a: None
    )
    import_territories("ti-v2-2023-11.geojson", "2023-2027", "2023-11-14")
    import_territories("ti-v2-2024-07.geojson", "2023-2027", "2024-07-04")


@pytest.mark.browser
def test_find_a_territory_on_the_map(live_server, live_programme, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/carte/")
    page.wait_for_selector("#france-map[data-loaded=true]", timeout=15000)
    assert page.locator("#france-map path.leaflet-interactive").count() == 2
    page.fill("#map-search", "nevers")
    page.press("#map-search", "Enter")
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    assert "Nevers Val de Loire" in popup.inner_text()
    page.keyboard.press("Escape")  # close the search suggestions before clicking
    page.click(".leaflet-popup-content a")
    page.wait_for_url("**/territoires/ti-2701/?generation=2023-2027", wait_until="commit")
    page.wait_for_selector("#history")
    assert page.inner_text("h1") == "Nevers Val de Loire"
    assert "Cercy-la-Tour" in page.inner_text("#history")
