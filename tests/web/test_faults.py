"""Faults on deadline day: a process killed with SIGKILL in the middle of writing leaves nothing half-written.

1. A bulk import (4,000 rows) is killed while its INSERTs are running (watched in ``pg_stat_activity``):
   afterwards the database holds none of its rows, audit entries or history — or, had it committed, all.
2. A gunicorn worker is killed with SIGKILL during a burst of API writes: the master starts a new one and
   the burst goes on; every write that was answered 201 is stored once, and every stored figure has its
   audit entry and its history row (a write is one transaction: all of it or none of it).

Both need PostgreSQL (a database of their own, dropped afterwards), so they run in the suite's
PostgreSQL pass.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
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


@pytest.fixture
def fresh_database():
    """(url of an empty database of this test's own, an admin connection)."""
    import psycopg

    base = URL.rsplit("/", 1)[0]
    name = f"planwatch_faults_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{base}/{name}", admin, name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(url: str, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=url, PLANWATCH_VAR_DIR=str(tmp_path), PLANWATCH_DEBUG="0",
               DJANGO_SETTINGS_MODULE="planwatch.web.settings", PLANWATCH_SECRET_KEY="faults-" + "k" * 50)
    return env


def _counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return {
            "observations": conn.execute("SELECT count(*) FROM monitoring_observation").fetchone()[0],
            "history": conn.execute("SELECT count(*) FROM monitoring_historicalobservation").fetchone()[0],
            "audit": conn.execute(
                "SELECT count(*) FROM monitoring_auditentry WHERE subject = 'observation'").fetchone()[0],
        }


def test_import_killed_mid_write_leaves_nothing_half_written(fresh_database, tmp_path):
    url, admin, name = fresh_database
    child = subprocess.Popen([sys.executable, "-m", "tests.web.faults_child", "4000"], cwd=REPO,
                             env=_env(url, tmp_path), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "READY"
        child.stdin.write("go\n")
        child.stdin.flush()
        deadline = time.monotonic() + 120
        writing = False
        while time.monotonic() < deadline and child.poll() is None:
            queries = [q for (q,) in admin.execute(
                "SELECT query FROM pg_stat_activity WHERE datname = %s AND state = 'active'", (name,))]
            if any('INSERT INTO "monitoring_' in q or 'UPDATE "monitoring_' in q for q in queries):
                writing = True
                break
            time.sleep(0.02)
        assert writing, "the import never reached its writes"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    for _ in range(100):  # the server notices the dead client and rolls its transaction back
        busy = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state <> 'idle' "
                             "AND pid <> pg_backend_pid()", (name,)).fetchone()[0]
        if not busy:
            break
        time.sleep(0.1)
    counts = _counts(url)
    assert counts in ({"observations": 0, "history": 0, "audit": 0},
                      {"observations": 4000, "history": 4000, "audit": 4000}), counts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed_writer(env: dict) -> tuple[str, list[tuple[str, str, int]]]:
    """A reporter with a token and slots to write into (in the child's database, through Django)."""
    code = r"""
import datetime as dt, json, django
django.setup()
from django.contrib.auth import get_user_model
from planwatch.web.monitoring.models import ApiToken, Assignment
from planwatch.web.places.models import Profile, Region, Role, Unit
from planwatch.web.places.reference import load_reference_data
from planwatch.data import GANZHOU_PLAN
from planwatch.documents import read_plan
from planwatch.web.plans.services import load_plan
plan = load_plan(read_plan(GANZHOU_PLAN), reason="故障测试").plan
load_reference_data()
unit = Unit.objects.get(name="于都县人民政府")
region = Region.objects.get(name="于都县")
user = get_user_model().objects.create(username="burst")
Profile.objects.create(user=user, role=Role.REPORTER, unit=unit)
slots = []
for ind in plan.indicators.filter(unit="亿元"):
    Assignment.objects.create(unit=unit, indicator=ind, year=2015, due_date=dt.date(2016, 4, 30)).regions.add(region)
    slots += [(ind.code, region.name, year) for year in range(1990, 2016)]
_, token = ApiToken.issue(user, name="burst")
print(json.dumps({"token": token, "slots": slots}))
"""
    subprocess.run([sys.executable, "-m", "django", "migrate", "--no-input", "-v", "0"], env=env, cwd=REPO,
                   check=True, timeout=300)
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True, timeout=300,
                         capture_output=True, text=True).stdout
    seeded = json.loads(out.strip().splitlines()[-1])
    return seeded["token"], [tuple(s) for s in seeded["slots"]]


def _workers(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_worker_killed_during_a_write_burst_loses_and_halves_nothing(fresh_database, tmp_path):
    url, _admin, _name = fresh_database
    env = _env(url, tmp_path)
    token, slots = _seed_writer(env)
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "python:planwatch.web.gunicorn_conf",
         "--no-control-socket", "planwatch.web.wsgi:application"],
        env={**env, "PLANWATCH_BIND": f"127.0.0.1:{port}", "PLANWATCH_WORKERS": "2", "PLANWATCH_LOG_LEVEL": "error"},
        cwd=REPO, start_new_session=True,
    )
    answered: dict[str, int] = {}
    numbered = list(enumerate(slots[:240]))
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/portal/", timeout=30).read()
                break
            except OSError:
                time.sleep(0.5)

        def write(slot: tuple[str, str, int], n: int) -> None:
            marker = f"burst-{n}"
            body = json.dumps({"indicator": slot[0], "region": slot[1], "year": slot[2], "value": 100 + n,
                               "note": marker}).encode()
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/observations", data=body, method="POST",
                                             headers={"Authorization": f"Bearer {token}",
                                                      "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=30) as reply:
                    answered[marker] = reply.status
            except urllib.error.HTTPError as error:
                answered[marker] = error.code
            except OSError:
                answered[marker] = 0  # cut off with the worker: stored or not, the count below says

        def burst(part: list[tuple[int, tuple[str, str, int]]]) -> None:
            for n, slot in part:
                write(slot, n)

        threads = [threading.Thread(target=burst, args=(numbered[i::4],)) for i in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        killed = _workers(server.pid)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        for t in threads:
            t.join(timeout=240)
        assert killed and set(_workers(server.pid)).isdisjoint(killed)  # new workers took over
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)

    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        stored = dict(conn.execute("SELECT note, count(*) FROM monitoring_observation WHERE note LIKE 'burst-%%' "
                                   "GROUP BY note").fetchall())
        unaudited = conn.execute(
            "SELECT count(*) FROM monitoring_observation o WHERE NOT EXISTS (SELECT 1 FROM monitoring_auditentry a "
            "WHERE a.subject = 'observation' AND a.object_id = o.id)").fetchone()[0]
        without_history = conn.execute(
            "SELECT count(*) FROM monitoring_observation o WHERE NOT EXISTS (SELECT 1 FROM "
            "monitoring_historicalobservation h WHERE h.id = o.id)").fetchone()[0]
    created = {m for m, status in answered.items() if status == 201}
    refused = {m for m, status in answered.items() if status not in (0, 201)}
    assert len(answered) == len(numbered) >= 100 and created, answered
    assert created <= set(stored)  # every write answered 201 is stored
    assert all(n == 1 for n in stored.values())  # and none twice
    assert not (refused & set(stored))  # a refused write is not stored
    assert unaudited == 0 and without_history == 0  # nothing half-written
