"""Site-wide small views: switching the language without a form token."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language


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
