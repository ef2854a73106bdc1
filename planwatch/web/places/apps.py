from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "planwatch.web.places"
    label = "places"
    verbose_name = _("地区、单位与用户")

    def ready(self) -> None:
        # User changes made outside the services (admin, shell) still reach the audit log.
        from planwatch.web.places import signals  # noqa: F401
