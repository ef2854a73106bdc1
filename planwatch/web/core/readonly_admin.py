"""An admin page that only shows rows: for models whose changes go through audited services."""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
