"""The portal by keyboard alone: skip link first, every link reachable, the county picked with Enter."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = "() => { const e = document.activeElement; return [e.tagName, e.textContent.trim(), e.getAttribute('href')]; }"


def test_first_tab_reaches_the_skip_link_and_tabbing_reaches_an_indicator(live_server, page, seeded):
    page.goto(f"{live_server.url}/portal/")
    page.keyboard.press("Tab")
    tag, text, href = page.evaluate(ACTIVE)
    assert (tag, text, href) == ("A", "跳到正文", "#main")
    for _ in range(30):
        page.keyboard.press("Tab")
        tag, text, href = page.evaluate(ACTIVE)
        if href and "/portal/indicators/" in href:
            break
    assert href.endswith("/portal/indicators/I01/")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/indicators/I01/")
    assert "地区生产总值" in page.locator("h1").inner_text()
