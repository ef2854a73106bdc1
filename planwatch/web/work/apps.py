from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    """Tasks, key projects, progress reports, supervision (督查督办) and escalation (重大事项)."""

    name = "planwatch.web.work"
    label = "work"
    verbose_name = _("任务与重点项目")

    def ready(self) -> None:
        from planwatch.web.plans.services import plan_loaded
        from planwatch.web.work.items import on_plan_loaded

        plan_loaded.connect(on_plan_loaded, dispatch_uid="work-items")
