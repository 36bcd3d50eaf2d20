"""In a real browser: the national bilan's charts, a region chosen from the list, the CSV."""

from pathlib import Path

import pytest

from tests.analytics.data import build_bilan_data

pytestmark = pytest.mark.browser


def test_national_bilan_filtered_to_a_region_then_downloaded(
    live_server, transactional_db, world, browser_page
):
    build_bilan_data(world)
    page = browser_page
    page.goto(f"{live_server.url}/bilan/")
    page.wait_for_selector("#bilan[data-charts=drawn]", timeout=15000)
    assert page.inner_text("#figure-actions") == "4"
    assert page.locator("canvas#chart-money-groups").bounding_box()["height"] > 100
    assert page.evaluate("document.getElementById('chart-trend').chart.data.labels.length") == 4
    assert page.is_visible("button[data-print]")  # shown once the script runs

    page.select_option("#bilan-region", "84")  # the list submits on change
    page.wait_for_url("**/bilan/?region=84*")
    page.wait_for_selector("#bilan[data-charts=drawn]")
    assert page.inner_text("h1") == "Bilan d'étape — Auvergne-Rhône-Alpes"
    assert page.inner_text("#figure-actions") == "2"
    assert "Territoire ti-8401" in page.inner_text("#table-breakdown")

    with page.expect_download() as download_info:
        page.click("#bilan-csv")
    download = download_info.value
    assert download.suggested_filename.startswith("bilan-region-84-")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeffrubrique;ligne;indicateur;valeur")
    assert "Périmètre;Échelle;périmètre;Auvergne-Rhône-Alpes" in text
    assert "Actions;Toutes;nombre;2" in text
    assert "Financements par groupe;État;engagé (€);80000" in text
