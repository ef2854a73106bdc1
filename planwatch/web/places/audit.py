"""The audit log: one ``AuditEntry`` per change, written in the caller's transaction.

``record`` is called by every service (observations, targets, assignments, rules, consistency
flags) and by the user signals; ``export_csv`` serves the audit page's CSV export.

Exports are opened in Excel, so a text cell that begins like a formula (=, +, -, @) is written with
a leading apostrophe (``spreadsheet_safe``): a reason typed as "=HYPERLINK(…)" stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from planwatch.collection.sanitize import strip_hidden
from planwatch.reports.formats.csv import csv_bytes
from planwatch.reports.formats.json import json_text
from planwatch.web.core.errors import ServiceError
from planwatch.web.places.models import AuditEntry

CSV_HEADER = ["时间", "操作人", "操作", "对象类型", "对象编号", "对象", "单位", "原值", "新值", "理由"]


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "pk"):
        return str(value)
    return value


def record(*, actor, action: str, subject: str, object_id: int, object_repr: str,
           old: dict | None = None, new: dict | None = None, reason: str = "", unit=None) -> AuditEntry:
    """Write one entry; ``old``/``new`` hold only the fields that changed."""
    entry = build(actor=actor, action=action, subject=subject, object_id=object_id, object_repr=object_repr,
                  old=old, new=new, reason=reason, unit=unit)
    entry.save()
    return entry


def build(*, actor, action: str, subject: str, object_id: int, object_repr: str,
          old: dict | None = None, new: dict | None = None, reason: str = "", unit=None) -> AuditEntry:
    """The entry ``record`` writes, unsaved (bulk imports create thousands with one ``bulk_create``).

    Every writer names why; a reason that is empty once invisible characters are removed is refused
    (``ServiceError``, shown to the user), so no audit row is ever written without one."""
    reason = strip_hidden(str(reason)).strip()
    if not reason:
        raise ServiceError(_("请填写理由"))
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry(
        actor=actor if signed_in else None,
        actor_name=actor.get_username() if signed_in else "系统",
        action=action,
        subject=subject,
        object_id=object_id,
        object_repr=object_repr[:300],
        unit=unit,
        old={k: _plain(v) for k, v in (old or {}).items()},
        new={k: _plain(v) for k, v in (new or {}).items()},
        reason=reason,
    )


def diff(before: dict, after: dict) -> tuple[dict, dict]:
    """The fields whose value changed, as (old, new)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def export_csv(entries: Iterable[AuditEntry]) -> bytes:
    """The audit CSV (UTF-8 with a BOM so Excel opens Chinese correctly; written by ``reports.formats.csv``)."""
    rows = (
        (e.at.isoformat(timespec="seconds"), e.actor_name, e.action_label, e.get_subject_display(), e.object_id,
         e.object_repr, e.unit.name if e.unit_id else "", json_text(e.old, indent=None),
         json_text(e.new, indent=None), e.reason)
        for e in entries
    )
    return csv_bytes(CSV_HEADER, rows, line_end="\r\n")
