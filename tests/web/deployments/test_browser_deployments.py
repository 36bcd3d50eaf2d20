"""In a real browser: the deployments registry's map markers, target progress, a kind filter."""

import pytest

from tests.deployments.conftest import commune_of
from tests.deployments.factories import DeploymentFactory, ensure_targets
from tipilot.deployments.enums import DeploymentKind as K

pytestmark = pytest.mark.browser


def test_registry_map_progress_and_kind_filter(live_server, transactional_db, world, browser_page):
    ensure_targets()
    a1, a3 = commune_of(world.t1), commune_of(world.t3)
    DeploymentFactory.create_batch(3, commune=a1, territory=world.t1)
    DeploymentFactory(name="École de production de Gamma", kind=K.PRODUCTION_SCHOOL, commune=a3,
                      territory=world.t3)  # fmt: skip
    DeploymentFactory.create_batch(2, kind=K.VTE, commune=a1, territory=world.t1)
    page = browser_page
    page.goto(f"{live_server.url}/deploiements/")
    page.wait_for_selector("#deployments-map[data-loaded=true]", timeout=15000)
    assert page.locator("#deployments-map path.tp-marker").count() == 6
    assert page.locator("#deployments-map path.tp-marker--vte").count() == 2
    cnam = page.locator('#deployment-progress [data-kind="cnam_antenna"]')
    assert cnam.locator(".tp-counted").inner_text() == "3"
    assert cnam.locator(".tp-target").inner_text() == "100"
    assert cnam.locator("progress").get_attribute("value") == "3"

    page.select_option("#type", "production_school")
    page.click("#deployment-filters button[type=submit]")
    page.wait_for_url("**/deploiements/?*type=production_school*")
    page.wait_for_selector("#deployments-map[data-loaded=true]", timeout=15000)
    assert page.locator("#deployments-map path.tp-marker").count() == 1
    assert page.inner_text("#deployment-count") == "1 déploiement."
    page.locator("#deployments-map path.tp-marker").click()
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    assert "École de production de Gamma" in popup.inner_text()
    page.click(".leaflet-popup-content a")
    page.wait_for_url("**/deploiements/*/", wait_until="commit")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "École de production de Gamma"
