"""In a real Chromium: the GDP page shows the real series with its sources; a reviewer sees the cargo flag."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit], input[type=submit]")


def test_the_public_gdp_page_shows_the_real_series_and_its_sources(live_server, page, real_data, ganzhou_plan,
                                                                   artifacts_dir):
    code = ganzhou_plan.indicators.get(name="GDP").code
    page.goto(f"{live_server.url}/portal/indicators/{code}/")
    text = page.locator("main").inner_text()
    assert "4940.47" in text  # as the source published it (赣州市2024年GDP总量为4940.47亿元)
    # Each source is a link named by the site that published it, to the page itself.
    links = page.locator("table.values a").evaluate_all("els => els.map(e => [e.textContent, e.href])")
    assert ["sdzhengyuanfeiye.com", "https://sdzhengyuanfeiye.com/11/4327.html"] in links
    assert ["maigoo.com", "https://maigoo.com/news/684228.html"] in links
    assert "来源类型" not in text and "可信度" not in text  # the loader's notes are internal
    page.screenshot(path=str(artifacts_dir / "realdata-gdp-page.png"), full_page=True)


def test_a_reviewer_reads_the_cargo_flag_and_records_a_finding(live_server, page, real_data, cast, artifacts_dir):
    from tests.web.conftest import PASSWORD

    _login(page, live_server, cast.reviewer.username, PASSWORD)
    page.goto(f"{live_server.url}/realdata/flags/")
    # The page itself never scrolls sideways, in either language: a wide table scrolls in its own box.
    for language in ("en", "zh-hans"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/realdata/flags/")
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("document.scrollingElement.scrollWidth - innerWidth") <= 0, (language, width)
    row = page.locator("tr", has_text="机场货邮吞吐量")
    assert "1574.5÷5814.2=27.08%" in row.inner_text()
    row.locator("textarea").fill("已向机场核实,增速32.7%系笔误")
    row.locator("button").click()
    assert "已记录核实意见" in page.locator("body").inner_text()
    assert "已向机场核实,增速32.7%系笔误" in page.locator("tr", has_text="机场货邮吞吐量").inner_text()
    page.screenshot(path=str(artifacts_dir / "realdata-flags.png"), full_page=True)
