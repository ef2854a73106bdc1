from __future__ import annotations

import pytest


@pytest.mark.browser
def test_chromium_renders_a_page_served_on_loopback(live_server, page):
    """The real browser reaches the real app: the login page renders in Chinese."""
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("h1").inner_text() == "登录"
