"""What the evaluation report says of tasks and key projects (the hook ``planwatch.web.reporting`` calls).

Counted as of the end of the report's year, from accepted progress reports only (a draft or a returned
report is not progress the bureau has accepted):

- a task is *completed* when its latest accepted report says 100%; *late* when its deadline has passed
  by then without that; otherwise *on schedule*;
- a project's planned and done investment are the sums over the projects (亿元 in the ledger, given
  here in 万元 as the report's words expect).

Only assigned work counts (a task with a lead unit, a project with a lead unit). The public edition
leaves out the demo's assignments, which are not the bureau's; the internal edition counts them and says
how many (``demo``), as the pages tag them 演示分工.
"""

from __future__ import annotations

import datetime as dt

from planwatch.web.plans.models import Plan
from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask

WAN_PER_YI = 10_000


def report_summary(plan: Plan, as_of: int, *, public: bool) -> dict | None:
    """Counts for the report's tasks section, or None when no work has been assigned."""
    year_end = dt.date(as_of, 12, 31)
    tasks = WorkTask.objects.filter(plan=plan, lead_unit__isnull=False)
    projects = KeyProject.objects.filter(plan=plan, lead_unit__isnull=False)
    if public:
        tasks, projects = tasks.filter(is_demo=False), projects.filter(is_demo=False)
    if not tasks.exists() and not projects.exists():
        return None
    summary = {"tasks": _task_counts(tasks, year_end), "projects": _project_sums(projects)}
    if not public:
        summary["tasks"]["demo"] = tasks.filter(is_demo=True).count()
        summary["projects"]["demo"] = projects.filter(is_demo=True).count()
    return summary


def _task_counts(tasks, year_end: dt.date) -> dict[str, int]:
    done = _latest_accepted_percent(year_end)
    counts = {"total": 0, "completed": 0, "on_schedule": 0, "late": 0}
    for task_id, deadline in tasks.values_list("pk", "deadline"):
        counts["total"] += 1
        if done.get(task_id) == 100:
            counts["completed"] += 1
        elif deadline is not None and deadline < year_end:
            counts["late"] += 1
        else:
            counts["on_schedule"] += 1
    return counts


def _latest_accepted_percent(year_end: dt.date) -> dict[int, int | None]:
    """Each task's % complete in its latest accepted report for a period up to the year's end."""
    latest: dict[int, tuple[str, int | None]] = {}
    rows = ProgressReport.objects.filter(
        work_task__isnull=False, status=ProgressReport.Status.ACCEPTED, period__lte=f"{year_end.year}Q4"
    ).values_list("work_task_id", "period", "percent")
    for task_id, period, percent in rows:
        if task_id not in latest or period > latest[task_id][0]:
            latest[task_id] = (period, percent)
    return {task_id: percent for task_id, (_, percent) in latest.items()}


def _project_sums(projects) -> dict[str, float | int]:
    planned = done = 0.0
    total = 0
    for planned_yi, done_yi in projects.values_list("planned_investment", "investment_done"):
        total += 1
        planned += planned_yi or 0.0
        done += done_yi or 0.0
    return {"total": total, "planned_wan": planned * WAN_PER_YI, "done_wan": done * WAN_PER_YI}
