"""A refused page action answers with its reason and a status that says so — never a 302 like a success.

403 the user may not do this, 409 the object's state does not allow it (already approved, changed by
someone else meanwhile), 422 the input is not acceptable (a reason left empty, a value out of range).
Success stays post/redirect/get. A refusal shows the page the action was sent from, with the reason in
the page's message list, rendered for this request with the refusal's status: the user reads why on
the screen they acted on, and a script or a test reads the status. The page carries its own address
(``data-shown-at``), which the browser puts in the address bar: reloading reads the page again instead
of sending the form twice, and the page's relative links and forms work as on the page itself.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render, resolve_url
from django.urls import Resolver404, resolve

FORBIDDEN, CONFLICT, TOO_LARGE, UNPROCESSABLE = 403, 409, 413, 422


def refuse(request: HttpRequest, reasons: Iterable[str], *, status: int, back: str) -> HttpResponse:
    """The page at ``back`` (a path on this site, or a URL name) with ``reasons`` as error messages,
    answered with ``status``."""
    back = resolve_url(back)
    for reason in reasons:
        messages.error(request, reason)
    response = _page_at(request, back)
    if response is None:
        response = render(request, "refused.html", {"back": back})
    response.status_code = status
    return response


def _page_at(request: HttpRequest, back: str) -> HttpResponse | None:
    """What a GET of ``back`` by this user shows; None when that is not a page (a redirect, a file, gone)."""
    parts = urlsplit(back)
    if parts.scheme or parts.netloc:
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    page = copy.copy(request)  # the same user, session, messages and CSRF token; only the method differs
    page.method = "GET"
    page.GET = QueryDict(parts.query)
    page.POST = QueryDict()
    page.path = page.path_info = parts.path
    page.resolver_match = match
    page.shown_at = back  # base.html asks the browser to show this address (behaviour.js)
    try:
        response = match.func(page, *match.args, **match.kwargs)
    except Http404:
        return None
    if response.status_code != 200 or response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return None
    return response
