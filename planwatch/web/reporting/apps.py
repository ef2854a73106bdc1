from __future__ import annotations

from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "planwatch.web.reporting"
    label = "reporting"
    verbose_name = "评估报告"
    default_auto_field = "django.db.models.BigAutoField"
