"""The work items of a stored plan: one ``WorkTask`` per task outside the background chapters and one
``KeyProject`` per named project of each 专栏 item. Idempotent: loading twice creates nothing new.

Run when a plan is loaded (``plans.services.plan_loaded``), by ``planwatch demo``, and by the task
list for a plan loaded before this app existed.
"""

from __future__ import annotations

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from planwatch.plan import ProjectItem as ItemText
from planwatch.web.places.models import Region
from planwatch.web.plans.models import Plan, ProjectItem, Task
from planwatch.web.work.models import KeyProject, WorkTask
from planwatch.work.plan_items import first_place, named_projects
from planwatch.work.settings import setting

REASON = "载入规划:建立任务与重点项目"


def _work_tasks(plan: Plan) -> list[Task]:
    words = setting("NON_WORK_CHAPTER_WORDS")
    tasks = (
        Task.objects.filter(section__chapter__plan=plan)
        .select_related("section__chapter")
        .order_by("section__chapter__number", "section__number", "order", "pk")
    )
    return [t for t in tasks if not any(w in t.section.chapter.title for w in words)]


def ensure_work_items(plan: Plan) -> tuple[int, int]:
    """Create the missing work tasks and key projects; returns how many of each were created."""
    with transaction.atomic():
        have = set(WorkTask.objects.filter(plan=plan).values_list("task_id", flat=True))
        tasks = [
            WorkTask(plan=plan, task=t, number=n)
            for n, t in enumerate(_work_tasks(plan), start=1)
            if t.pk not in have
        ]
        bulk_create_with_history(tasks, WorkTask, default_change_reason=REASON)
        counties = {r.name: r for r in Region.objects.exclude(kind=Region.Kind.CITY)}
        known = set(KeyProject.objects.filter(plan=plan).values_list("item_id", "name"))
        projects = []
        items = ProjectItem.objects.filter(box__plan=plan).order_by("box__number", "order", "pk")
        for item in items:
            text = ItemText(title=item.title, text=item.text, places=tuple(item.places or ()))
            place = first_place(text.places, set(counties))
            for order, name in enumerate(named_projects(text), start=1):
                if (item.pk, name) not in known:
                    projects.append(
                        KeyProject(
                            plan=plan,
                            item=item,
                            order=order,
                            name=name[:200],
                            county=counties.get(place) if place else None,
                        )
                    )
        bulk_create_with_history(projects, KeyProject, default_change_reason=REASON)
        return len(tasks), len(projects)


def on_plan_loaded(sender, plan: Plan, **kwargs) -> None:
    ensure_work_items(plan)
