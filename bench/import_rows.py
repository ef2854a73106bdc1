"""Time of a 20,000-row CSV import (200 indicators × 20 regions × 5 years), first as new drafts, then
again over those drafts (every row updated in place), through ``collection.services.import_upload``
— the path of the upload page, the background task and ``planwatch data import``.

Run: ``.venv/bin/python bench/import_rows.py`` (a throw-away SQLite database in a temporary folder), or
``DATABASE_URL=postgres://…/benchimport .venv/bin/python bench/import_rows.py --postgres`` with an
existing, empty PostgreSQL database. ``--rows`` makes it smaller (the test runs 400).

Baseline, measured in the same run: a plain ``bulk_create`` of the same number of observations
(no checks, no history, no audit) — the floor of writing that many rows with the ORM. Budget: 20 s
for 20,000 rows (issue 10).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import _setup  # noqa: E402

REGIONS, YEARS = 20, 5
BUDGET_S = 20.0


def _plan_document(indicators: int):
    from planwatch.plan import Attribute, Direction, Indicator, Pillar, Plan, Target, TargetKind

    pillars = tuple(Pillar(f"类别{p + 1}", p + 1) for p in range(6))
    return Plan(
        title="导入基准规划",
        region="赣州市",
        base_year=2020,
        target_year=2025,
        vision_year=None,
        pillars=pillars,
        indicators=tuple(
            Indicator(
                code=f"B{i + 1:03d}",
                name=f"导入指标{i + 1}",
                unit="亿元",
                pillar=pillars[i % 6].name,
                attribute=Attribute.EXPECTED,
                direction=Direction.HIGHER,
                target=Target(TargetKind.LEVEL, "1500", 2025, 1500.0),
                baseline=1000.0,
                baseline_year=2020,
                baseline_text="1000.0",
                order=i + 1,
            )
            for i in range(indicators)
        ),
    )


def _seed(rows: int):
    import datetime as dt

    from django.contrib.auth import get_user_model

    from planwatch.web.monitoring.models import Assignment
    from planwatch.web.places.models import Profile, Region, Role, Unit
    from planwatch.web.places.reference import load_reference_data
    from planwatch.web.plans.services import load_plan

    indicators = max(1, rows // (REGIONS * YEARS))
    plan = load_plan(_plan_document(indicators), reason="基准测试").plan
    load_reference_data()
    regions = list(Region.objects.order_by("order"))[:REGIONS]
    unit = Unit.objects.get(name="市统计局")
    user = get_user_model().objects.create(username="bench-importer")
    Profile.objects.create(user=user, role=Role.REPORTER, unit=unit)
    for ind in plan.indicators.all():
        Assignment.objects.create(
            unit=unit, indicator=ind, year=2024, due_date=dt.date(2025, 3, 31)
        ).regions.set(regions)

    def sheet(correction: float) -> bytes:
        lines = ["指标,地区,年份,数值,单位,来源"]
        lines += [
            f"{ind.name},{region.name},{year},{1000 + n % 97 + year - 2020 + correction},亿元,统计公报"
            for n, ind in enumerate(plan.indicators.order_by("order"))
            for region in regions
            for year in range(2021, 2021 + YEARS)
        ]
        return ("\n".join(lines) + "\n").encode()

    # The file as first sent, then the same rows with every figure corrected by 0.5.
    return plan, unit, user, regions, sheet(0), sheet(0.5)


def _baseline(plan, unit, regions, rows: int) -> float:
    """bulk_create of the same number of rows, rolled back."""
    from django.db import transaction

    from planwatch.web.monitoring.models import Observation

    objs = [
        Observation(indicator=ind, region=region, unit=unit, year=year, period=str(year), value=1.0)
        for ind in plan.indicators.all()
        for region in regions
        for year in range(2021, 2021 + YEARS)
    ][:rows]
    start = time.perf_counter()
    try:
        with transaction.atomic():
            Observation.objects.bulk_create(objs, batch_size=1000)
            raise RuntimeError("rollback")
    except RuntimeError:
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgres", action="store_true", help="use DATABASE_URL (an empty PostgreSQL database)"
    )
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    _setup(args.postgres)
    from planwatch.web.collection.services import import_upload
    from planwatch.web.monitoring.models import Observation
    from planwatch.web.places.models import AuditEntry

    plan, unit, user, regions, data, corrected = _seed(args.rows)
    baseline = _baseline(plan, unit, regions, args.rows)
    print(f"baseline: bulk_create of {args.rows} rows: {baseline:.2f} s")
    for label, reason, payload, written in (
        ("first import (new drafts)", "基准导入", data, args.rows),
        ("re-import, every figure corrected (drafts updated)", "基准更正", corrected, args.rows),
        ("re-import of the same file (nothing to write)", "基准再导入", corrected, 0),
    ):
        start, cpu = time.perf_counter(), time.process_time()
        outcome = import_upload("基准.csv", payload, user=user, reason=reason, unit=unit)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert outcome.ok and len(outcome.drafts) == written, [p.text for p in outcome.problems[:5]]
        print(
            f"{label}: {args.rows} rows in {took:.2f} s (this process's CPU {cpu:.2f} s); ratio import/baseline {took / baseline:.1f}; "
            f"{'within' if took <= BUDGET_S * args.rows / 20000 else 'OVER'} budget {BUDGET_S:.0f} s per 20,000"
        )
    print(
        f"stored: {Observation.objects.count()} observations, {AuditEntry.objects.count()} audit entries, "
        f"{Observation.history.count()} history rows"
    )


if __name__ == "__main__":
    main()
