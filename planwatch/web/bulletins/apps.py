from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "planwatch.web.bulletins"
    label = "bulletins"
    verbose_name = _("统计公报")
    default_auto_field = "django.db.models.BigAutoField"
