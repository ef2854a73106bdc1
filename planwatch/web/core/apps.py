from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "planwatch.web.core"
    label = "core"
    verbose_name = "Planwatch"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import post_migrate

        from planwatch.collection import settings as collection
        from planwatch.web.core.stamp import reinstall_triggers
        from planwatch.work import settings as work

        # The pure parts' thresholds, as the deployment tunes them: a dict in Django settings, never an
        # edit of code (each part's settings module documents its names and defaults).
        for name, part in {"PLANWATCH_COLLECTION": collection, "PLANWATCH_WORK": work}.items():
            part.configure(**getattr(settings, name, {}))

        # After every migrate: a new table gets its triggers, and SQLite, which rebuilds a table to
        # alter a column, loses the old table's triggers with it.
        post_migrate.connect(reinstall_triggers, dispatch_uid="planwatch-data-stamp")
