"""README command one, as a newcomer runs it: ``scripts/serve`` sets up, loads and serves.

The script runs for real in a subprocess (its own SQLite database in a temporary ``var`` folder,
a free port on loopback) and the test reads the pages over HTTP: the plan at ``/``, the real GDP
series with its sources and its census revision on the public GDP page, the printed demo login,
and a demo reporter with work to do.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 240


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, what the script printed until the server answered)."""
    var, port = tmp_path_factory.mktemp("var"), _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(PLANWATCH_VAR_DIR=str(var), PLANWATCH_PORT=str(port))
    log = var / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(REPO / "scripts" / "serve")], cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"scripts/serve exited with {process.returncode}:\n{log.read_text()}")
            try:
                urllib.request.urlopen(base + "/", timeout=30).read()
                break
            except (urllib.error.URLError, OSError):  # refused, reset or a first page still rendering
                if time.monotonic() > deadline:
                    pytest.fail(f"scripts/serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")
                time.sleep(1)
        yield base, log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _demo_password(printed: str) -> str:
    """The demo password is random per installation and printed once by ``planwatch demo``."""
    return re.search(r"演示管理员 / demo admin: 用户名 admin  密码 (\S+)", printed).group(1)


def _signed_in(base: str, username: str, password: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password,
                                   "csrfmiddlewaretoken": token}).encode()
    opener.open(urllib.request.Request(base + "/accounts/login/", data=data, headers={"Referer": base + "/"}))
    return opener


def test_it_prints_the_demo_login_and_serves_the_plan(served):
    base, printed = served
    password = _demo_password(printed)
    assert len(password) >= 12 and password != "planwatch-demo"  # random, never a published default
    assert "密码只显示这一次" in printed
    assert f"Planwatch 已启动: {base}/" in printed
    home = urllib.request.urlopen(base + "/").read().decode()
    assert "赣州革命老区高质量发展示范区建设规划" in home
    assert re.findall(r'<tr data-code="(I\d+)">', home) == [f"I{n:02d}" for n in range(1, 37)]


def test_the_public_gdp_page_shows_the_real_series_with_sources_and_the_revision(served):
    """2024 = 4940.47 (sdzhengyuanfeiye.com); 2023 first release 4606.20 (maigoo.com), revised to about 4716:
    each at the precision its source published it with."""
    base, _ = served
    page = urllib.request.urlopen(base + "/portal/indicators/I01/").read().decode()
    table = page.split('id="values-title"')[1].split("</table>")[0]
    for figure, source in (("4940.47", "sdzhengyuanfeiye.com"), ("4606.20", "maigoo.com"), ("约4716<", "")):
        assert figure in table, figure
        assert source in table
    assert "约" in table  # the revised 2023 figure is derived, so it is stated as about 4716


def test_a_demo_reporter_has_figures_to_enter(served):
    base, printed = served
    entry = _signed_in(base, "yudu", _demo_password(printed)).open(base + "/monitoring/entry/").read().decode()
    assert "本单位暂无填报任务" not in entry
    assert "于都县" in entry and "GDP" in entry


def test_it_serves_with_gunicorn_debug_off_and_the_security_headers(served):
    """Production by default: gunicorn answers, a missing page shows no Django debug page, every
    answer carries the Content-Security-Policy, and /favicon.ico is there."""
    base, _ = served
    home = urllib.request.urlopen(base + "/")
    assert home.headers["Server"].startswith("gunicorn")
    assert "script-src 'self'" in home.headers["Content-Security-Policy"]
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(base + "/no-such-page/")
    assert missing.value.code == 404
    assert "URLconf" not in missing.value.read().decode()
    assert urllib.request.urlopen(base + "/favicon.ico").headers["Content-Type"] == "image/x-icon"
