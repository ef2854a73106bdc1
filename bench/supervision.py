"""Server time of the 督查督办 page with 100 tasks, 300 projects and 5 years of quarterly reports.

Run: ``.venv/bin/python bench/supervision.py`` (a throw-away SQLite database in a temporary folder), or
``DATABASE_URL=postgres://…/benchwork .venv/bin/python bench/supervision.py --postgres`` with an existing,
empty PostgreSQL database.

Every task and project is assigned (so each gets a light) and has a report for each of the 20 quarters
of 2021–2025 (8,000 reports, statuses mixed); the plan's 36 indicators have ten years of figures for the
plan's region, so the lagging-indicator check runs the evaluation engine too. The page is requested
through Django's full stack in-process; the login form, measured in the same run, is the baseline.
Budget: 200 ms (issue 14).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import BUDGET_MS, _setup, _time, page_args  # noqa: E402

TASKS, PROJECTS, YEARS = 100, 300, 5


def _plan_document():
    from bench.pages import _plan_document as indicators_only
    from planwatch.plan import Chapter, ProjectBox, ProjectItem, Section, Task

    base = indicators_only()
    chapters = tuple(
        Chapter(
            c + 1,
            f"第{c + 1}项重点任务",
            tuple(
                Section(
                    s + 1,
                    f"第{s + 1}节",
                    tuple(
                        Task(f"任务{c * 20 + s * 5 + t + 1}", "推进重点工作。", (), t + 1) for t in range(5)
                    ),
                )
                for s in range(4)
            ),
        )
        for c in range(TASKS // 20)
    )
    boxes = tuple(
        ProjectBox(
            b + 1,
            f"专栏{b + 1}",
            tuple(ProjectItem(f"重点项目{b * 30 + i + 1}", "按计划推进。", (), i + 1) for i in range(30)),
        )
        for b in range(PROJECTS // 30)
    )
    from dataclasses import replace

    return replace(base, chapters=chapters, boxes=boxes, title="督查基准规划")


def _seed():
    from planwatch.web.monitoring.models import Observation
    from planwatch.web.places.models import Region, Unit
    from planwatch.web.places.reference import load_reference_data
    from planwatch.web.plans.services import load_plan
    from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask

    load_reference_data()
    plan = load_plan(_plan_document(), reason="基准测试").plan
    units = list(Unit.objects.order_by("pk"))
    tasks, projects = list(WorkTask.objects.filter(plan=plan)), list(KeyProject.objects.filter(plan=plan))
    assert (len(tasks), len(projects)) == (TASKS, PROJECTS), (len(tasks), len(projects))
    for n, item in enumerate(tasks + projects):
        item.lead_unit = units[n % len(units)]
    WorkTask.objects.bulk_update(tasks, ["lead_unit"])
    for n, p in enumerate(projects):
        p.planned_investment, p.investment_done = 10.0, float(n % 10)
    KeyProject.objects.bulk_update(projects, ["lead_unit", "planned_investment", "investment_done"])
    statuses = ["accepted", "accepted", "submitted", "returned", "draft"]
    periods = [f"{y}Q{q}" for y in range(2025 - YEARS + 1, 2026) for q in range(1, 5)]
    reports = [
        ProgressReport(work_task=t, unit=t.lead_unit, period=period, status=statuses[(n + i) % 5], percent=50)
        for n, t in enumerate(tasks)
        for i, period in enumerate(periods)
    ]
    reports += [
        ProgressReport(
            project=p, unit=p.lead_unit, period=period, status=statuses[(n + i) % 5], investment_done=1.0
        )
        for n, p in enumerate(projects)
        for i, period in enumerate(periods)
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    city = Region.objects.get(name="赣州市")
    Observation.objects.bulk_create(
        [
            Observation(
                indicator=ind,
                region=city,
                unit=units[0],
                year=year,
                period=str(year),
                value=1000.0 * 1.02 ** (year - 2020),
                status=Observation.Status.APPROVED,
                source="基准测试",
                measure_unit="亿元",
            )
            for ind in plan.indicators.all()
            for year in range(2015, 2025)
        ]
    )
    return len(reports)


def main(argv: list[str] | None = None) -> int:
    args = page_args(__doc__, argv)
    _setup(args.postgres)
    count = _seed()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from planwatch.web.places.models import Profile, Role

    user = get_user_model().objects.create_user("bench-supervisor", password="bench-password-1")
    Profile.objects.create(user=user, role=Role.SUPERVISOR)
    client = Client()
    client.force_login(user)
    base = statistics.median(_time(client, "/accounts/login/", args.runs))
    times = _time(client, "/work/supervision/", args.runs)
    median = statistics.median(times)
    cold = []
    for _ in range(3):  # the first request after a figure changes re-grades the plan (engine, not cached)
        cache.clear()
        start = time.perf_counter()
        client.get("/work/supervision/")
        cold.append((time.perf_counter() - start) * 1000)
    over = median > BUDGET_MS
    print(
        f"{TASKS} tasks, {PROJECTS} projects, {count} quarterly reports; median of {args.runs} requests, in-process"
    )
    print(f"  baseline: login page   median {base:7.1f} ms")
    print(
        f"  supervision page       median {median:7.1f} ms  max {max(times):7.1f}  ×{median / base:5.1f} baseline"
        f"{'  OVER BUDGET' if over else ''}"
    )
    print(
        f"  …after a figure changed median {statistics.median(cold):7.1f} ms  (grades recomputed by the engine)"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
