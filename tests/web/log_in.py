"""Sign a browser in through the login form, as a person does, and land on the page asked for."""

from __future__ import annotations

from tests.web.conftest import PASSWORD


def log_in(page, base: str, username: str, next_url: str) -> None:
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(f"{base}{next_url}")
