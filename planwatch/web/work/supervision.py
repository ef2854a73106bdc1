"""督查督办: every assigned task and project with its light, by unit, by county and for the whole plan.

The rules are the pure ``planwatch.work.lights``; this module gathers, in a handful of queries, what
they need: the owed quarter's reports, tasks complete (an accepted report at 100%), missed milestones,
each project's yearly investment. A lagging indicator (滞后/逆向 by the engine) with no linked task or
project that is assigned and not complete is listed too: nobody is working on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext

from planwatch.web.monitoring.models import Unit
from planwatch.web.plans.models import Plan
from planwatch.web.work.grades import Graded, is_lagging, plan_grades
from planwatch.web.work.models import KeyProject, Milestone, ProgressReport, WorkTask
from planwatch.work.lights import Light, deadline_light, investment_light, report_light
from planwatch.work.periods import Quarter, owed_quarter, year_time_share

R = ProgressReport.Status
IN = (R.SUBMITTED, R.ACCEPTED)
UNIT_FIELDS = ("lead_unit__name", "lead_unit__region__name", "lead_unit__region__kind")


@dataclass
class Line:
    kind: str  # "task" | "project"
    item: WorkTask | KeyProject
    unit: Unit
    county: str
    report_status: str | None  # of the owed quarter
    light: Light
    why: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.item.task.title if self.kind == "task" else self.item.name

    @property
    def label(self) -> str:
        return gettext(self.light.word)  # 红灯 / 黄灯 / 绿灯, in the catalog from the templates

    @property
    def reasons(self) -> str:
        return ";".join(self.why)


@dataclass
class Tally:
    name: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def of(self, light: str) -> int:
        return self.counts[light]


@dataclass
class Board:
    today: dt.date
    quarter: Quarter | None
    lines: list[Line]
    unassigned_tasks: int
    unassigned_projects: int
    unlinked_lagging: list[Graded]

    def tally(self, key) -> list[Tally]:
        groups: dict[str, Tally] = {}
        for line in self.lines:
            groups.setdefault(key(line), Tally(key(line))).counts[line.light.css] += 1
        return sorted(groups.values(), key=lambda t: (-t.of("red"), -t.of("yellow"), t.name))

    @property
    def by_unit(self) -> list[Tally]:
        return self.tally(lambda line: line.unit.name)

    @property
    def by_county(self) -> list[Tally]:
        return self.tally(lambda line: line.county or "市本级")

    @property
    def whole(self) -> Tally:
        total = Tally("全规划")
        for line in self.lines:
            total.counts[line.light.css] += 1
        return total

    @property
    def red(self) -> list[Line]:
        return [line for line in self.lines if line.light is Light.RED]


def _owed(plan: Plan, today: dt.date) -> Quarter | None:
    return owed_quarter(today, plan.base_year + 1, plan.target_year)


def build_board(
    plan: Plan, *, today: dt.date | None = None, unit: Unit | None = None, with_indicators: bool = True
) -> Board:
    today = today or timezone.localdate()
    quarter = _owed(plan, today)
    # Only the columns the lights and the page read: 400 rows of full model instances cost more than the SQL.
    tasks = (
        WorkTask.objects.filter(plan=plan)
        .select_related("task", "lead_unit__region")
        .only("pk", "number", "deadline", "is_demo", "lead_unit", "task__title", *UNIT_FIELDS)
    )
    projects = (
        KeyProject.objects.filter(plan=plan)
        .select_related("county", "lead_unit__region")
        .only(
            "pk",
            "name",
            "is_demo",
            "planned_investment",
            "investment_done",
            "lead_unit",
            "county__name",
            *UNIT_FIELDS,
        )
    )
    unassigned = (tasks.filter(lead_unit=None).count(), projects.filter(lead_unit=None).count())
    tasks, projects = tasks.exclude(lead_unit=None), projects.exclude(lead_unit=None)
    if unit is not None:
        tasks, projects = tasks.filter(lead_unit=unit), projects.filter(lead_unit=unit)
    status = _owed_status(plan, quarter)
    complete = set(
        ProgressReport.objects.filter(work_task__plan=plan, status=R.ACCEPTED, percent__gte=100).values_list(
            "work_task_id", flat=True
        )
    )
    missed = set(
        Milestone.objects.filter(work_task__plan=plan, due_date__lt=today, reached_on=None).values_list(
            "work_task_id", flat=True
        )
    )
    lines = [_task_line(t, quarter, status, today, t.pk in complete, t.pk in missed) for t in tasks]
    share = year_time_share(today)
    lines += [_project_line(p, quarter, status, today, share) for p in projects]
    lagging = _unlinked_lagging(plan, complete) if with_indicators else []
    return Board(today, quarter, lines, *unassigned, lagging)


def _owed_status(plan: Plan, quarter: Quarter | None) -> dict[tuple[str, int], str]:
    if quarter is None:
        return {}
    rows = ProgressReport.objects.filter(period=quarter.key).filter(
        work_task__plan=plan
    ) | ProgressReport.objects.filter(period=quarter.key, project__plan=plan)
    out = {}
    for task_id, project_id, state in rows.values_list("work_task_id", "project_id", "status"):
        out[("task", task_id) if task_id else ("project", project_id)] = state
    return out


def _report_part(key, quarter, status, today, why) -> tuple[str | None, Light]:
    if quarter is None:
        return None, Light.GREEN
    state = status.get(key)
    light = report_light(quarter.due, state in IN, today)
    due = f"{quarter.due:%Y-%m-%d}"
    if light is Light.RED:
        why.append(gettext("%(quarter)s进展逾期未报(截止 %(due)s)") % {"quarter": quarter.label, "due": due})
    elif light is Light.YELLOW:
        why.append(gettext("%(quarter)s进展将于 %(due)s 截止,尚未报告") % {"quarter": quarter.label, "due": due})
    return state, light


def _task_line(task: WorkTask, quarter, status, today, complete: bool, missed: bool) -> Line:
    why: list[str] = []
    state, light = _report_part(("task", task.pk), quarter, status, today, why)
    deadline = deadline_light(task.deadline, complete, today)
    if deadline is Light.RED:
        why.append(gettext("已过完成时限 %(day)s,尚未完成") % {"day": f"{task.deadline:%Y-%m-%d}"})
    elif deadline is Light.YELLOW:
        why.append(gettext("完成时限 %(day)s 将至") % {"day": f"{task.deadline:%Y-%m-%d}"})
    if missed:
        why.append(gettext("有逾期未完成的节点"))
    light = max(light, deadline, Light.RED if missed else Light.GREEN)
    return Line("task", task, task.lead_unit, _unit_county(task.lead_unit), state, light, why)


def _unit_county(unit: Unit) -> str:
    """A county government's work counts for its county; a city department's for 市本级 ("")."""
    return unit.region.name if unit.region.kind != "city" else ""


def _project_line(project: KeyProject, quarter, status, today, share: float) -> Line:
    why: list[str] = []
    state, light = _report_part(("project", project.pk), quarter, status, today, why)
    money = investment_light(project.investment_done, project.planned_investment, share)
    if money is not Light.GREEN:
        done = project.investment_done or 0
        why.append(gettext("年度投资完成 %(done)s/%(planned)s 亿元,落后于时间进度 %(share)s") % {
            "done": f"{done:g}", "planned": f"{project.planned_investment:g}", "share": f"{share:.0%}"})
    county = project.county.name if project.county else _unit_county(project.lead_unit)
    return Line("project", project, project.lead_unit, county, state, max(light, money), why)


def _unlinked_lagging(plan: Plan, complete: set[int]) -> list[Graded]:
    """Lagging indicators with no linked, assigned, unfinished task and no linked, assigned project."""
    lagging = [g for g in plan_grades(plan) if is_lagging(g)]
    if not lagging:
        return []
    worked = set(
        WorkTask.indicators.through.objects.filter(worktask__plan=plan, worktask__lead_unit__isnull=False)
        .exclude(worktask_id__in=complete)
        .values_list("indicator_id", flat=True)
    )
    worked |= set(
        KeyProject.indicators.through.objects.filter(
            keyproject__plan=plan, keyproject__lead_unit__isnull=False
        )
        .exclude(keyproject__stage="投产")
        .values_list("indicator_id", flat=True)
    )
    return [g for g in lagging if g.indicator.pk not in worked]


def board_rows(board: Board) -> list[list]:
    """The Excel export's rows: one per line."""
    return [
        [
            line.light.word,
            "任务" if line.kind == "task" else "项目",
            line.title,
            line.unit.name,
            line.county or "市本级",
            str(dict(R.choices).get(line.report_status, "未报告")),
            ";".join(line.why),
        ]
        for line in board.lines
    ]


EXPORT_HEADER = ("灯", "类型", "名称", "牵头单位", "县(市、区)", "本期报告", "原因")
