"""API tokens issued and revoked with the acting user and a reason, like every other change."""

from __future__ import annotations

from django.db import transaction

from planwatch.web.monitoring.models import ApiToken
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry


def issue_token(holder, *, user, reason: str, name: str = "", days: int | None = None) -> tuple[object, str]:
    """A new API token for ``holder`` (the token itself is returned once and stored only as a digest)."""
    with transaction.atomic():
        row, token = ApiToken.issue(holder, name=name, days=days)
        audit.record(actor=user, action="create", subject=AuditEntry.Subject.USER, object_id=holder.pk,
                     object_repr=f"{holder} 的 API 令牌「{name or row.pk}」",
                     new={"token": name or str(row.pk), "expires_at": row.expires_at.isoformat()}, reason=reason)
    return row, token


def revoke_tokens(holder, *, user, reason: str) -> int:
    """Every token of ``holder`` stops working at once (deleted; the audit keeps that they existed)."""
    with transaction.atomic():
        names = list(ApiToken.objects.filter(user=holder).values_list("name", flat=True))
        ApiToken.objects.filter(user=holder).delete()
        if names:
            audit.record(actor=user, action="delete", subject=AuditEntry.Subject.USER, object_id=holder.pk,
                         object_repr=f"{holder} 的 API 令牌", old={"tokens": names}, reason=reason)
    return len(names)
