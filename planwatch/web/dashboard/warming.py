"""Warm the evaluation cache when figures change, so the first visitor after a publication does not
pay for the grading and the forecast fits (the portal's day is the day the figures come out).

An approval or a publication enqueues ``warm_evaluation`` once its transaction commits (``signals``); the background
worker (django-tasks' ``db_worker``, started by ``planwatch serve``) then computes, in every language,
what the public portal and the bureau's dashboard will ask for: the whole-plan overview and each
indicator's page. Nothing is stored but cache entries keyed by their inputs (``cache.py``), so a warm-up
that runs late or twice is harmless. A draft or a submission changes nothing visible and warms nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django_tasks import task

from planwatch.web.plans.models import Plan


def warm(plan: Plan) -> int:
    """Compute every page evaluation of the plan for the public and the bureau; returns how many."""
    from planwatch.web.dashboard.overview import overview
    from planwatch.web.dashboard.pages import indicator_page

    done = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for public in (True, False):
                overview(plan, public=public)
                for indicator in plan.indicators.order_by("order"):
                    indicator_page(plan, indicator, public=public)
                    done += 1
    return done


@task()
def warm_evaluation(plan_id: int) -> int:
    plan = Plan.objects.filter(pk=plan_id).first()
    return warm(plan) if plan is not None else 0


def warm_up_waiting(plan_id: int) -> bool:
    """Whether a warm-up of the plan waits in the database queue, not yet started (False for a backend
    that runs tasks at once or elsewhere: nothing to look at)."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=warm_evaluation.module_path,
                                       args_kwargs={"args": [plan_id], "kwargs": {}}).exists()
