"""``planwatch demo``'s part for tasks and projects: a realistic share of the plan's tasks and projects
assigned to demo units, with progress reports in every state, all marked 演示 (is_demo).

The plan's own task texts and project names are real; who leads them, the investment figures and the
reports are invented for the demo and shown with a 「演示分工」/「演示报告」 tag wherever they appear.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from planwatch.web.places.models import Unit
from planwatch.web.places.reference import demo_users
from planwatch.web.plans.services import current_plan
from planwatch.web.work import services
from planwatch.web.work.items import ensure_work_items
from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask
from planwatch.web.work.services import ReportInput
from planwatch.work.periods import owed_quarter, quarter_of, year_time_share

REASON = "演示:分配任务与项目(虚构的分工)"
# The demo units lead (each has a demo reporter, so their reports come in every state); city departments
# cooperate. Data, not logic: the demo's own cast.
DEMO_LEADS = ("于都县人民政府", "瑞金市人民政府", "市统计局")
DEMO_HELPERS = (
    "市发改委(苏区办)",
    "市工信局",
    "市交通运输局",
    "市农业农村局",
    "市生态环境局",
    "市商务局",
    "市教育局",
    "市卫健委",
    "市文广新旅局",
    "于都县人民政府",
    "瑞金市人民政府",
)
# The demo reporter of each unit: their unit's invented reports are written in their name.
DEMO_REPORTERS = {user.unit: user.username for user in demo_users() if user.role == "reporter"}
STATES = ("accepted", "submitted", "draft", "returned", "coordination", "none")


def demo_step() -> None:
    plan = current_plan()
    planner = get_user_model().objects.filter(username="planner").first()
    if plan is None or planner is None or WorkTask.objects.filter(plan=plan, is_demo=True).exists():
        return
    ensure_work_items(plan)
    units = {u.name: u for u in Unit.objects.all()}
    tasks = _assign_tasks(plan, planner, units)
    projects = _assign_projects(plan, planner, units)
    reports = _reports(plan, planner, tasks + projects)
    print(f"演示分工:任务 {len(tasks)} 项、重点项目 {len(projects)} 个,进展报告 {reports} 份(均标注「演示」)")


def _assign_tasks(plan, planner, units) -> list[WorkTask]:
    done = []
    end = dt.date(max(plan.target_year, timezone.localdate().year), 12, 31)
    for i, task in enumerate(
        WorkTask.objects.filter(plan=plan, number__in=range(1, 1000, 3)).order_by("number")
    ):
        lead = units.get(DEMO_LEADS[i % len(DEMO_LEADS)])
        helper = units.get(DEMO_HELPERS[i % len(DEMO_HELPERS)])
        if lead is None:
            continue
        # Every fifth demo task was due a year before the plan's end: some red shows on 督查督办.
        deadline = end.replace(year=end.year - 1) if i % 5 == 4 else end
        done.append(
            services.assign_task(
                task,
                user=planner,
                reason=REASON,
                lead_unit=lead,
                cooperating_units=[helper] if helper and helper != lead else [],
                deadline=deadline,
            )
        )
    WorkTask.objects.filter(pk__in=[t.pk for t in done]).update(is_demo=True)
    return done


def _assign_projects(plan, planner, units) -> list[KeyProject]:
    done = []
    share = year_time_share(timezone.localdate())
    for i, project in enumerate(KeyProject.objects.filter(plan=plan).select_related("county").order_by("pk")):
        county_unit = units.get(f"{project.county.name}人民政府") if project.county else None
        if county_unit is None or county_unit.name not in DEMO_REPORTERS:
            if i % 6:
                continue
            county_unit = units.get(
                DEMO_LEADS[(i // 6) % 2]
            )  # a county government, not the statistics bureau
        total = 10.0 + (i % 7) * 8.5
        planned = round(total / 4, 1)
        # On time, a little behind, well behind the year's time share: green, yellow and red money lights.
        behind = (0.0, 0.15, 0.3)[i % 3]
        done.append(
            services.update_project(
                project,
                user=planner,
                reason=REASON,
                lead_unit=county_unit,
                total_investment=total,
                planned_investment=planned,
                investment_done=round(planned * max(0.0, share - behind), 1),
                stage=("前期", "在建", "在建", "建成")[i % 4],
            )
        )
    KeyProject.objects.filter(pk__in=[p.pk for p in done]).update(is_demo=True)
    return done


def _reports(plan, planner, subjects) -> int:
    today = timezone.localdate()
    quarter = owed_quarter(today, plan.base_year + 1, plan.target_year) or quarter_of(today)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_REPORTERS.values())}
    made = 0
    mine = [s for s in subjects if s.lead_unit and DEMO_REPORTERS.get(s.lead_unit.name) in users]
    for i, subject in enumerate(mine):
        user = users[DEMO_REPORTERS[subject.lead_unit.name]]
        state = STATES[
            (i // len(DEMO_LEADS)) % len(STATES)
        ]  # leads take turns, so each unit gets every state
        if state == "none":
            continue
        _report(subject, user, planner, quarter.previous().key, "accepted", percent=20 + 10 * (i % 4))
        _report(subject, user, planner, quarter.key, state, percent=40 + 10 * (i % 4))
        made += 2
    ProgressReport.objects.filter(
        unit__name__in=DEMO_REPORTERS, created_by__username__in=DEMO_REPORTERS.values()
    ).update(is_demo=True)
    return made


def _report(subject, user, planner, period: str, state: str, percent: int) -> None:
    ask = state == "coordination"
    data = ReportInput(
        done_text="(演示)按计划推进,完成阶段性工作。",
        percent=percent,
        problems="(演示)用地、资金保障压力较大" if ask or state == "returned" else "",
        coordination="city" if ask else "",
        coordination_text="(演示)需市级协调解决项目用地指标" if ask else "",
    )
    report = services.save_report(subject, user=user, reason="演示:报告进展", period=period, data=data)
    if state == "draft":
        return
    services.submit_report(report, user=user, reason="演示:提交")
    if state == "accepted":
        services.review_report(report, user=planner, reason="演示:审核", accept=True)
    elif state == "returned":
        services.review_report(
            report, user=planner, reason="演示:审核", accept=False, comment="(演示)请补充佐证材料"
        )
