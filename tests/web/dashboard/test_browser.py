"""The dashboard in a real Chromium: overview, an indicator, the county map, English and back."""

from __future__ import annotations

import pytest

from tests.web.dashboard.browser import click_county, series_count, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signed_in_user_walks_dashboard_indicator_county_map_and_language(
    live_server, page, seeded, signed_in, artifacts_dir
):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, live_server, signed_in)

    page.goto(f"{live_server.url}/dashboard/")
    assert page.locator("h1").inner_text() == "驾驶舱"
    assert series_count(page, ".chart-bar") == 1
    page.screenshot(path=artifacts_dir / "dashboard.png", full_page=True)

    page.get_by_role("link", name="地区生产总值").first.click()
    page.wait_for_url("**/dashboard/indicators/I01/")
    assert "地区生产总值" in page.locator("h1").inner_text()
    # observed, baseline, target, straight path, projection (+ interval when the engine gives one)
    assert series_count(page, "#indicator-chart") >= 5
    # The chart's text alternative is the page's own label pointing at the table, not a generated dump.
    assert page.get_attribute("#indicator-chart", "aria-label").endswith("数值见下表")
    page.screenshot(path=artifacts_dir / "dashboard-indicator.png", full_page=True)

    page.get_by_role("link", name="县域分布").click()
    page.wait_for_url("**/dashboard/counties/I01/")
    assert series_count(page, "#county-map") == 1
    click_county(page, "#county-map", "南康区")
    detail = page.locator("#county-table-detail")
    detail.wait_for(state="visible")
    assert detail.inner_text().startswith("南康区")
    assert page.locator("tr.selected").get_attribute("data-county") == "南康区"
    page.screenshot(path=artifacts_dir / "dashboard-counties.png", full_page=True)

    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("By county")
    page.screenshot(path=artifacts_dir / "dashboard-counties-en.png", full_page=True)
    with page.expect_navigation():
        page.select_option("#lang-select", "zh-hans")
    assert page.locator("h1").inner_text().startswith("县域分布")
    assert errors == []


def test_county_can_be_chosen_from_the_keyboard(live_server, page, seeded, signed_in):
    """The map is not the only way in: the table's buttons select a county with Enter."""
    sign_in(page, live_server, signed_in)
    page.goto(f"{live_server.url}/dashboard/counties/I01/")
    page.locator('button[data-county="瑞金市"]').focus()
    page.keyboard.press("Enter")
    assert page.locator("#county-table-detail").inner_text().startswith("瑞金市")
