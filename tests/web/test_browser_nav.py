"""The main menu fits one row on a laptop screen and its submenus open and lead somewhere."""

import pytest


@pytest.mark.browser
def test_main_menu_fits_one_row_and_submenus_open(live_server, db, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/")
    items = page.locator("#fr-navigation > ul > li.fr-nav__item")
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) == 1, "the main menu wraps onto a second row"
    assert not page.is_visible("#menu-settlements")
    page.click("button[aria-controls=menu-settlements]")
    page.wait_for_selector("#menu-settlements", state="visible")
    page.click("#menu-settlements >> text=Sites clés en main")
    page.wait_for_url("**/sites/", wait_until="commit")
    page.wait_for_selector("h1")
    current = page.locator("button[aria-controls=menu-settlements]")
    assert current.get_attribute("aria-current") == "true"
