"""Backup and restore: the whole database and the uploaded files in one checked archive.

A backup is a zip file holding ``manifest.json`` (what it is, when it was made, the schema it fits
— the applied migrations — and the SHA-256 and size of every member), one JSON-lines file per table
under ``db/`` (Django's serialiser, natural keys for content types and permissions, which another
database numbers differently) and the uploaded files under ``media/``.

A restore first checks everything — that the file is a Planwatch backup at all, that no member was
damaged or added, that its schema is the one this database has, that nothing unpacks outside its
folder or to more than the limit — and only then replaces the data, in one transaction: a damaged or
foreign backup leaves the database and the files exactly as they were. The rows are read in one
snapshot (REPEATABLE READ on PostgreSQL), so a backup taken while people work is consistent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

from planwatch.web.core import stamp

FORMAT = "planwatch-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class ExactTimeEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a restore must give back the microseconds
    the audit trail and the history were ordered by."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


# Rebuilt by ``migrate`` on any database, numbered differently there: never copied.
SKIPPED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session",
                  "core.datastamp"}  # made anew by a restore (stamp.renew_epoch), never copied
MAX_UNPACKED_BYTES = 8 * 1024**3  # a zip bomb announces more than this and is refused unread
MAX_RATIO = 200  # no JSON or upload we write compresses better than this; a bomb does
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be read or restored; the message says why, in the user's language."""


@dataclass
class Summary:
    """What a backup holds: rows per table and files, as the manifest records them."""

    created_at: str
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def backed_up_models() -> list[type[Model]]:
    """Every table with data worth keeping, ordered so that a row comes after what it points to."""
    chosen = [m for m in apps.get_models() if m._meta.label_lower not in SKIPPED_MODELS]
    ordered = serializers.sort_dependencies([(m._meta.app_config, [m]) for m in chosen], allow_cycles=True)
    return ordered


def _applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _media_files() -> Iterator[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield "media/" + path.relative_to(root).as_posix(), path


def create_backup(target: Path) -> Summary:
    """Write the backup to ``target`` (through a temporary file, so a crash leaves no half backup)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    summary = Summary(created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    members: dict[str, dict[str, object]] = {}
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:  # inside a caller's transaction: its snapshot
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for model in backed_up_models():
                name = f"db/{model._meta.label_lower}.jsonl"
                rows = model._base_manager.order_by("pk")
                with archive.open(name, "w") as raw, _Hashing(raw) as sink:
                    serializers.serialize(
                        "jsonl", rows.iterator(chunk_size=2000), stream=sink, use_natural_foreign_keys=True,
                        cls=ExactTimeEncoder,
                    )
                members[name] = sink.record()
                summary.rows[model._meta.label_lower] = rows.count()
            migrations = _applied_migrations()
        for name, path in _media_files():
            with archive.open(name, "w") as raw, _Hashing(raw) as sink, path.open("rb") as source:
                while block := source.read(CHUNK):
                    sink.write(block)
            members[name] = sink.record()
            summary.files += 1
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "created_at": summary.created_at,
            "database": connection.vendor, "migrations": migrations, "rows": summary.rows,
            "members": members,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    partial.replace(target)
    return summary


class _Hashing:
    """A write-through wrapper that counts and hashes what passes, for the manifest."""

    def __init__(self, raw: io.BufferedIOBase | zipfile.ZipExtFile | object):
        self.raw, self.sha, self.size = raw, hashlib.sha256(), 0

    def __enter__(self) -> _Hashing:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.sha.update(data)
        self.size += len(data)
        self.raw.write(data)  # type: ignore[attr-defined]

    def record(self) -> dict[str, object]:
        return {"sha256": self.sha.hexdigest(), "size": self.size}


def inspect_backup(source: Path) -> dict:
    """The manifest of a backup, after every check a restore needs; raises ``BackupError``."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"找不到备份文件 {source}")
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as problem:
        raise BackupError(f"{source.name} 不是 Planwatch 备份文件:无法作为 zip 读取({problem})") from problem
    with archive:
        manifest = _manifest(archive, source.name)
        _check_members(archive, manifest, source.name)
        _check_schema(manifest, source.name)
    return manifest


def _manifest(archive: zipfile.ZipFile, name: str) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as problem:
        raise BackupError(f"{name} 不是 Planwatch 备份文件:缺少 {MANIFEST}") from problem
    except (ValueError, zipfile.BadZipFile, OSError) as problem:
        raise BackupError(f"{name} 已损坏:{MANIFEST} 无法读取") from problem
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{name} 不是 Planwatch 备份文件:{MANIFEST} 不是本系统的格式")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{name} 的备份格式版本为 {manifest.get('format_version')},本程序只能恢复版本 {FORMAT_VERSION}"
        )
    return manifest


