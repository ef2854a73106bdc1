"""Deadline day on one small server: many users at once against the production server, then a count of
every write.

What it does, all on this machine (loopback only, bounded in users and time):

1. makes a fresh PostgreSQL database (``--database``, default ``planwatch_load`` on 127.0.0.1), loads the
   demo (the Ganzhou plan, real figures, demo users), adds published figures for the city and its 18
   county-level units (36 indicators × 10 years, about 7,000), and accounts for the load: planners,
   reviewers and three reporters per county, each reporter with slots of its own to write drafts into;
2. starts gunicorn with Planwatch's settings (``planwatch/web/gunicorn_conf.py``; workers from the cores)
   and Redis as the shared evaluation cache;
3. for each user count (default 50 and 200): one locust run (``bench/locustfile.py``, 1–5 s think time)
   of ``--warmup`` s and then ``--duration`` s; only the requests started after the warm-up are timed
   (the users sign in once, in the warm-up, as people do in the morning — not again for the measure);
4. prints p50/p95/p99 per page, requests/s and errors, the machine's load average, and whether the
   budget is met (dashboard, indicator and portal pages p95 < 300 ms, no errors);
5. counts the writes in the database: every write answered 201 is stored exactly once, no refused write
   is stored.

Run (needs the bench extra: ``.venv/bin/pip install -e '.[bench]'``):

    .venv/bin/python bench/load.py                      # 50 and 200 users, 30 s warm-up, 60 s measured
    .venv/bin/python bench/load.py --users 20 --warmup 5 --duration 15    # a quick look

The baseline, measured in the same run, is a trivial page (the login form) under the same load: the
ratio says what our pages cost beyond the framework and the server.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_MS = 300.0
BUDGETED = ("dashboard", "dashboard indicator", "portal home", "portal indicator")
PASSWORD = "load-test-password-2026"
MAX_USERS, MAX_SECONDS = 300, 600  # the run stops by itself within these bounds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _planwatch(env: dict, *args: str) -> None:
    code = "import sys; from planwatch.cli import app; sys.argv[0] = 'planwatch'; app()"
    subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT, check=True, capture_output=True)


def _fresh_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _seed(env: dict, users_file: Path) -> int:
    """Demo, published figures and the load's accounts; returns the number of published figures."""
    _planwatch(env, "demo")
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "PLANWATCH_VAR_DIR", "DJANGO_SETTINGS_MODULE")})
    import django

    django.setup()
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from planwatch.web.monitoring.models import Assignment, Observation
    from planwatch.web.places.models import Profile, Region, Role, Unit
    from planwatch.web.plans.models import Indicator

    rng = random.Random(2026)
    indicators = list(Indicator.objects.order_by("code"))
    city = Region.objects.filter(kind="city").order_by("pk").first()
    counties = list(Region.objects.filter(parent=city).exclude(kind="zone").order_by("order", "pk"))
    stats = Unit.objects.get(name="市统计局")
    hashed = make_password(PASSWORD)
    User = get_user_model()

    def account(username: str, role: str, unit: Unit | None):
        user = User.objects.create(username=username, password=hashed, first_name=username)
        Profile.objects.create(user=user, role=role, unit=unit)
        return user

    seeder = account("load-seed", Role.REPORTER, stats)
    taken = set(Observation.objects.values_list("indicator_id", "region_id", "period"))
    rows = []
    for region in [city, *counties]:
        for ind in indicators:
            level = rng.uniform(50, 5000)
            for year in range(2016, 2026):
                level *= rng.uniform(1.0, 1.08)
                if (ind.pk, region.pk, str(year)) in taken:
                    continue
                rows.append(Observation(indicator=ind, region=region, unit=stats, year=year, period=str(year),
                                        value=round(level, 1), measure_unit=ind.unit, status="published",
                                        source="负载测试种子数据", created_by=seeder))
    Observation.objects.bulk_create(rows, batch_size=2000)

    people = {"password": PASSWORD, "indicators": [i.code for i in indicators],
              "counties": [r.name for r in counties], "planners": [], "reviewers": [], "reporters": []}
    planning = Unit.objects.filter(name__startswith="市发改委").first()
    people["planners"] = [{"username": account(f"load-planner-{n}", Role.PLANNER, planning).username}
                          for n in range(10)]
    people["reviewers"] = [{"username": account(f"load-reviewer-{n}", Role.REVIEWER, stats).username}
                           for n in range(5)]
    for c, region in enumerate(counties):
        unit = Unit.objects.create(name=f"负载测试{region.name}单位", kind=Unit.Kind.COUNTY_GOVERNMENT, region=region)
        for ind in indicators:
            assignment = Assignment.objects.create(unit=unit, indicator=ind, year=2015, due_date=dt.date(2016, 4, 30))
            assignment.regions.add(region)
        for k in range(4):
            user = account(f"load-reporter-{c}-{k}", Role.REPORTER, unit)
            slots = [(ind.code, region.name, year) for i, ind in enumerate(indicators) if i % 4 == k
                     for year in range(2000, 2016)]
            people["reporters"].append({"username": user.username, "slots": slots})
    users_file.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    return Observation.objects.filter(status="published").count()


