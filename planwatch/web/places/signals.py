"""Audit user and role changes wherever they are made (admin, shell, services).

Users are edited in Django's admin as well as through services, so the audit of users hangs on
the model signals rather than on one service. A service may set ``instance._audit_actor`` and
``instance._audit_reason``; otherwise the request user of the admin page (simple-history's
request middleware) is taken, and the reason says where the change came from.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry, Profile

USER_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "is_staff", "is_superuser", "password")
PROFILE_FIELDS = ("role", "unit_id")


def _snapshot(instance, fields) -> dict:
    data = {f: getattr(instance, f) for f in fields}
    if "password" in data:
        data["password"] = "(已设置)" if data["password"] else ""
    return data


def _before(sender, instance, fields) -> None:
    old = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._audit_old = _snapshot(old, fields) if old else {}
    if old is not None and "password" in fields and old.password != instance.password:
        instance._audit_old["password"] = "(旧密码)"


def _after(instance, created, fields, object_id, object_repr) -> None:
    old = getattr(instance, "_audit_old", {})
    new = _snapshot(instance, fields)
    if not created:
        changed = [f for f in fields if old.get(f) != new.get(f)]
        if not changed:
            return
        old = {f: old.get(f) for f in changed}
        new = {f: new[f] for f in changed}
    request_user = _request_user()
    actor = getattr(instance, "_audit_actor", None) or request_user
    # Say truthfully where an unexplained change came from: the admin page, or a program (the command
    # line, a shell) that did not go through ``accounts``.
    reason = getattr(instance, "_audit_reason", "") or ("管理后台修改" if request_user else "程序修改(未说明理由)")
    audit.record(
        actor=actor, action="create" if created else "update", subject=AuditEntry.Subject.USER,
        object_id=object_id, object_repr=object_repr, old={} if created else old, new=new, reason=reason,
    )


def _request_user():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@receiver(pre_save, sender=get_user_model())
def user_before(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading a fixture or a backup: the rows and their audit come as they were
        return
    _before(sender, instance, USER_FIELDS)


@receiver(post_save, sender=get_user_model())
def user_after(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    _after(instance, created, USER_FIELDS, instance.pk, str(instance))


@receiver(pre_save, sender=Profile)
def profile_before(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    _before(sender, instance, PROFILE_FIELDS)


@receiver(post_save, sender=Profile)
def profile_after(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    _after(instance, created, PROFILE_FIELDS, instance.user_id, f"{instance.user} 的角色")
