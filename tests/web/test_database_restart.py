"""A database restart under a running server: callers get a clear 503 while it is away, and every worker
serves again by itself once it is back — no server restart.

The server is the production one (gunicorn, two workers) on a loopback port, against a PostgreSQL
database of its own. The restart is what the workers see of one: their connections are cut and new ones
are refused (``ALLOW_CONNECTIONS false``) for a while, then allowed again — without stopping the cluster
that the rest of the suite is using. It needs PostgreSQL, so it runs in the suite's PostgreSQL pass.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not URL.startswith(("postgres://", "postgresql://")),
    reason="needs PostgreSQL (runs in the suite's PostgreSQL pass)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, reply.read().decode(), dict(reply.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@pytest.fixture
def admin_sql():
    import psycopg

    base = URL.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        yield base, conn


@pytest.fixture
def server(admin_sql, tmp_path):
    base, conn = admin_sql
    name = f"planwatch_restart_{os.getpid()}"
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{name}"')
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=f"{base}/{name}", PLANWATCH_VAR_DIR=str(tmp_path), PLANWATCH_DEBUG="0",
               DJANGO_SETTINGS_MODULE="planwatch.web.settings", PLANWATCH_SECRET_KEY="restart-test-key-" + "x" * 40)
    subprocess.run([sys.executable, "-m", "django", "migrate", "--no-input", "-v", "0"], env=env, cwd=REPO,
                   check=True, timeout=300)
    load = "import sys; from planwatch.cli import app; sys.argv[0] = 'planwatch'; app()"
    subprocess.run([sys.executable, "-c", load, "plan", "load", "planwatch/data/plans/ganzhou-2023.txt"],
                   env=env, cwd=REPO, check=True, timeout=300, capture_output=True)
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "planwatch.web.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--timeout", "30", "--log-level", "warning"],
        env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    root = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if _get(f"{root}/portal/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not answer")
        yield root, name, conn
    finally:
        process.terminate()
        process.wait(timeout=30)
        conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_database_restart_gives_503_then_recovers_without_restarting_the_server(server):
    root, name, conn = server
    assert all(_get(f"{root}/portal/")[0] == 200 for _ in range(6))  # both workers hold a connection now

    conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
    while_away = [_get(f"{root}/portal/") for _ in range(6)]
    assert {status for status, _, _ in while_away} == {503}
    status, body, headers = while_away[0]
    assert "系统暂时不可用" in body and "秒后重试" in body
    assert headers["Retry-After"] == "5"

    conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    deadline = time.monotonic() + 15
    statuses: list[int] = []
    while time.monotonic() < deadline:
        statuses = [_get(f"{root}/portal/")[0] for _ in range(6)]
        if set(statuses) == {200}:
            break
        time.sleep(0.5)
    assert set(statuses) == {200}, statuses
