"""Rendered pages kept until the data they show change (deadline day: read far more than written).

A kept page is found under a key made of everything it is made from:

- the data stamp (``planwatch.web.core.stamp``): any approval, publication, revision, return, target,
  judgement or plan change moves it, a draft does not;
- the code (templates, translations and modules of this deploy), the language and today's date in
  the plan's time zone (what is past due, which target version is in force);
- what the caller names: the page, the plan, the indicator, the audience.

Two ways in:

- ``public_page``: a whole anonymous portal response (GET, 200, sets no cookie), keyed by its full
  path; signed-in visitors are always served fresh.
- ``kept_html``: the heavy part of a signed-in page, keyed by its audience (the bureau, a unit's
  reporters), rendered without the parts that belong to one user (forms with a CSRF token, the
  navigation), which the view renders around it each time.

The store is ``CACHES['evaluation']`` (Redis in production, shared by the workers).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import TypeVar

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from planwatch.web.core import stamp

CACHE_ALIAS = "evaluation"
# A key holds one state of the data, so a key of an earlier state is never read again: an hour lets those
# go soon (each approval starts a new set) while a page of the current state is made at most hourly.
TIMEOUT_SECONDS = 3600
T = TypeVar("T")
_SOURCES = (".py", ".html", ".mo", ".js", ".css", ".json", ".csv")


class Counter:
    """Pages kept and pages made, per process: for tests and the bench."""

    hits = 0
    misses = 0

    @classmethod
    def reset(cls) -> None:
        cls.hits = cls.misses = 0


def kept(name: str, make: Callable[[], T], *, counter: type[Counter] = Counter, timeout: int = TIMEOUT_SECONDS,
         worth_keeping: Callable[[T], bool] = lambda _: True) -> T:
    """What is kept under ``name`` in the shared store, or what ``make()`` gives, kept when worth it.
    The one read-or-make of Planwatch's caches (kept pages here, evaluation results in the dashboard)."""
    store = caches[CACHE_ALIAS]
    found = store.get(name)
    if found is not None:
        counter.hits += 1
        return found
    counter.misses += 1
    made = make()
    if worth_keeping(made):
        store.set(name, made, timeout)
    return made


@cache
def code_version() -> str:
    """The deploy's code, templates and translations (by name, size and time) and Planwatch's settings
    (thresholds, the plan's time zone…): a new deploy or a changed setting never serves pages rendered
    before it."""
    from django.conf import settings

    root = Path(__file__).resolve().parents[2]
    digest = hashlib.blake2b(digest_size=12)
    ours = {name: getattr(settings, name) for name in dir(settings) if name.startswith(("PLANWATCH_", "TIME_"))}
    digest.update(repr(sorted(ours.items())).encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in _SOURCES and "migrations" not in path.parts:
            info = path.stat()
            digest.update(f"{path.relative_to(root)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def key(*parts: object) -> str:
    named = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"page:{code_version()}:{stamp.current()}:{timezone.localdate().isoformat()}:{get_language()}:{named}"


def kept_html(parts: tuple, render: Callable[[], str]) -> SafeString:
    """The HTML ``render()`` makes for ``parts``, made once per state of the data."""
    return mark_safe(kept(key(*parts), lambda: str(render())))  # noqa: S308 — our own escaped template output


def _shareable(response: HttpResponse) -> bool:
    return response.status_code == 200 and not response.cookies and not response.streaming


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep the anonymous answer of a public page until the published data change."""

    @wraps(view)
    def served(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        name = key("public", request.get_full_path(), request.headers.get("X-Planwatch-Export", ""))
        # Kept as the view answered it (pickled, as Django's own cache middleware keeps responses); the
        # middleware's headers are added to each copy on the way out.
        return kept(name, lambda: view(request, *args, **kwargs), worth_keeping=_shareable)

    return served
