"""Admin pages: regions and units, users and their roles, each saved through its audited service with
the reason typed in the form (「修改理由」); the audit log only shown. See ``adminkit``.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group

from planwatch.web.core.readonly_admin import ReadOnlyAdmin
from planwatch.web.places import accounts, models
from planwatch.web.places.adminkit import REASON_FIELD, AuditedAdmin, reason_field, save_reference

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


@admin.register(models.AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "subject", "object_repr", "reason")
    list_filter = ("subject", "action")


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
