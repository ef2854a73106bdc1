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


# Fixtures through which a test reaches the database (directly or through any fixture built on them).
_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    """In the suite's PostgreSQL pass (``scripts/test`` sets PLANWATCH_DATABASE_TESTS_ONLY=1 there), run only
    the tests that touch a database: a parser, the engine or a bench script on its own SQLite file does the
    same thing on either pass, and the SQLite pass runs every test. A test that asks for PostgreSQL by a
    ``skipif`` (a restart, a kill mid-write, a row-lock race) always stays."""
    if os.environ.get("PLANWATCH_DATABASE_TESTS_ONLY") != "1":
        return
    kept, left = [], []
    for item in items:
        uses_database = bool(_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))
        asks_for_postgres = any(m.name in ("skipif", "django_db") for m in item.iter_markers())
        (kept if uses_database or asks_for_postgres else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
        print(f"\nPostgreSQL pass: {len(kept)} tests that use the database; {len(left)} that use none run in the "
              "SQLite pass only")
