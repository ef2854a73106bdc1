"""Admin pages: reference lists, users, assignments and rules are edited here, each through its audited
service with the reason typed in the form (「修改理由」); figures, audit entries and API tokens only
through their own services and pages (read-only here). See ``adminkit``.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group

from planwatch.web.monitoring import accounts, assignments, audit, models
from planwatch.web.monitoring.adminkit import (
    ADMIN_DELETE_REASON,
    REASON_FIELD,
    AuditedAdmin,
    ReadOnlyAdmin,
    reason_field,
    save_reference,
)
from planwatch.web.monitoring.rulebook import delete_rule, save_rule

REGION_FIELDS = ("key", "code", "name", "short_name", "kind", "parent", "order")
UNIT_FIELDS = ("name", "kind", "region", "order")


@admin.register(models.Region)
class RegionAdmin(AuditedAdmin):
    list_display = ("name", "code", "short_name", "kind", "parent", "order")
    list_filter = ("kind",)

    def save_audited(self, request, obj, form, change, reason) -> None:
        save_reference(obj, user=request.user, reason=reason, fields=REGION_FIELDS)


@admin.register(models.Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ("name", "kind", "region", "order")
    list_filter = ("kind",)
    search_fields = ("name",)

    def save_audited(self, request, obj, form, change, reason) -> None:
        save_reference(obj, user=request.user, reason=reason, fields=UNIT_FIELDS)


@admin.register(models.Profile)
class ProfileAdmin(AuditedAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    autocomplete_fields = ("unit",)

    def save_audited(self, request, obj, form, change, reason) -> None:
        accounts.save_profile(obj, user=request.user, reason=reason)


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
        audit.record(actor=request.user, action="delete", subject=models.AuditEntry.Subject.ASSIGNMENT,
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


@admin.register(models.AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "subject", "object_repr", "reason")
    list_filter = ("subject", "action")


@admin.register(models.ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are issued and revoked by their own service (hashed keys, issue 10 part B); shown only."""

    list_display = ("user", "name", "created_at", "last_used_at")
    exclude = ("key",)


class AuditedUserChangeForm(UserChangeForm):
    audit_reason = reason_field()


class AuditedUserCreationForm(AdminUserCreationForm):
    audit_reason = reason_field()


admin.site.unregister(Group)  # roles are Profile rows; unaudited permission groups are not offered
admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AuditedUserAdmin(UserAdmin):
    """Django's user admin with a required reason, saved through ``accounts.save_account``."""

    form = AuditedUserChangeForm
    add_form = AuditedUserCreationForm
    fieldsets = (*UserAdmin.fieldsets, (None, {"fields": (REASON_FIELD,)}))
    add_fieldsets = (*UserAdmin.add_fieldsets, (None, {"fields": (REASON_FIELD,)}))

    def save_model(self, request, obj, form, change) -> None:
        accounts.save_account(obj, user=request.user, reason=form.cleaned_data[REASON_FIELD])

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # deactivate instead (is_active): the audit keeps who the user was
