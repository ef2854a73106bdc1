"""Server time of the dashboard and an indicator page with 20 regions × 36 indicators × 10 years.

Run: ``.venv/bin/python bench/pages.py`` (a throw-away SQLite database in a temporary folder), or
``DATABASE_URL=postgres://…/benchpages .venv/bin/python bench/pages.py --postgres`` to use an
existing, empty PostgreSQL database (its tables are created and the rows left behind).

Each page is requested through Django's full stack (middleware, session, templates) in-process,
so the figure is server time without the network. A trivial page (the login form) is measured in
the same run as the baseline: the ratio says how much our pages cost beyond the framework itself.
Budget: 200 ms per page (issue 5).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REGIONS, INDICATORS, YEARS = 20, 36, 10
BUDGET_MS = 200.0


def _setup(use_postgres: bool) -> None:
    if not use_postgres:
        os.environ.pop("DATABASE_URL", None)
        os.environ["PLANWATCH_VAR_DIR"] = tempfile.mkdtemp(prefix="planwatch-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings")
    os.environ["PLANWATCH_DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _plan_document():
    from planwatch.plan import Attribute, Direction, Indicator, Pillar, Plan, Target, TargetKind

    pillars = tuple(Pillar(f"类别{p + 1}", p + 1) for p in range(6))
    indicators = tuple(
        Indicator(
            code=f"I{i + 1:02d}", name=f"基准指标{i + 1}", unit="亿元", pillar=pillars[i % 6].name,
            attribute=Attribute.BINDING if i % 5 == 0 else Attribute.EXPECTED, direction=Direction.HIGHER,
            target=Target(TargetKind.LEVEL, "1500", 2025, 1500.0), baseline=1000.0, baseline_year=2020,
            baseline_text="1000.0", order=i + 1,
        )
        for i in range(INDICATORS)
    )
    return Plan(title="基准测试规划", region="赣州市", base_year=2020, target_year=2025, vision_year=None,
                pillars=pillars, indicators=indicators)


def _seed() -> None:
    from planwatch.web.monitoring.models import Observation
    from planwatch.web.places.models import Region, Unit
    from planwatch.web.places.reference import load_reference_data
    from planwatch.web.plans.services import load_plan

    plan = load_plan(_plan_document(), reason="基准测试").plan
    load_reference_data()
    city = Region.objects.get(name="赣州市")
    regions = [city, *Region.objects.filter(kind=Region.Kind.COUNTY).order_by("order")][:REGIONS - 1]
    regions += list(Region.objects.filter(kind=Region.Kind.ZONE)[: REGIONS - len(regions)])
    unit, _ = Unit.objects.get_or_create(name="市统计局", defaults={"kind": Unit.Kind.BUREAU, "region": city})
    rows = [
        Observation(indicator=ind, region=region, unit=unit, year=year, period=str(year),
                    value=1000.0 * (1.03 + 0.002 * (n % 7)) ** (year - 2020), status=Observation.Status.PUBLISHED,
                    source="基准测试", measure_unit="亿元")
        for n, ind in enumerate(plan.indicators.all())
        for region in regions
        for year in range(2025 - YEARS, 2025)
    ]
    Observation.objects.bulk_create(rows, batch_size=2000)
    assert len(regions) == REGIONS and len(rows) == REGIONS * INDICATORS * YEARS


def _time(client, url: str, runs: int) -> list[float]:
    client.get(url)  # warm caches (templates, map file) as a running server would have them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def page_args(description: str, argv: list[str] | None) -> argparse.Namespace:
    """``--runs`` and ``--postgres``, as every page benchmark takes them."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", action="store_true", help="use DATABASE_URL instead of a temporary SQLite")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = page_args(__doc__, argv)
    _setup(args.postgres)
    _seed()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from planwatch.web.places.models import Profile, Role

    user = get_user_model().objects.create_user("bench", password="bench-password-1")
    Profile.objects.create(user=user, role=Role.PLANNER)  # the dashboard needs a role, not just a login
    client = Client()
    client.force_login(user)
    pages = {
        "baseline: login page": "/accounts/login/",
        "dashboard": "/dashboard/",
        "indicator page (signed in)": "/dashboard/indicators/I01/",
        "indicator page (portal)": "/portal/indicators/I01/",
        "county view": "/dashboard/counties/I01/",
        "portal home": "/portal/",
    }
    results = {name: _time(client, url, args.runs) for name, url in pages.items()}
    base = statistics.median(results["baseline: login page"])
    print(f"{REGIONS} regions × {INDICATORS} indicators × {YEARS} years = {REGIONS * INDICATORS * YEARS} observations;"
          f" median of {args.runs} requests, in-process, ms")
    failed = False
    for name, times in results.items():
        median = statistics.median(times)
        over = name in ("dashboard", "indicator page (signed in)", "indicator page (portal)") and median > BUDGET_MS
        failed |= over
        print(f"  {name:28s} median {median:7.1f}  max {max(times):7.1f}  ×{median / base:5.1f} baseline"
              f"{'  OVER BUDGET' if over else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
