"""Helpers for the Playwright tests: sign a browser in, read what ECharts drew."""

from __future__ import annotations

from django.test import Client

CHART_SERIES_JS = """(el) => { const c = echarts.getInstanceByDom(el); return c ? c.getOption().series.length : 0; }"""

COUNTY_PIXEL_JS = """([selector, name]) => {
  const el = document.querySelector(selector);
  const chart = echarts.getInstanceByDom(el);
  const feature = echarts.getMap('ganzhou').geoJSON.features.find(f => f.properties.name === name);
  return chart.convertToPixel({seriesIndex: 0}, feature.properties.cp);
}"""


def sign_in(page, live_server, user) -> None:
    """Give the browser the session of a user logged in through Django's test client."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def series_count(page, selector: str) -> int:
    return page.eval_on_selector(selector, CHART_SERIES_JS)


def click_county(page, selector: str, name: str) -> None:
    """Click the county's label point on the canvas, as a person would."""
    x, y = page.evaluate(COUNTY_PIXEL_JS, [selector, name])
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
