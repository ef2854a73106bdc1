"""Writing a checked import in a few statements: rows, their history and their audit entries in bulk.

``write_drafts`` is called by ``drafts.store_drafts`` inside its transaction, after every row the
import touches is locked and compared with what was read. It does what ``services.save`` and
``services.new_observation`` do one row at a time — version + 1, history with the acting user and
reason, one ``AuditEntry`` per row with the changed fields — with one ``bulk_create`` /
``bulk_update`` per table, so a 20,000-row file takes seconds, not minutes (``bench/import_rows.py``).
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from planwatch.web.monitoring.models import Observation, period_key
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry

S = Observation.Status
BATCH = 1000
UPDATED = (
    "value",
    "original_value",
    "problems",
    "warning_comment",
    "measure_unit",
    "original_unit",
    "qualifier",
    "source",
    "publisher",
    "document_title",
    "quote",
    "note",
    "lock_version",
    "updated_at",
)


# What a clerk means by "the row changed": the figure, its unit and qualifier, its source and note (and the
# explanation the note gives). A draft sent again with all of these as stored is left alone.
CONTENT = ("value", "measure_unit", "qualifier", "source", "publisher", "document_title", "quote", "note",
           "warning_comment")


def _content(obs: Observation) -> tuple:
    return tuple(getattr(obs, name) for name in CONTENT)


def write_drafts(prepared, *, reason: str) -> list[Observation]:
    """Store ``prepared`` (a ``drafts.PreparedDrafts``, already locked and compared); return the rows
    written. A draft the file sends back as it is stored (``CONTENT``) is not written again: uploading
    the same file twice made a new version and an audit entry of every row, recording nothing."""
    from planwatch.web.monitoring.drafts import _fields
    from planwatch.web.monitoring.services import _snapshot

    user, unit = prepared.user, prepared.unit
    editable = [s.pk for s in prepared.seen.values() if s.status in (S.DRAFT, S.RETURNED)]
    current = Observation.objects.in_bulk(editable)
    created, updated, entries, order = [], [], [], []
    now = timezone.now()
    for row, (indicator, region, key) in zip(prepared.rows, prepared.resolved, strict=True):
        seen = prepared.seen.get(key)
        if seen is not None and seen.pk in current:
            obs = current[seen.pk]
            obs.indicator, obs.region = indicator, region
            before, content = _snapshot(obs), _content(obs)
            obs.value = row.value
            obs.original_value = row.original_value or f"{row.value:.12g}"
            # What the previous import found no longer holds: the new file's findings replace it.
            obs.problems, obs.warning_comment = list(row.problems), row.warning_comment
            for name, value in _fields(row).items():
                setattr(obs, name, value)
            if _content(obs) == content:
                continue  # the same file again: no new version, no history, no audit entry
            obs.lock_version += 1
            obs.updated_at = now
            old, new = audit.diff(before, _snapshot(obs))
            updated.append(obs)
            entries.append((obs, "import", old, new))
        else:
            obs = _new_draft(row, indicator, region, seen, user=user, unit=unit)
            created.append(obs)
            entries.append((obs, "create", {}, None))
        order.append(obs)
    if updated:
        _update(updated, UPDATED)
        Observation.history.bulk_history_create(
            updated, batch_size=BATCH, update=True, default_user=user, default_change_reason=reason
        )
    if created:
        bulk_create_with_history(
            created, Observation, batch_size=BATCH, default_user=user, default_change_reason=reason
        )
    AuditEntry.objects.bulk_create(
        [
            audit.build(
                actor=user,
                action=action,
                subject=AuditEntry.Subject.OBSERVATION,
                object_id=obs.pk,
                object_repr=str(obs),
                old=old,
                new=_snapshot(obs) if new is None else new,
                reason=reason,
                unit=unit,
            )
            for obs, action, old, new in entries
        ],
        batch_size=BATCH,
    )
    return order


def _new_draft(row, indicator, region, seen, *, user, unit) -> Observation:
    from planwatch.web.monitoring.drafts import _fields
    from planwatch.web.monitoring.services import in_indicator_unit

    fields = _fields(row)
    stored, measure_unit, original_value, original_unit = in_indicator_unit(
        indicator, row.value, fields.pop("measure_unit", "") or ""
    )
    obs = Observation(
        indicator=indicator,
        region=region,
        unit=unit,
        year=row.year,
        quarter=row.quarter,
        month=row.month,
        period=period_key(row.year, row.quarter, row.month),
        value=stored,
        measure_unit=measure_unit,
        original_unit=fields.pop("original_unit", "") or original_unit,
        original_value=fields.pop("original_value", "") or original_value,
        vintage=seen.vintage + 1 if seen else 1,
        supersedes_id=seen.pk if seen else None,
        created_by=user,
        status=S.DRAFT,
        **fields,
    )
    obs.created_at = obs.updated_at = timezone.now()
    return obs


def _update(rows: list[Observation], names: tuple[str, ...]) -> None:
    """One parametrised UPDATE per row, sent with ``executemany`` (psycopg pipelines it; SQLite runs it
    in process): Django's ``bulk_update`` builds a CASE per field and row and took 10 s per 2,000 rows."""
    fields = [Observation._meta.get_field(name) for name in names]
    table, quote = Observation._meta.db_table, connection.ops.quote_name
    sql = (
        f"UPDATE {quote(table)} SET "
        + ", ".join(f"{quote(f.column)} = %s" for f in fields)
        + f" WHERE {quote('id')} = %s"
    )
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields] + [row.pk] for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
