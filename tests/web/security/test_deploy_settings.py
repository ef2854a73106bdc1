"""Production by default: ``check --deploy`` is clean for the production settings, DEBUG is off unless
asked for, and the secret key is generated once into the var directory, readable by its owner only.

Each case runs ``python -m planwatch.web.manage`` in a subprocess with its own environment, as a
deployment would start it (settings are read once per process).
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def _manage(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PLANWATCH_")
        and k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    clean.update(PLANWATCH_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-m", "planwatch.web.manage", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_for_the_production_settings(tmp_path):
    done = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", PLANWATCH_HTTPS="1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_without_tls_the_only_deploy_warnings_are_the_tls_ones(tmp_path):
    """Plain HTTP on 127.0.0.1 (the demo): Secure cookies would never come back, so they are off and
    check --deploy says so — and says nothing else."""
    done = _manage(tmp_path, "check", "--deploy")
    codes = sorted(set(re.findall(r"^\?: \((security\.W\d+)\)", done.stderr, re.MULTILINE)))
    assert codes == ["security.W004", "security.W008", "security.W012", "security.W016"], done.stderr


def test_debug_is_off_unless_asked_and_the_key_is_generated_once_with_mode_600(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"
    first = _manage(tmp_path, "shell", "--no-imports", "-c", code)
    second = _manage(tmp_path, "shell", "--no-imports", "-c", code)
    debug, key = first.stdout.split()
    assert debug == "False" and len(key) >= 50
    assert second.stdout.split()[1] == key  # read back, not made again
    path = tmp_path / "secret_key"
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert (
        _manage(tmp_path, "shell", "--no-imports", "-c", code, PLANWATCH_DEBUG="1").stdout.split()[0]
        == "True"
    )
    assert (
        _manage(tmp_path, "shell", "--no-imports", "-c", code, PLANWATCH_SECRET_KEY="k" * 60).stdout.split()[
            1
        ]
        == "k" * 60
    )


def test_tls_settings_mark_cookies_secure_and_send_hsts(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    plain = _manage(tmp_path, "shell", "--no-imports", "-c", code).stdout.strip().split(maxsplit=3)
    assert plain == ["False", "False", "0", "None"]
    tls = _manage(
        tmp_path, "shell", "--no-imports", "-c", code, PLANWATCH_HTTPS="1", PLANWATCH_PROXY_SSL_HEADER="1"
    ).stdout
    assert tls.strip() == "True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https')"
