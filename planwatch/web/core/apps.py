from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "planwatch.web.core"
    label = "core"
    verbose_name = "Planwatch"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from planwatch.web.core.stamp import reinstall_triggers

        # After every migrate: a new table gets its triggers, and SQLite, which rebuilds a table to
        # alter a column, loses the old table's triggers with it.
        post_migrate.connect(reinstall_triggers, dispatch_uid="planwatch-data-stamp")
