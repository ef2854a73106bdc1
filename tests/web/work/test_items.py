"""Loading a plan creates its work: every task outside the background chapters and every named project."""

from __future__ import annotations

import pytest

from planwatch.web.plans.models import ProjectItem
from planwatch.web.work.items import ensure_work_items
from planwatch.web.work.models import KeyProject, WorkTask

pytestmark = pytest.mark.django_db


def test_ganzhou_plan_gives_67_tasks_and_36_project_items_with_their_named_projects(ganzhou):
    tasks = WorkTask.objects.filter(plan=ganzhou).select_related("task").order_by("number")
    assert tasks.count() == 67
    assert [t.number for t in tasks] == list(range(1, 68))
    titles = [t.task.title for t in tasks]
    assert "经济实力大步跨越" not in titles  # 第一章 发展基础: an achievement, not a task
    items = ProjectItem.objects.filter(box__plan=ganzhou)
    assert items.count() == 36
    assert items.filter(key_projects__isnull=True).count() == 0  # every item has at least one project
    rail = list(
        KeyProject.objects.filter(plan=ganzhou, item__title="铁路")
        .order_by("order")
        .values_list("name", flat=True)
    )
    assert rail == ["长赣高铁", "瑞梅铁路", "赣郴永兴铁路", "赣韶铁路扩能工程", "赣龙厦高铁", "景鹰瑞铁路"]
    airports = KeyProject.objects.filter(plan=ganzhou, item__title="机场").values_list("name", flat=True)
    assert "赣州黄金机场三期改扩建项目" in airports
    # An item naming no project is one project under its own title.
    assert (
        KeyProject.objects.filter(plan=ganzhou, item__title="长征步道建设项目").get().name
        == "长征步道建设项目"
    )


def test_projects_take_the_first_county_the_item_names(ganzhou):
    """专栏6 公路 names 南康区 first (its places: 南康区, 信丰县 …)."""
    roads = KeyProject.objects.filter(plan=ganzhou, item__title="公路").select_related("county")
    assert {p.county.name for p in roads} == {"南康区"}


def test_creating_the_work_twice_creates_nothing_new(ganzhou):
    before = (WorkTask.objects.count(), KeyProject.objects.count())
    assert ensure_work_items(ganzhou) == (0, 0)
    assert (WorkTask.objects.count(), KeyProject.objects.count()) == before
    assert WorkTask.history.filter(history_change_reason="载入规划:建立任务与重点项目").count() == 67
