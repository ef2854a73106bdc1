"""Site-wide small views: switching the language without a form token; the error page when the database is away;
``/favicon.ico`` (browsers ask for it on the first page)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

RETRY_SECONDS = 5


def switch_language(request: HttpRequest) -> HttpResponse:
    """Set the language cookie and go back to the page (GET, so public pages carry no CSRF token and
    can be cached and revalidated by their ETag). Only a path on this site is followed back."""
    language = request.GET.get("language", "")
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    response = HttpResponseRedirect(back)
    if check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(), httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """While the database restarts, callers get a clear 503 (retry in a few seconds), not a 500.

    Django calls this for any uncaught error, in a view or a middleware, with the error still being
    handled, so it can tell a database that is away from a bug. The broken connection is dropped at the
    end of the request (and checked before reuse, see settings), so the worker recovers by itself.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        body = loader.render_to_string("503.html", {"retry_seconds": RETRY_SECONDS})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_SECONDS)
        patch_cache_control(response, no_store=True)
        return response
    return defaults.server_error(request)


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request: HttpRequest) -> HttpResponse:
    path = finders.find("planwatch/favicon.ico")
    if path is None:
        raise Http404
    return HttpResponse(Path(path).read_bytes(), content_type="image/x-icon")  # 4 KB: no streaming needed
