from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "planwatch.web.dashboard"
    label = "dashboard"
    verbose_name = _("驾驶舱")

    def ready(self) -> None:
        from planwatch.web.dashboard import signals  # noqa: F401 - connects the warm-up on publication
