"""Admin pages: reference lists and users are edited here; figures only through the services.

Observations and audit entries are read-only in the admin (their changes must carry a user and a
reason through the services). Assignments and validation rules edited or deleted here are audited
with the reason "管理后台修改"; users and roles are audited by the signals in ``signals.py``.
"""

from __future__ import annotations

import secrets

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.monitoring import assignments, audit, models
from planwatch.web.monitoring.rulebook import delete_rule, save_rule

ADMIN_REASON = "管理后台修改"


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "short_name", "kind", "parent", "order")
    list_filter = ("kind",)


@admin.register(models.Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "order")
    list_filter = ("kind",)
    search_fields = ("name",)


@admin.register(models.Profile)
class ProfileAdmin(SimpleHistoryAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    autocomplete_fields = ("unit",)


@admin.register(models.Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("unit", "indicator", "year", "frequency", "due_date", "active")
    list_filter = ("year", "frequency", "active", "unit")
    filter_horizontal = ("regions",)

    def save_model(self, request, obj, form, change) -> None:
        before = models.Assignment.objects.get(pk=obj.pk) if obj.pk else None
        self._before = assignments._snapshot(before) if before is not None else {}
        obj._change_reason = ADMIN_REASON
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        obj = form.instance
        old, new = audit.diff(self._before, assignments._snapshot(obj))
        audit.record(actor=request.user, action="update" if change else "create",
                     subject=models.AuditEntry.Subject.ASSIGNMENT, object_id=obj.pk, object_repr=str(obj),
                     old=old, new=new, reason=ADMIN_REASON, unit=obj.unit)

    def delete_model(self, request, obj) -> None:
        # A deleted assignment leaves its audit trail: what it was, who removed it.
        old, pk, text, unit = assignments._snapshot(obj), obj.pk, str(obj), obj.unit
        obj._change_reason = ADMIN_REASON
        super().delete_model(request, obj)
        audit.record(actor=request.user, action="delete", subject=models.AuditEntry.Subject.ASSIGNMENT,
                     object_id=pk, object_repr=text, old=old, new={}, reason=ADMIN_REASON, unit=unit)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(models.ValidationRule)
class ValidationRuleAdmin(SimpleHistoryAdmin):
    list_display = ("kind", "severity", "indicator", "threshold", "min_value", "max_value", "active")
    list_filter = ("kind", "severity", "active")

    def save_model(self, request, obj, form, change) -> None:
        save_rule(obj, user=request.user, reason=ADMIN_REASON)

    def delete_model(self, request, obj) -> None:
        delete_rule(obj, user=request.user, reason=ADMIN_REASON)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            delete_rule(obj, user=request.user, reason=ADMIN_REASON)


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "region", "period", "value", "measure_unit", "qualifier", "vintage", "status", "unit",
                    "is_example")
    list_filter = ("status", "is_example", "region", "indicator__plan")


@admin.register(models.AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "subject", "object_repr", "reason")
    list_filter = ("subject", "action")


@admin.register(models.ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Only the token's digest is stored: the token is shown once, in the message after adding it."""

    list_display = ("user", "name", "created_at", "last_used_at", "expires_at")
    readonly_fields = ("key", "created_at", "last_used_at")

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token = secrets.token_urlsafe(32)
        obj.key = models.token_digest(token)
        super().save_model(request, obj, form, change)
        messages.warning(request, f"新令牌(只显示这一次,请立即复制保存):{token}")
