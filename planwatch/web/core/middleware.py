"""Public pages that browsers and proxies may keep: on deadline day the portal's visitors should cost
a revalidation (304 by ETag), not a page render each."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_PREFIXES = ("/portal/",)


class PublicPageCaching:
    """Anonymous GETs of portal pages are marked ``Cache-Control: public`` with a max-age of
    ``PLANWATCH_PUBLIC_MAX_AGE`` seconds — by default 0, so browsers ask again each time and a publication
    shows at once (the answer, a 304 or the kept page, costs about a millisecond). Anything signed in,
    setting a cookie, or not a plain 200 stays private. Django's ConditionalGetMiddleware adds the ETag
    and answers 304."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self._shareable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PLANWATCH_PUBLIC_MAX_AGE)
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    @staticmethod
    def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method in ("GET", "HEAD")
            and request.path.startswith(PUBLIC_PREFIXES)
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not (user is not None and user.is_authenticated)
        )

