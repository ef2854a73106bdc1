"""Portal pages for anonymous visitors can be kept by browsers and proxies and revalidated by ETag;
signed-in pages never are. The language switch needs no form token, so public pages are the same for
every visitor."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anonymous_portal_page_is_public_and_revalidates_by_etag(seeded, settings):
    client = Client()
    first = client.get(reverse("portal-home"))
    assert first.status_code == 200
    assert first["Cache-Control"] == f"public, max-age={settings.PLANWATCH_PUBLIC_MAX_AGE}"
    assert "csrfmiddlewaretoken" not in first.content.decode()
    again = client.get(reverse("portal-home"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_by_default_browsers_ask_again_each_time_so_a_publication_shows_at_once(seeded):
    """With a max-age, a visitor who had the portal open saw the old figure for that long after a
    publication (found walking the demo in Chromium); the server's kept page makes asking cheap."""
    from django.conf import settings as configured

    response = Client().get(reverse("portal-home"))
    assert configured.PLANWATCH_PUBLIC_MAX_AGE == 0
    assert response["Cache-Control"] == "public, max-age=0" and response.has_header("ETag")


def test_signed_in_pages_are_never_public(seeded, signed_in):
    client = Client()
    client.force_login(signed_in)
    for url in (reverse("portal-home"), reverse("dashboard")):
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url


def test_language_switch_sets_the_cookie_and_goes_back_on_this_site_only(seeded, settings):
    client = Client()
    went = client.get(reverse("switch-language"), {"language": "en", "next": "/portal/"})
    assert (went.status_code, went["Location"]) == (302, "/portal/")
    assert went.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Planwatch" in client.get("/portal/").content.decode()
    assert client.get("/portal/")["Content-Language"] == "en"
    away = client.get(reverse("switch-language"), {"language": "en", "next": "http://evil.example/"})
    assert away["Location"] == "/"
    unknown = client.get(reverse("switch-language"), {"language": "xx", "next": "/portal/"})
    assert settings.LANGUAGE_COOKIE_NAME not in unknown.cookies
