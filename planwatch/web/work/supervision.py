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
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext

from planwatch.web.places.models import Unit
from planwatch.web.plans.models import Indicator, Plan
from planwatch.web.work.grades import Graded, is_lagging, plan_grades
from planwatch.web.work.models import KeyProject, Milestone, ProgressReport, WorkTask
from planwatch.work.lights import Light, deadline_light, investment_light, report_light
from planwatch.work.periods import Quarter, owed_quarter, year_time_share

R = ProgressReport.Status
IN = (R.SUBMITTED, R.ACCEPTED)
UNIT_FIELDS = ("lead_unit_id", "lead_unit__name", "lead_unit__region__name", "lead_unit__region__kind")


@dataclass(frozen=True)
class Item:
    """What a line shows of a task or project (plain values: 400 model instances cost more than the SQL)."""

    pk: int
    title: str
    is_demo: bool


@dataclass(frozen=True)
class UnitRef:
    pk: int
    name: str
    county: str  # the county a county government stands for; "" for a city department (市本级)


@dataclass
class Line:
    kind: str  # "task" | "project"
    item: Item
    unit: UnitRef
    county: str
    report_status: str | None  # of the owed quarter
    light: Light
    why: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.item.title

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

    @cached_property
    def by_unit(self) -> list[Tally]:
        return self.tally(lambda line: line.unit.name)

    @cached_property
    def by_county(self) -> list[Tally]:
        return self.tally(lambda line: line.county or "市本级")

    @cached_property
    def whole(self) -> Tally:
        total = Tally("全规划")
        for line in self.lines:
            total.counts[line.light.css] += 1
        return total

    @property
    def quarter_label(self) -> str:
        return quarter_label(self.quarter) if self.quarter else ""

    @cached_property
    def red(self) -> list[Line]:
        return [line for line in self.lines if line.light is Light.RED]


def quarter_label(quarter: Quarter) -> str:
    """2025年第3季度, or Q3 2025 on an English page (the pure ``Quarter.label`` is the Chinese form)."""
    return gettext("%(year)s年第%(quarter)s季度") % {"year": quarter.year, "quarter": quarter.quarter}


def _owed(plan: Plan, today: dt.date) -> Quarter | None:
    return owed_quarter(today, plan.base_year + 1, plan.target_year)


def build_board(
    plan: Plan,
    *,
    today: dt.date | None = None,
    unit: Unit | None = None,
    with_indicators: bool = True,
    indicator: Indicator | None = None,
) -> Board:
    """``unit``: only its work; ``indicator``: only the work linked to it (the indicator page's lights)."""
    today = today or timezone.localdate()
    quarter = _owed(plan, today)
    tasks = WorkTask.objects.filter(plan=plan)
    projects = KeyProject.objects.filter(plan=plan)
    if indicator is not None:
        tasks, projects = tasks.filter(indicators=indicator), projects.filter(indicators=indicator)
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
    lines = [
        _task_line(t, quarter, status, today, t["pk"] in complete, t["pk"] in missed)
        for t in tasks.order_by("number").values("pk", "task__title", "is_demo", "deadline", *UNIT_FIELDS)
    ]
    share = year_time_share(today)
    lines += [
        _project_line(p, quarter, status, today, share)
        for p in projects.order_by("pk").values(
            "pk", "name", "is_demo", "planned_investment", "investment_done", "county__name", *UNIT_FIELDS
        )
    ]
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
        why.append(
            gettext("%(quarter)s进展逾期未报(截止 %(due)s)") % {"quarter": quarter_label(quarter), "due": due}
        )
    elif light is Light.YELLOW:
        why.append(
            gettext("%(quarter)s进展将于 %(due)s 截止,尚未报告")
            % {"quarter": quarter_label(quarter), "due": due}
        )
    return state, light


def _unit(row: dict) -> UnitRef:
    """A county government's work counts for its county; a city department's for 市本级 ("")."""
    county = row["lead_unit__region__name"] if row["lead_unit__region__kind"] != "city" else ""
    return UnitRef(row["lead_unit_id"], row["lead_unit__name"], county)


def _task_line(task: dict, quarter, status, today, complete: bool, missed: bool) -> Line:
    why: list[str] = []
    state, light = _report_part(("task", task["pk"]), quarter, status, today, why)
    day = task["deadline"]
    deadline = deadline_light(day, complete, today)
    if deadline is Light.RED:
        why.append(gettext("已过完成时限 %(day)s,尚未完成") % {"day": f"{day:%Y-%m-%d}"})
    elif deadline is Light.YELLOW:
        why.append(gettext("完成时限 %(day)s 将至") % {"day": f"{day:%Y-%m-%d}"})
    if missed:
        why.append(gettext("有逾期未完成的节点"))
    light = max(light, deadline, Light.RED if missed else Light.GREEN)
    unit = _unit(task)
    item = Item(task["pk"], task["task__title"], task["is_demo"])
    return Line("task", item, unit, unit.county, state, light, why)


def _project_line(project: dict, quarter, status, today, share: float) -> Line:
    why: list[str] = []
    state, light = _report_part(("project", project["pk"]), quarter, status, today, why)
    done, planned = project["investment_done"], project["planned_investment"]
    money = investment_light(done, planned, share)
    if money is not Light.GREEN:
        why.append(
            gettext("年度投资完成 %(done)s/%(planned)s 亿元,落后于时间进度 %(share)s")
            % {"done": f"{done or 0:g}", "planned": f"{planned:g}", "share": f"{share:.0%}"}
        )
    unit = _unit(project)
    item = Item(project["pk"], project["name"], project["is_demo"])
    return Line("project", item, unit, project["county__name"] or unit.county, state, max(light, money), why)


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
