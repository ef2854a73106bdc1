"""相关任务与项目 on an indicator page: the tasks and key projects planners linked to the indicator.

The links live in the work app, which sits above the dashboard in the layers (``docs/architecture.md``);
the dashboard reaches them through the work app's hook, found by name (``WORK_HOOK``), as the report
reaches ``planwatch.web.work.reporting``: each linked task or project with its lead unit and today's
supervision light. Only when nothing is linked (or the work app is not installed) does the page fall
back to the plan text's keyword matches, shown as proposals (``pages.linked_tasks``), not as links.

The section is rendered for each request, outside the kept page body: links and lights change with the
work app's tables, which do not move the data stamp the kept pages are keyed by.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from planwatch.web.dashboard.pages import linked_projects, linked_tasks
from planwatch.web.plans.models import Indicator, Plan, ProjectItem, Task

WORK_HOOK = "planwatch.web.work.indicator_work"


@dataclass
class WorkSection:
    linked: list = field(default_factory=list)  # the hook's LinkedWork: kind, title, url, lead_unit, light …
    proposed_tasks: list[Task] = field(default_factory=list)
    proposed_projects: list[ProjectItem] = field(default_factory=list)

    @property
    def proposed(self) -> bool:
        return bool(self.proposed_tasks or self.proposed_projects)


def work_section(plan: Plan, indicator: Indicator) -> WorkSection:
    """The linked work first; the keyword proposals only when nothing is linked."""
    linked = _linked(plan, indicator)
    if linked:
        return WorkSection(linked)
    return WorkSection([], linked_tasks(plan, indicator), linked_projects(plan, indicator))


def _linked(plan: Plan, indicator: Indicator) -> list:
    try:
        module = importlib.import_module(WORK_HOOK)
    except ImportError:
        return []
    return module.linked_work(plan, indicator)
