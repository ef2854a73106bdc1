"""Production by default: the secret key, the TLS-only settings, the Content-Security-Policy and the
answer to a locked-out login.

Settings read these from the environment (see ``docs/deployment.md``):

- ``PLANWATCH_SECRET_KEY``: the key; without it one is generated on first run into
  ``$PLANWATCH_VAR_DIR/secret_key`` (mode 600) and read back by every later process, so sessions
  survive a restart and several gunicorn workers agree.
- ``PLANWATCH_HTTPS=1``: the site is reached over TLS (directly or behind a proxy). Cookies are
  then Secure, plain HTTP is redirected and HSTS is sent. Without it the cookies could not be sent
  back by a browser talking plain HTTP to 127.0.0.1, so they are not marked Secure.
- ``PLANWATCH_PROXY_SSL_HEADER=1``: trust ``X-Forwarded-Proto: https`` from the reverse proxy
  (only behind a proxy that sets it; otherwise any caller could claim TLS).
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

SECRET_FILE = "secret_key"
HSTS_SECONDS = 365 * 24 * 3600

# Scripts only from our own origin (no inline script anywhere: behaviours live in static files).
# Inline *styles* stay allowed: ECharts and Swagger UI set style attributes through innerHTML, and
# a style cannot run code.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def secret_key(var_dir: Path) -> str:
    """``PLANWATCH_SECRET_KEY``, else the key in the var directory, made on first use (mode 600).

    ``O_EXCL`` makes the first of several starting processes the only writer; the others read it.
    """
    given = os.environ.get("PLANWATCH_SECRET_KEY", "").strip()
    if given:
        return given
    path = var_dir / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process may be between creating and writing the file
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.05)
        raise RuntimeError(f"{path} 为空:请删除它后重新启动,或设置 PLANWATCH_SECRET_KEY") from None
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w") as out:
        out.write(key + "\n")
    return key


def tls_settings() -> dict:
    """The settings that only make sense when browsers reach the site over TLS."""
    if not flag("PLANWATCH_HTTPS"):
        return {}
    found = {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": flag("PLANWATCH_SSL_REDIRECT", "1"),
        "SECURE_HSTS_SECONDS": int(os.environ.get("PLANWATCH_HSTS_SECONDS", HSTS_SECONDS)),
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": flag("PLANWATCH_HSTS_SUBDOMAINS", "1"),
        "SECURE_HSTS_PRELOAD": flag("PLANWATCH_HSTS_PRELOAD", "1"),
    }
    return found


def proxy_settings() -> dict:
    found: dict = {}
    if flag("PLANWATCH_PROXY_SSL_HEADER"):
        found["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
    origins = [
        o.strip() for o in os.environ.get("PLANWATCH_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
    ]
    if origins:
        found["CSRF_TRUSTED_ORIGINS"] = origins
    return found


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` to every answer that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


def lockout_response(request, credentials=None, *args, **kwargs):
    """django-axes: too many wrong passwords for this name from this address — a 429 in Chinese."""
    from django.shortcuts import render  # not at the top: settings import this module

    return render(request, "registration/locked.html", status=429)


NUL_REFUSED = "请求中含有空字符(NUL,\\u0000),已拒绝:文本中不能有这个字符"
_JSON_NUL = (b"\\u0000", b"\x00")


class RefuseNulMiddleware:
    """A NUL character in the address, the query or a JSON or form body is a 400 with a message.

    No text Planwatch keeps may hold one, and PostgreSQL refuses it in a text column or a query
    parameter with an error that would otherwise surface as a 500 (SQLite stores it silently).
    File uploads (multipart) are left to the importers, which read them as files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import JsonResponse

        if self._has_nul(request):
            return JsonResponse(
                {"detail": NUL_REFUSED}, status=400, json_dumps_params={"ensure_ascii": False}
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        from urllib.parse import unquote_plus

        if "\x00" in request.path or "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")):
            return True
        kind = request.content_type or ""
        if kind == "application/json" or kind.endswith("+json"):
            return any(mark in request.body for mark in _JSON_NUL)
        if kind == "application/x-www-form-urlencoded":
            return "\x00" in unquote_plus(request.body.decode("latin-1"))
        return False