def _check_members(archive: zipfile.ZipFile, manifest: dict, name: str) -> None:
    expected = manifest.get("members") or {}
    present = {info.filename: info for info in archive.infolist() if info.filename != MANIFEST}
    for member in sorted(set(present) | set(expected)):
        path = PurePosixPath(member)
        if path.is_absolute() or ".." in path.parts or path.parts[0] not in ("db", "media"):
            raise BackupError(f"{name} 不是可恢复的备份:成员 {member} 的路径不安全")
        if member not in expected:
            raise BackupError(f"{name} 已被改动:多出清单中没有的文件 {member}")
        if member not in present:
            raise BackupError(f"{name} 已损坏:缺少 {member}")
    if sum(i.file_size for i in present.values()) > MAX_UNPACKED_BYTES or any(
        i.compress_size and i.file_size / i.compress_size > MAX_RATIO for i in present.values()
    ):
        raise BackupError(f"{name} 不是可恢复的备份:解压后的大小异常(疑似压缩炸弹)")
    for member, info in present.items():
        digest, size = hashlib.sha256(), 0
        try:
            with archive.open(info) as stream:
                while block := stream.read(CHUNK):
                    digest.update(block)
                    size += len(block)
        except (zipfile.BadZipFile, OSError, EOFError) as problem:
            raise BackupError(f"{name} 已损坏:{member} 无法读取") from problem
        if digest.hexdigest() != expected[member].get("sha256") or size != expected[member].get("size"):
            raise BackupError(f"{name} 已损坏:{member} 的校验和与清单不符")


def _check_schema(manifest: dict, name: str) -> None:
    theirs, ours = set(manifest.get("migrations") or ()), set(_applied_migrations())
    if theirs != ours:
        newer, older = sorted(theirs - ours), sorted(ours - theirs)
        parts = [f"备份有而本库没有的迁移:{', '.join(newer[:5])}"] if newer else []
        parts += [f"本库有而备份没有的迁移:{', '.join(older[:5])}"] if older else []
        detail = ";".join(parts)
        raise BackupError(f"{name} 的数据库结构与本系统不一致,不能恢复({detail})")


def restore_backup(source: Path) -> Summary:
    """Replace the database and the uploaded files with the backup's; nothing changes unless all checks pass."""
    source = Path(source)
    manifest = inspect_backup(source)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with zipfile.ZipFile(source) as archive:
            files = _unpack_media(archive, staging)
            with transaction.atomic():
                _replace_rows(archive)
                stamp.renew_epoch()  # pages kept for the replaced data are never served again
        _swap_media(staging, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Summary(created_at=manifest["created_at"], rows=dict(manifest.get("rows") or {}), files=files)


def _unpack_media(archive: zipfile.ZipFile, staging: Path) -> int:
    count = 0
    for info in archive.infolist():
        if info.filename.startswith("media/"):
            destination = staging / PurePosixPath(info.filename).relative_to("media")
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as stream, destination.open("wb") as out:
                shutil.copyfileobj(stream, out, CHUNK)
            count += 1
    return count


def _replace_rows(archive: zipfile.ZipFile) -> None:
    models = backed_up_models()
    tables = _tables(models)
    # Run the foreign-key checks still pending in this transaction first: PostgreSQL truncates no table
    # with pending checks (only a caller's own open transaction has any).
    connection.check_constraints()
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False):
            cursor.execute(statement)
    with connection.constraint_checks_disabled():
        for model in models:
            name = f"db/{model._meta.label_lower}.jsonl"
            if name not in archive.namelist():
                continue
            with archive.open(name) as stream:
                for restored in serializers.deserialize("jsonl", io.TextIOWrapper(stream, encoding="utf-8")):
                    # The backup holds the history rows as they were; restoring writes no new ones.
                    restored.object.skip_history_when_saving = True
                    restored.save()
    connection.check_constraints(table_names=tables)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _tables(models: list[type[Model]]) -> list[str]:
    tables = [m._meta.db_table for m in models]
    for model in models:
        tables += [f.remote_field.through._meta.db_table for f in model._meta.local_many_to_many
                   if f.remote_field.through._meta.auto_created]
    return sorted(set(tables))


def _swap_media(staging: Path, media_root: Path) -> None:
    """Put the restored files in place of the old ones; the old folder is removed only once swapped."""
    old = media_root.with_name(media_root.name + ".before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if media_root.exists():
        media_root.replace(old)
    staging.replace(media_root)
    staging.mkdir()  # the caller removes its staging folder
    shutil.rmtree(old, ignore_errors=True)
