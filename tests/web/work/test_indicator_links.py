"""相关任务与项目 on an indicator page: the tasks and projects planners linked to it (the work app's links,
reached through its hook ``planwatch.web.work.indicator_work``), each with its lead unit and light; the
plan text's keyword matches only when nothing is linked, and then labelled as proposals."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from planwatch.web.dashboard.work_links import work_section
from planwatch.web.plans.models import Indicator
from planwatch.web.work import services
from planwatch.web.work.indicator_work import linked_work
from planwatch.web.work.models import WorkTask
from planwatch.work.lights import Light

pytestmark = pytest.mark.django_db


def _indicator(plan, code: str) -> Indicator:
    return plan.indicators.get(code=code)


def _link_task(task, cast, indicator):
    return services.assign_task(
        task,
        user=cast.planner,
        reason="关联指标",
        lead_unit=task.lead_unit,
        cooperating_units=task.cooperating_units.all(),
        deadline=task.deadline,
        indicators=[indicator],
    )


def test_the_hook_gives_linked_work_with_lead_unit_and_the_boards_light(
    ganzhou, cast, yudu_task, nankang_project
):
    """I14 常住人口城镇化率 linked to task 1 (于都, due 2025-12-31) and to 长赣高铁 (南康); task 3, linked but
    not assigned, comes last without a light. On 5 Oct 2025 both owe 2025Q3, due 10 Oct: 5 days < 7 →
    黄灯 (the board's own rule, as test_supervision works it). An unlinked task is not listed."""
    urban = _indicator(ganzhou, "I14")
    _link_task(yudu_task, cast, urban)
    services.update_project(nankang_project, user=cast.planner, reason="关联指标", indicators=[urban])
    unled = WorkTask.objects.get(plan=ganzhou, number=3)
    unled.indicators.set([urban])
    found = linked_work(ganzhou, urban, today=dt.date(2025, 10, 5))
    assert [(w.kind, w.title, w.lead_unit, w.light) for w in found] == [
        ("task", yudu_task.task.title, "于都县人民政府", Light.YELLOW),
        ("project", "长赣高铁", "南康区人民政府", Light.YELLOW),
        ("task", unled.task.title, "", None),
    ]
    assert (
        found[0].url == f"/work/tasks/{yudu_task.pk}/"
        and found[1].url == f"/work/projects/{nankang_project.pk}/"
    )
    assert found[0].why == "2025年第3季度进展将于 2025-10-10 截止,尚未报告"
    assert linked_work(ganzhou, _indicator(ganzhou, "I21"), today=dt.date(2025, 10, 5)) == []


def test_the_indicator_page_lists_the_linked_work_not_the_keyword_matches(
    ganzhou, cast, yudu_task, client_for
):
    """Task 1 linked to I14: the page lists it with 于都县人民政府 and 红灯 — its 完成时限 2025-12-31 has passed
    with no accepted report at 100% (today is after it) — and no keyword proposal beside it."""
    urban = _indicator(ganzhou, "I14")
    _link_task(yudu_task, cast, urban)
    html = client_for(cast.planner).get("/dashboard/indicators/I14/").content.decode()
    section = html[html.index('id="work-links"') :]
    section = section[: section.index("</section>")]
    row = re.search(r"<tr><td>任务</td>.*?</tr>", section, re.S).group(0)
    assert f'href="/work/tasks/{yudu_task.pk}/"' in row and yudu_task.task.title in row
    assert (
        "于都县人民政府" in row
        and '<span class="light red"' in row
        and "已过完成时限 2025-12-31,尚未完成" in row
    )
    assert "建议关联" not in section
    assert html.count("相关任务与项目") == 1  # the kept body's keyword section is not shown as well


def test_with_nothing_linked_the_keyword_matches_are_shown_as_proposals(ganzhou, cast, client_for):
    """I08 粮食综合生产能力 is named in the text of the task 发展特色农林产业: with no task or project linked,
    the page says so and offers that match under a heading that calls it a proposal, not a link."""
    grain = _indicator(ganzhou, "I08")
    section = work_section(ganzhou, grain)
    assert section.linked == [] and [t.title for t in section.proposed_tasks] == ["发展特色农林产业"]
    html = client_for(cast.planner).get("/dashboard/indicators/I08/").content.decode()
    part = html[html.index('id="work-links"') :]
    part = part[: part.index("</section>")]
    assert "尚无任务或项目关联到本指标。" in part
    assert "建议关联(按指标名称在规划文本中检索,未经规划部门确认)" in part
    assert '<span class="tag">任务</span> 发展特色农林产业' in part and 'class="light' not in part
