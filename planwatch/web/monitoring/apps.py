from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "planwatch.web.monitoring"
    label = "monitoring"
    verbose_name = _("数据采集")

    def ready(self) -> None:
        # User changes made outside the services (admin, shell) still reach the audit log.
        from planwatch.web.monitoring import signals  # noqa: F401
