"""Which state of the shown data a page was made from, known with one query.

Pages on deadline day are read far more often than the data behind them change, so a rendered page
(or its heavy part) is kept under the data stamp it was made from (``planwatch.web.core.pagecache``).
The stamp is ``(epoch, counter)`` of the single ``DataStamp`` row; database triggers add one to the
counter in the same transaction as any change to a table pages are made from:

- every table of the apps in ``STAMPED_APPS`` except their history tables and ``UNSTAMPED``;
- observations only when a row that is not a draft is written, changed or removed — a draft
  changes no page but the reporter's own (which is never cached), so deadline-day drafts keep every
  cached page; a submission, return, approval, publication or revision moves the stamp.

Because the counter row is updated inside the writer's transaction, a reader sees the new counter
exactly when it sees the new data; two writers queue on that row only for the moment of their commit.
The triggers are made again after every ``migrate`` (``reinstall_triggers``, on ``post_migrate``): a
table added later gets them without a migration of its own, and a table SQLite rebuilt to alter a
column (dropping its triggers) gets them back. A test checks every stamped table has them.
"""

from __future__ import annotations

import uuid

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction

STAMPED_APPS = ("places", "plans", "monitoring", "realdata", "reporting")
# Tables of those apps that no cached page is made from (who may sign in, the audit trail).
UNSTAMPED = {"monitoring_auditentry", "monitoring_apitoken", "monitoring_profile"}  # places kept these names
OBSERVATIONS = "monitoring_observation"
STAMP_TABLE = "core_datastamp"
_PREFIX = "planwatch_stamp_"


def current() -> str:
    """The stamp of the data this request's queries see, e.g. ``'3f2a…:1041'``."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT epoch, counter FROM {STAMP_TABLE} ORDER BY id LIMIT 1")
        row = cursor.fetchone()
    if row is None:
        return _begin()
    return f"{row[0]}:{row[1]}"


def _begin() -> str:
    """The row made again (a flushed database): a new epoch, so no old counter can match."""
    from planwatch.web.core.models import DataStamp

    try:
        with transaction.atomic():
            stamp = DataStamp.objects.create(epoch=uuid.uuid4().hex)
    except IntegrityError:  # another worker made it first
        stamp = DataStamp.objects.order_by("id").first()
    return f"{stamp.epoch}:{stamp.counter}"


def renew_epoch() -> None:
    """After a restore: the counters of the restored timeline may repeat those of the one replaced."""
    from planwatch.web.core.models import DataStamp

    if not DataStamp.objects.update(epoch=uuid.uuid4().hex):
        _begin()


def stamped_tables(models) -> list[str]:
    """The tables with triggers, from the given models (a migration's historical ones or the app's)."""
    tables = set()
    for model in models:
        meta = model._meta
        if meta.app_label not in STAMPED_APPS or meta.db_table.split("_", 1)[-1].startswith("historical"):
            continue
        if meta.proxy or not meta.managed:
            continue
        tables.add(meta.db_table)
        for field in meta.local_many_to_many:
            through = field.remote_field.through._meta
            if through.auto_created:
                tables.add(through.db_table)
    return sorted(tables - UNSTAMPED)


def reinstall_triggers(sender=None, *, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    """``post_migrate``: the triggers on every stamped table, made anew, so running it twice changes
    nothing (a missing stamp row is made by ``current``). Once per ``migrate``, not once per app."""
    from django.apps import apps

    if sender is not None and sender.label != "core":
        return
    target = connections[using]
    existing = set(target.introspection.table_names())
    if STAMP_TABLE not in existing:
        return  # migrated backwards past the stamp
    tables = [t for t in stamped_tables(apps.get_models()) if t in existing]
    with transaction.atomic(using=using), target.cursor() as cursor:
        if target.vendor == "postgresql":  # the one function every trigger calls
            cursor.execute(f"CREATE OR REPLACE FUNCTION {_PREFIX}bump() RETURNS trigger LANGUAGE plpgsql AS "
                           f"$$ BEGIN {_BUMP}; RETURN NULL; END $$")
        for table in tables:
            for statement in _trigger_sql(target.vendor, table):
                cursor.execute(statement)


_BUMP = f"UPDATE {STAMP_TABLE} SET counter = counter + 1"


def _trigger_sql(vendor: str, table: str) -> list[str]:
    if table == OBSERVATIONS:
        conditions = {"insert": "NEW.status <> 'draft'", "update": "NEW.status <> 'draft' OR OLD.status <> 'draft'",
                      "delete": "OLD.status <> 'draft'"}
    else:
        conditions = {}
    if vendor == "postgresql":
        out = []
        if conditions:
            for event, when in conditions.items():
                name = f"{_PREFIX}{event}_{table}"
                out += [f"DROP TRIGGER IF EXISTS {name} ON {table}",
                        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} FOR EACH ROW "
                        f"WHEN ({when}) EXECUTE FUNCTION {_PREFIX}bump()"]
        else:  # once per statement, however many rows (a bulk change of targets moves it once)
            name = f"{_PREFIX}all_{table}"
            out += [f"DROP TRIGGER IF EXISTS {name} ON {table}",
                    f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {_PREFIX}bump()"]
        return out
    if vendor == "sqlite":
        out = []
        for event in ("insert", "update", "delete"):
            name = f"{_PREFIX}{event}_{table}"
            when = f" WHEN {conditions[event]}" if conditions else ""
            out += [f"DROP TRIGGER IF EXISTS {name}",
                    f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} FOR EACH ROW{when} "
                    f"BEGIN {_BUMP}; END"]
        return out
    raise NotImplementedError(f"data stamp triggers for {vendor}")


def triggers_present(tables: list[str]) -> dict[str, int]:
    """How many stamp triggers each table has (for the test that every stamped table is covered)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT c.relname, count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "WHERE t.tgname LIKE %s GROUP BY c.relname", [_PREFIX + "%"])
        else:
            cursor.execute("SELECT tbl_name, count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s "
                           "GROUP BY tbl_name", [_PREFIX + "%"])
        found = dict(cursor.fetchall())
    return {table: found.get(table, 0) for table in tables}
