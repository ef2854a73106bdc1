"""The Django admin writes only through audited services, or not at all.

- ``AuditedAdmin``: every add/change form carries a required 「修改理由」 (``audit_reason``); the
  admin class's ``save_audited(request, obj, form, change, reason)`` calls the service that stores
  the row and writes its ``AuditEntry`` with the admin user and that reason. Deleting records
  ``ADMIN_DELETE_REASON`` (the confirmation page has no reason field) or is refused.
- ``ReadOnlyAdmin`` (``planwatch.web.core.readonly_admin``): for rows whose changes have their own
  services and pages (observations, target versions, plans, audit entries): the admin only shows them.
- ``save_reference``: regions and units, audited as 基础数据.

``tests/web/monitoring/test_audit_completeness.py`` walks every model registered with the admin
and every URL, and fails when a write leaves no audit row with user and reason.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry

ADMIN_DELETE_REASON = "管理后台修改"
REASON_FIELD = "audit_reason"


def reason_field() -> forms.CharField:
    return forms.CharField(label=_("修改理由"), max_length=200, help_text=_("必填,与修改一起记入审计记录"))


class ReasonForm(forms.ModelForm):
    audit_reason = reason_field()


class AuditedAdmin(SimpleHistoryAdmin):
    form = ReasonForm

    def save_model(self, request, obj, form, change) -> None:
        self.save_audited(request, obj, form, change, form.cleaned_data[REASON_FIELD])

    def save_audited(self, request, obj, form, change: bool, reason: str) -> None:
        raise NotImplementedError

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def snapshot(obj, fields: tuple[str, ...]) -> dict:
    return {f: getattr(obj, f) for f in fields} if obj.pk else {}


def save_reference(obj, *, user, reason: str, fields: tuple[str, ...]) -> None:
    """Store a region or unit and audit the changed fields (subject 基础数据)."""
    with transaction.atomic():
        before = snapshot(type(obj).objects.select_for_update().get(pk=obj.pk), fields) if obj.pk else {}
        created = obj.pk is None
        obj.save()
        old, new = audit.diff(before, snapshot(obj, fields))
        audit.record(
            actor=user,
            action="create" if created else "update",
            subject=AuditEntry.Subject.REFERENCE,
            object_id=obj.pk,
            object_repr=f"{obj._meta.verbose_name} · {obj}",
            old=old,
            new=new,
            reason=reason,
        )
