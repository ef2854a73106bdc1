"""Indicator links proposed for a task (pure rule in ``planwatch.work.links``), for the planner to confirm."""

from __future__ import annotations

from planwatch.web.work.models import WorkTask
from planwatch.work.links import IndicatorWords, Proposal, propose


def proposals_for(task: WorkTask) -> list[Proposal]:
    indicators = [
        IndicatorWords(i.pk, i.name, i.pillar.name) for i in task.plan.indicators.select_related("pillar")
    ]
    linked = set(task.indicators.values_list("pk", flat=True))
    found = propose(task.task.title, task.task.text, task.task.section.chapter.title, indicators)
    return [p for p in found if p.indicator_id not in linked]
