from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RealdataConfig(AppConfig):
    name = "planwatch.web.realdata"
    label = "realdata"
    verbose_name = _("真实数据")
    default_auto_field = "django.db.models.BigAutoField"
