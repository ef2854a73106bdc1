"""Fixtures every part of the suite may use: a real Chromium, a folder for artifacts, and each
test starting in the default language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in the test thread; Django then refuses ORM
# calls from that thread unless told the loop is not serving requests (it is not).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("PLANWATCH_CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic is refused on this closed network; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def _default_language():
    """Django's LocaleMiddleware activates a request's language for the thread and leaves it there:
    after a test that browsed in English, the next test's messages would be English too."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _evaluation_cache_per_test(settings, tmp_path_factory):
    """Each test starts with an empty evaluation cache (the real file backend, in a folder of its own):
    a result cached by an earlier test or an earlier run must not answer for this one."""
    folder = tmp_path_factory.mktemp("evaluation-cache")
    settings.CACHES = {**settings.CACHES, "evaluation": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(folder)}}
    yield


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright (never `playwright install`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package 'chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request):
    """A fresh browser context per test, Chinese locale, closed afterwards."""
    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