def _serve(env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "python:planwatch.web.gunicorn_conf",
         "planwatch.web.wsgi:application"],
        env={**env, "PLANWATCH_BIND": f"127.0.0.1:{port}", "PLANWATCH_LOG_LEVEL": "warning"}, cwd=ROOT,
        start_new_session=True,
    )
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/portal/", timeout=30).read()
            return process
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer")


def _locust(port: int, users: int, warmup: int, seconds: int, prefix: Path, env: dict, run: tuple[int, int]) -> Path:
    """One locust run of ``warmup + seconds``; only requests started after the warm-up are timed (the
    users' Argon2 logins and first pages fall in the warm-up). ``run`` is (this run's index, how many
    runs) so each writes its own slots. Returns the file of timed requests."""
    times = prefix.with_suffix(".times.json")
    env = {**env, "PLANWATCH_LOAD_RUN": str(run[0]), "PLANWATCH_LOAD_RUNS": str(run[1]),
           "PLANWATCH_LOAD_MEASURE_FROM": str(time.time() + warmup), "PLANWATCH_LOAD_TIMES": str(times)}
    subprocess.run(
        [str(Path(sys.executable).with_name("locust")), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(max(1, users // 10)), "-t", f"{warmup + seconds}s",
         "--host", f"http://127.0.0.1:{port}", "--only-summary", "--stop-timeout", "10", "--loglevel", "ERROR"],
        env=env, cwd=ROOT, check=False, capture_output=True, timeout=warmup + seconds + 120,
    )
    return times


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (as locust reports them)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


def _report(times: Path, users: int, seconds: int, load: float) -> bool:
    timed = json.loads(times.read_text(encoding="utf-8"))["requests"]
    pages: dict[str, list[float]] = {}
    failed: dict[str, int] = {}
    said: dict[str, int] = {}
    for name, ms, error in timed:
        pages.setdefault(name, []).append(ms)
        failed[name] = failed.get(name, 0) + int(bool(error))
        if error:
            said[f"{name}: {error}"] = said.get(f"{name}: {error}", 0) + 1
    errors = sum(failed.values())
    print(f"\n{users} users — {len(timed) / seconds:.1f} requests/s, {len(timed)} requests in {seconds} s after the "
          f"warm-up, {errors} errors; load average {load:.2f} on {os.cpu_count()} cores (1 min, at the end)")
    print(f"  {'page':24} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    ok = errors == 0 and bool(timed)
    for name, values in sorted(pages.items()):
        p50, p95, p99 = (_percentile(values, q) for q in (0.5, 0.95, 0.99))
        flag = ""
        if name in BUDGETED:
            flag = " ok" if p95 < BUDGET_MS else f" OVER {BUDGET_MS:.0f} ms"
            ok = ok and p95 < BUDGET_MS
        print(f"  {name:24} {len(values):>6} {p50:>8.0f} {p95:>8.0f} {p99:>8.0f} {failed[name]:>6}{flag}")
    for error, n in sorted(said.items(), key=lambda item: -item[1])[:10]:
        print(f"  error ×{n}: {error}")
    baseline = pages.get("login page")
    if baseline and _percentile(baseline, 0.5):
        for name in BUDGETED:
            if name in pages:
                ratio = _percentile(pages[name], 0.5) / _percentile(baseline, 0.5)
                print(f"  ratio {name} / login page (p50): {ratio:.1f}×")
    return ok


def _count_writes(writes_file: Path) -> bool:
    from django.db.models import Count

    from planwatch.web.monitoring.models import Observation

    said: dict[str, list[str]] = {"written": [], "refused": [], "unknown": []}
    status: dict[str, int] = {}
    for line in writes_file.read_text(encoding="utf-8").splitlines():
        run = json.loads(line)
        status.update(run.pop("status", {}))
        for key, markers in run.items():
            said[key] += markers
    stored = dict(Observation.objects.filter(note__startswith="load-").values_list("note").annotate(n=Count("pk")))
    written, refused, unknown = set(said["written"]), set(said["refused"]), set(said["unknown"])
    lost = written - set(stored)
    duplicated = {m for m, n in stored.items() if n > 1}
    stored_refused = refused & set(stored)
    unknown_stored = len(unknown & set(stored))
    print(f"\nwrites: {len(written)} answered 201, {len(refused)} refused, {len(unknown)} unanswered "
          f"({unknown_stored} of those stored); in the database {sum(stored.values())} rows with a marker")
    print(f"  lost {len(lost)}, duplicated {len(duplicated)}, refused but stored {len(stored_refused)}")
    answers = sorted({status.get(m, 0) for m in refused})
    print(f"  refused writes answered {answers}; refused but stored answered "
          f"{sorted({status.get(m, 0) for m in stored_refused})}")
    return not lost and not duplicated and not stored_refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/planwatch_load")
    parser.add_argument("--users", default="50,200")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    args = parser.parse_args()
    counts = [min(int(u), MAX_USERS) for u in args.users.split(",")]
    seconds = min(args.duration, MAX_SECONDS)
    host = args.database.split("@")[-1].split(":")[0].split("/")[0]
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("bench/load.py runs against this machine only (127.0.0.1)")

    work = Path(tempfile.mkdtemp(prefix="planwatch-load-"))
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=args.database, PLANWATCH_VAR_DIR=str(work / "var"), PLANWATCH_DEBUG="0",
               PLANWATCH_CACHE_URL=args.redis, DJANGO_SETTINGS_MODULE="planwatch.web.settings",
               PLANWATCH_LOAD_USERS=str(work / "users.json"), PLANWATCH_LOAD_WRITES=str(work / "writes.json"),
               PLANWATCH_SECRET_KEY=os.environ.get("PLANWATCH_SECRET_KEY", "load-bench-" + "k" * 50))
    (work / "var").mkdir()
    _fresh_database(args.database)
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    published = _seed(env, work / "users.json")
    port = _free_port()
    print(f"database {args.database}: {published} published figures; gunicorn on 127.0.0.1:{port} "
          f"(workers from {os.cpu_count()} cores); load average {os.getloadavg()[0]:.2f} before")
    server = _serve(env, port)
    ok = True
    try:
        for n, users in enumerate(counts):
            times = _locust(port, users, args.warmup, seconds, work / f"run-{users}", env, (n, len(counts)))
            ok = _report(times, users, seconds, os.getloadavg()[0]) and ok
        ok = _count_writes(work / "writes.json") and ok
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    print(f"\n{'all targets met' if ok else 'TARGETS NOT MET'} (budget: p95 < {BUDGET_MS:.0f} ms for "
          f"{', '.join(BUDGETED)}; no errors; every write stored once)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
