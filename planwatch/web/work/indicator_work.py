"""The tasks and key projects planners linked to an indicator, for its page (the hook the dashboard calls).

The dashboard sits below the work app in the layers (``docs/architecture.md``), so it does not import
this module: it finds it by name (``planwatch.web.dashboard.work_links.WORK_HOOK``), as the report finds
``planwatch.web.work.reporting``. Each linked piece of work comes with its lead unit and today's light,
taken from the supervision board itself (``supervision.build_board``), so the page and 督查督办 never
disagree; linked work not yet assigned is listed without a light.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from planwatch.web.plans.models import Indicator, Plan
from planwatch.web.work.models import KeyProject, WorkTask
from planwatch.web.work.supervision import build_board
from planwatch.work.lights import Light

URLS = {"task": "work-task", "project": "work-project"}


@dataclass(frozen=True)
class LinkedWork:
    kind: str  # "task" | "project"
    title: str
    url: str
    lead_unit: str  # "" while not assigned
    light: Light | None  # today's supervision light; None while not assigned
    why: str  # the light's reasons, as 督查督办 gives them
    is_demo: bool


def linked_work(plan: Plan, indicator: Indicator, *, today: dt.date | None = None) -> list[LinkedWork]:
    """The work linked to ``indicator``: assigned tasks, then projects, each with its light; then the
    linked work nobody leads yet."""
    board = build_board(plan, today=today, indicator=indicator, with_indicators=False)
    out = [
        LinkedWork(
            line.kind,
            line.title,
            reverse(URLS[line.kind], args=[line.item.pk]),
            line.unit.name,
            line.light,
            line.reasons,
            line.item.is_demo,
        )
        for line in board.lines
    ]
    unled = [
        ("task", pk, title, demo)
        for pk, title, demo in WorkTask.objects.filter(plan=plan, indicators=indicator, lead_unit=None)
        .order_by("number")
        .values_list("pk", "task__title", "is_demo")
    ] + [
        ("project", pk, name, demo)
        for pk, name, demo in KeyProject.objects.filter(plan=plan, indicators=indicator, lead_unit=None)
        .order_by("pk")
        .values_list("pk", "name", "is_demo")
    ]
    out += [
        LinkedWork(kind, title, reverse(URLS[kind], args=[pk]), "", None, "", demo)
        for kind, pk, title, demo in unled
    ]
    return out
