"""Admin pages of data collection: assignments and rules are edited here, each through its audited
service with the reason typed in the form (「修改理由」); figures and API tokens only through their own
services and pages (read-only here). Regions, units, users and the audit log are ``places.admin``;
see ``places.adminkit``.
"""

from __future__ import annotations

from django.contrib import admin

from planwatch.web.core.readonly_admin import ReadOnlyAdmin
from planwatch.web.monitoring import assignments, models
from planwatch.web.monitoring.rulebook import delete_rule, save_rule
from planwatch.web.places import audit
from planwatch.web.places.adminkit import ADMIN_DELETE_REASON, AuditedAdmin
from planwatch.web.places.models import AuditEntry


@admin.register(models.Assignment)
class AssignmentAdmin(AuditedAdmin):
    list_display = ("unit", "indicator", "year", "frequency", "due_date", "active")
    list_filter = ("year", "frequency", "active", "unit")
    filter_horizontal = ("regions",)

    def save_audited(self, request, obj, form, change, reason) -> None:
        data = form.cleaned_data
        if change:
            fields = {f: data[f] for f in form.changed_data if f in assignments.FIELDS}
            form.instance = assignments.update_assignment(obj, user=request.user, reason=reason,
                                                          regions=list(data["regions"]), **fields)
        else:
            form.instance = assignments.create_assignment(
                user=request.user, reason=reason, unit=data["unit"], indicator=data["indicator"],
                regions=list(data["regions"]), year=data["year"], due_date=data["due_date"],
                frequency=data["frequency"])

    def save_related(self, request, form, formsets, change) -> None:
        pass  # the service set the regions (and audited them)

    def has_delete_permission(self, request, obj=None) -> bool:
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    def delete_model(self, request, obj) -> None:
        # A deleted assignment leaves its audit trail: what it was, who removed it.
        old, pk, text, unit = assignments._snapshot(obj), obj.pk, str(obj), obj.unit
        obj._change_reason, obj._history_user = ADMIN_DELETE_REASON, request.user
        super().delete_model(request, obj)
        audit.record(actor=request.user, action="delete", subject=AuditEntry.Subject.ASSIGNMENT,
                     object_id=pk, object_repr=text, old=old, new={}, reason=ADMIN_DELETE_REASON, unit=unit)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(models.ValidationRule)
class ValidationRuleAdmin(AuditedAdmin):
    list_display = ("kind", "severity", "indicator", "threshold", "min_value", "max_value", "active")
    list_filter = ("kind", "severity", "active")

    def save_audited(self, request, obj, form, change, reason) -> None:
        save_rule(obj, user=request.user, reason=reason)

    def has_delete_permission(self, request, obj=None) -> bool:
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    def delete_model(self, request, obj) -> None:
        delete_rule(obj, user=request.user, reason=ADMIN_DELETE_REASON)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            delete_rule(obj, user=request.user, reason=ADMIN_DELETE_REASON)


@admin.register(models.Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "region", "period", "value", "measure_unit", "qualifier", "vintage", "status", "unit",
                    "is_example")
    list_filter = ("status", "is_example", "region", "indicator__plan")


@admin.register(models.ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are issued and revoked by their own service (hashed keys, issue 10 part B); shown only."""

    list_display = ("user", "name", "created_at", "last_used_at")
    exclude = ("key",)
