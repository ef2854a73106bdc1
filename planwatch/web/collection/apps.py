from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectionConfig(AppConfig):
    """Excel/CSV import pages; the reading and checking is the pure ``planwatch.collection``."""

    name = "planwatch.web.collection"
    label = "collection"
    verbose_name = _("数据导入")
