"""Every page and export a user can GET, with its arguments filled in, for sweeping tests."""

from __future__ import annotations

import re

from django.urls import URLResolver, get_resolver

SKIP = ("admin/", "i18n/", "accounts/logout/", "api/docs")
POST_ONLY = re.compile(r"/(edit|submit|revise|approve|return|publish|propose|review)/?$|versions/")


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def _fill(route: str, values: dict[str, list[str]]) -> list[str]:
    urls = ["/" + route]
    for name in re.findall(r"<(?:\w+:)?(\w+)>", route):
        urls = [re.sub(rf"<(?:\w+:)?{name}>", value, url, count=1) for url in urls for value in values.get(name, [])]
    return urls


def gettable_urls(*, codes: list[str], observation_ids: list[int], plan_id: int) -> list[str]:
    """Pages and CSV exports: indicator pages for ``codes``, detail pages for ``observation_ids``."""
    ids = [str(i) for i in observation_ids]
    values = {"code": codes, "fmt": ["csv"], "pk": ids, "obs_id": ids, "plan_id": [str(plan_id)], "number": ["1"]}
    urls = []
    for route in _routes(get_resolver().url_patterns):
        if route.startswith(SKIP) or POST_ONLY.search("/" + route) or "history" in route:
            continue
        urls += _fill(route, values)
    return sorted(set(urls))
