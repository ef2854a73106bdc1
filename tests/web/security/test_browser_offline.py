"""In Chromium, with every request to anywhere but the test server refused and recorded:
``/api/docs`` draws Swagger UI from Planwatch's own static files, ``/favicon.ico`` answers, and the
pages run under the Content-Security-Policy without a single violation."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _offline(page, live_server) -> list[str]:
    """Abort every request not to the live server's loopback host; return the list of those attempted."""
    own = urlsplit(live_server.url).hostname
    outside: list[str] = []

    def route(r):
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == own:
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    return outside


def test_api_docs_render_with_every_outside_request_blocked(live_server, page, artifacts_dir):
    outside = _offline(page, live_server)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20000)
    assert "Planwatch API" in page.inner_text(".swagger-ui .info .title")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/evaluation" in paths and "/api/observations/{obs_id}" in paths
    page.screenshot(path=str(artifacts_dir / "api-docs-offline.png"))
    assert outside == []
    assert violations == []


def test_favicon_and_pages_under_the_csp_load_nothing_from_outside(live_server, page):
    outside = _offline(page, live_server)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    answer = page.request.get(f"{live_server.url}/favicon.ico")
    assert answer.status == 200 and answer.headers["content-type"] == "image/x-icon"
    page.goto(f"{live_server.url}/accounts/login/")
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert icon.startswith("/static/") and page.request.get(live_server.url + icon).status == 200
    # The language switch is a behaviour from a static file now, not an inline handler.
    with page.expect_navigation(url=f"{live_server.url}/accounts/login/"):
        page.select_option("#lang-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert outside == [] and violations == []
