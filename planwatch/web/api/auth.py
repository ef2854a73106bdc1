"""How API callers are recognised: a bearer token (scripts) or the browser session (with CSRF).

``READ`` also lets anonymous visitors through on safe methods; what they then see is decided by
the same ``for_user`` query sets as the pages (published figures only).
"""

from __future__ import annotations

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from planwatch.web.monitoring.models import ApiToken

SAFE = ("GET", "HEAD", "OPTIONS")


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        row = ApiToken.objects.select_related("user").filter(key=token, user__is_active=True).first()
        if row is None:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


def anonymous_read(request):
    """Anonymous visitors may read; the answer is the public's view."""
    if request.method in SAFE:
        return request.user
    return None


READ = [TokenAuth(), django_auth, anonymous_read]
WRITE = [TokenAuth(), django_auth]
