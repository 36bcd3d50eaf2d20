"""Browser fixture: Debian's chromium driven by Playwright (never a downloaded browser)."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page():
    if not CHROMIUM.exists():
        if os.environ.get("TIPILOT_REQUIRE_BROWSER"):
            pytest.fail("Chromium absent (/usr/bin/chromium) alors que le navigateur est exigé")
        pytest.skip("Chromium absent : installez le paquet Debian chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django's ORM calls stay in this thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=ARGS
            )
            page = browser.new_page()
            yield page
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
