"""待办: what each role has to do, on one page, nothing asked twice.

- reporter: the figures its unit owes past their due date, the owed quarter's reports it has not
  submitted (tasks and projects it leads), its drafts, and what came back (returned reports and figures);
- reviewer: progress reports and figures waiting for review (not its own);
- supervisor: what is red, and the open 重大事项;
- planner / administrator: the whole picture — lights for the plan, unassigned work, reviews waiting,
  open 重大事项.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from planwatch.web.monitoring.assignments import overdue_assignments
from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.monitoring.permissions import may
from planwatch.web.places.models import Role
from planwatch.web.places.permissions import role_of, unit_of
from planwatch.web.plans.models import Plan
from planwatch.web.work.escalations import sync_warnings
from planwatch.web.work.models import Escalation, ProgressReport
from planwatch.web.work.supervision import Line, _owed, build_board, quarter_label

R = ProgressReport.Status


@dataclass(frozen=True)
class OwedLine:
    """A task or project the unit still owes this quarter's report on, with the report it has begun."""

    line: Line
    report: ProgressReport | None


def reporter_home(plan: Plan, user) -> dict:
    unit = unit_of(user)
    quarter = _owed(plan, timezone.localdate())
    board = build_board(plan, unit=unit, with_indicators=False) if quarter and unit else None
    mine = ProgressReport.objects.filter(unit=unit).select_related("work_task__task", "project")
    # This quarter's draft or returned report goes on its owed line (with its state and the review
    # comment), not a second time under 退回修改 or 草稿: nothing is asked twice.
    started = (
        {
            ("task", r.work_task_id) if r.work_task_id else ("project", r.project_id): r
            for r in mine.filter(period=quarter.key, status__in=(R.DRAFT, R.RETURNED))
        }
        if board
        else {}
    )
    owed = [
        OwedLine(line, started.get((line.kind, line.item.pk)))
        for line in (board.lines if board else [])
        if line.report_status not in (R.SUBMITTED, R.ACCEPTED)
    ]
    shown = {o.report.pk for o in owed if o.report}
    return {
        "quarter": quarter,
        "quarter_label": quarter_label(quarter) if quarter else "",
        "owed_lines": owed,
        "drafts": mine.filter(status=R.DRAFT).exclude(pk__in=shown),
        "returned": mine.filter(status=R.RETURNED).exclude(pk__in=shown),
        "figures_overdue": overdue_assignments(Assignment.objects.filter(unit=unit)) if unit else [],
        "returned_figures": Observation.objects.filter(
            unit=unit, status=Observation.Status.RETURNED
        ).select_related("indicator", "region")[:50]
        if unit
        else [],
    }


def reviewer_home(plan: Plan, user) -> dict:
    waiting = (
        ProgressReport.objects.filter(status=R.SUBMITTED)
        .filter(Q(work_task__plan=plan) | Q(project__plan=plan))
        .exclude(Q(created_by=user) | Q(submitted_by=user))
        .select_related("unit", "work_task__task", "project")
    )
    figures = (
        Observation.objects.filter(status=Observation.Status.SUBMITTED)
        .exclude(Q(created_by=user) | Q(submitted_by=user))
        .count()
    )
    # A planner sees the count but reviews no figures (the 统计局 reviewer does): its link lists them.
    return {"waiting": waiting, "figures_waiting": figures, "reviews_figures": may(user, "review.use")}


def supervisor_home(plan: Plan, user) -> dict:
    # A binding indicator's 预警 is stored when a list first sees it: the home lists open 重大事项 too,
    # so it must not wait for someone to open the escalation page.
    sync_warnings(plan)
    board = build_board(plan, with_indicators=False)
    return {
        "board": board,
        "red": board.red,
        "open_escalations": Escalation.objects.filter(plan=plan)
        .exclude(status=Escalation.Status.RESOLVED)
        .select_related("owner"),
    }


def planner_home(plan: Plan, user) -> dict:
    data = supervisor_home(plan, user)
    data.update(reviewer_home(plan, user))
    return data


HOMES = {
    Role.REPORTER: ("reporter", reporter_home),
    Role.REVIEWER: ("reviewer", reviewer_home),
    Role.SUPERVISOR: ("supervisor", supervisor_home),
    Role.PLANNER: ("planner", planner_home),
    Role.ADMINISTRATOR: ("planner", planner_home),
}


def home_for(plan: Plan, user) -> tuple[str, dict]:
    kind, build = HOMES.get(role_of(user), ("none", lambda p, u: {}))
    data = build(plan, user)
    if role_of(user) == Role.REVIEWER and unit_of(user) is not None:
        # A reviewer's unit may lead work too: it owes what its unit owes.
        data.update(reporter_home(plan, user))
    return kind, data
