"""Users and roles, changed with the acting user and a reason like every other change.

The audit rows themselves are written by the model signals (``signals.py``), so a change made
anywhere — the admin, the command line, a shell — is recorded; these functions only make sure the
signal knows who acted and why *before* the row is first saved (``get_or_create`` followed by
setting a reason logs the creation without one).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from planwatch.web.places.models import Profile


def save_account(account, *, user, reason: str):
    """Store a new or changed user account (the admin's form, a script)."""
    account._audit_actor, account._audit_reason = user, reason
    account._history_user, account._change_reason = user, reason
    account.save()
    return account


def save_profile(profile: Profile, *, user, reason: str) -> Profile:
    """Store a user's role and unit."""
    profile._audit_actor, profile._audit_reason = user, reason
    profile._history_user, profile._change_reason = user, reason
    profile.save()
    return profile


def create_account(
    username: str, *, user, reason: str, role: str, unit=None, password: str | None = None, **flags
) -> tuple[object, bool]:
    """The account ``username`` with its role; created (audited with ``reason``) when missing."""
    model = get_user_model()
    with transaction.atomic():
        existing = model.objects.filter(username=username).first()
        if existing is not None:
            return existing, False
        account = model(username=username, **flags)
        if password:
            account.set_password(password)
        else:
            account.set_unusable_password()
        save_account(account, user=user, reason=reason)
        save_profile(Profile(user=account, role=role, unit=unit), user=user, reason=reason)
        return account, True
