"""Server time of the review queue with 5,000 figures waiting for review (issue 11).

Run: ``.venv/bin/python bench/review_queue.py`` (a throw-away SQLite database in a temporary folder), or
``DATABASE_URL=postgres://…/benchqueue .venv/bin/python bench/review_queue.py --postgres`` for an existing,
empty PostgreSQL database.

5,000 submitted figures (36 indicators × 20 regions × 7 years, the first 5,000), one in seven with a rule
warning and an explanation, entered by a county unit; a reviewer of 市统计局 opens the queue: the first
page, a page deep in the list, and a filtered view (one region). Each is requested through Django's full
stack in-process; the login page in the same run is the baseline. The queue is paginated (50 a page), so
its cost must not grow with the number waiting. Budget: 200 ms.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from pages import _plan_document, _setup, _time, page_args  # noqa: E402

PENDING, BUDGET_MS = 5000, 200.0


def _seed():
    from django.contrib.auth import get_user_model

    from planwatch.web.monitoring.models import Observation
    from planwatch.web.places.models import Profile, Region, Role, Unit
    from planwatch.web.places.reference import load_reference_data
    from planwatch.web.plans.services import load_plan

    plan = load_plan(_plan_document(), reason="基准测试").plan
    load_reference_data()
    city = Region.objects.get(name="赣州市")
    regions = [city, *Region.objects.filter(kind=Region.Kind.COUNTY).order_by("order")][:19]
    regions += list(Region.objects.filter(kind=Region.Kind.ZONE)[: 20 - len(regions)])
    county = (
        Unit.objects.filter(kind=Unit.Kind.COUNTY_GOVERNMENT).order_by("order").first()
        or Unit.objects.first()
    )
    bureau, _ = Unit.objects.get_or_create(
        name="市统计局", defaults={"kind": Unit.Kind.BUREAU, "region": city}
    )
    users = get_user_model().objects
    clerk = users.create_user("bench-clerk", password="bench-password-1")
    Profile.objects.create(user=clerk, role=Role.REPORTER, unit=county)
    reviewer = users.create_user("bench-reviewer", password="bench-password-1")
    Profile.objects.create(user=reviewer, role=Role.REVIEWER, unit=bureau)
    warning = [
        {"severity": "warning", "message": "同比增长 45.0%,超过 30%", "field": "value", "rule": "yoy_change"}
    ]
    rows = [
        Observation(
            indicator=ind,
            region=region,
            unit=county,
            year=year,
            period=str(year),
            value=1000.0 + n,
            status=Observation.Status.SUBMITTED,
            source="基准测试",
            measure_unit="亿元",
            created_by=clerk,
            submitted_by=clerk,
            problems=warning if n % 7 == 0 else [],
            warning_comment="受重大项目投产影响" if n % 7 == 0 else "",
        )
        for n, (ind, region, year) in enumerate(
            (ind, region, year)
            for year in range(2018, 2025)
            for ind in plan.indicators.all()
            for region in regions
        )
    ][:PENDING]
    Observation.objects.bulk_create(rows, batch_size=2000)
    return reviewer, regions[3]


def main(argv: list[str] | None = None) -> int:
    args = page_args(__doc__, argv)
    _setup(args.postgres)
    reviewer, region = _seed()
    from django.test import Client

    from planwatch.web.monitoring.models import Observation

    client = Client()
    client.force_login(reviewer)
    pages = {
        "baseline: login page": "/accounts/login/",
        "review queue, page 1": "/monitoring/review/",
        "review queue, page 60": "/monitoring/review/?page=60",
        "review queue, one region": f"/monitoring/review/?region={region.pk}",
    }
    results = {name: _time(client, url, args.runs) for name, url in pages.items()}
    first = client.get("/monitoring/review/").content.decode()
    shown = first.count('<tr data-pk="')
    waiting = Observation.objects.filter(status=Observation.Status.SUBMITTED).count()
    base = statistics.median(results["baseline: login page"])
    print(
        f"{waiting} figures waiting for review, {shown} rows on a page; median of {args.runs} requests, in-process, ms"
    )
    failed = shown > 100 or waiting != PENDING
    for name, times in results.items():
        median = statistics.median(times)
        over = name != "baseline: login page" and median > BUDGET_MS
        failed |= over
        print(
            f"  {name:28s} median {median:7.1f}  max {max(times):7.1f}  ×{median / base:5.1f} baseline"
            f"{'  OVER BUDGET' if over else ''}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
