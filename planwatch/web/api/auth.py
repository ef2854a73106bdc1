"""How API callers are recognised: a bearer token (scripts) or the browser session (with CSRF).

``READ`` also lets anonymous visitors through on safe methods; what they then see is decided by
the same ``for_user`` query sets as the pages (published figures only). A request that *sends* a
token that is wrong, expired or of a disabled account is refused with 401 — never served as
anonymous, so a script with a stale token learns it at once instead of reading the public's view.
"""

from __future__ import annotations

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, django_auth

from planwatch.web.monitoring.models import ApiToken

SAFE = ("GET", "HEAD", "OPTIONS")
INVALID_TOKEN = "令牌无效或已过期"


class TokenAuth(HttpBearer):
    def __call__(self, request):
        sent = request.headers.get(self.header, "")
        if sent and sent.split(" ")[0].lower() != self.openapi_scheme:
            raise AuthenticationError(401, INVALID_TOKEN)  # "Basic …" or a bare token: not ours
        return super().__call__(request)

    def authenticate(self, request, token: str):
        user = ApiToken.holder(token)
        if user is None:
            raise AuthenticationError(401, INVALID_TOKEN)
        request.user = user
        return user


def anonymous_read(request):
    """Anonymous visitors may read; the answer is the public's view."""
    if request.method in SAFE:
        return request.user
    return None


READ = [TokenAuth(), django_auth, anonymous_read]
WRITE = [TokenAuth(), django_auth]
