"""The language a reader picks is kept when the browser closes: the cookie has an age, not just the session."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

A_YEAR = 365 * 24 * 60 * 60  # 31 536 000 seconds


def test_the_language_switch_sets_a_cookie_kept_for_a_year(client):
    """Django's default ``LANGUAGE_COOKIE_AGE`` is None — a session cookie, so an English reader was back on
    Chinese pages each time the browser was reopened."""
    response = client.get(reverse("switch-language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["max-age"] == A_YEAR
    assert cookie["expires"]  # browsers that read only Expires keep it too
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
