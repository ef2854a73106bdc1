"""Backup and restore (planwatch.web.core.backup): every row and every uploaded file comes back; a damaged
or foreign backup is refused with a clear message and changes nothing."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from django.core import serializers
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.core.backup import (
    BackupError,
    ExactTimeEncoder,
    backed_up_models,
    create_backup,
    inspect_backup,
    restore_backup,
)
from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region
from planwatch.web.plans.models import Plan
from tests.web.conftest import indicator

pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "evidence" / "2024").mkdir(parents=True)
    files = {
        "evidence/2024/进展报告.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 40,
        "evidence/2024/photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000,
    }
    for name, content in files.items():
        (settings.MEDIA_ROOT / name).write_bytes(content)
    return settings.MEDIA_ROOT, files


@pytest.fixture
def worked_data(cast, small_plan, assignments):
    """A figure through its whole life (draft → submitted → approved → published) plus a draft, so the
    backup holds observations, their history rows and the audit entries of each step."""
    gdp, yudu = indicator(small_plan, "I01"), Region.objects.get(name="于都县")
    figure = services.create_draft(user=cast.yudu, reason="录入", indicator=gdp, region=yudu, year=2024, value=512.3)
    figure = services.submit_observation(figure, user=cast.yudu, reason="报送")
    figure = services.approve_observation(figure, user=cast.reviewer, comment="核对无误")
    figure = services.publish_observation(figure, user=cast.reviewer2, reason="发布")
    services.create_draft(user=cast.ruijin, reason="录入", indicator=gdp, region=Region.objects.get(name="瑞金市"),
                          year=2024, value=488.0)
    return figure


def every_row() -> dict[str, list]:
    return {
        m._meta.label_lower: json.loads(serializers.serialize("json", m._base_manager.order_by("pk"),
                                                              use_natural_foreign_keys=True, cls=ExactTimeEncoder))
        for m in backed_up_models()
    }


def every_file(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_round_trip_gives_back_every_row_and_every_file(worked_data, media, tmp_path):
    root, files = media
    before_rows, before_files = every_row(), every_file(root)
    assert before_files == files
    summary = create_backup(tmp_path / "planwatch.zip")
    assert summary.rows["monitoring.observation"] == 2
    assert summary.files == 2

    # The day after: a figure revised, a plan renamed, a file replaced and one added.
    Observation.objects.filter(pk=worked_data.pk).update(value=999)
    Plan.objects.update(title="改过的标题")
    (root / "evidence" / "2024" / "photo.png").write_bytes(b"other")
    (root / "later.pdf").write_bytes(b"%PDF-1.4 later")
    restored = restore_backup(tmp_path / "planwatch.zip")

    assert restored.total_rows == summary.total_rows
    after_rows = every_row()
    for label in before_rows:
        assert after_rows[label] == before_rows[label], label
    assert every_file(root) == before_files
    assert Observation.objects.get(pk=worked_data.pk).value == pytest.approx(512.3)


def test_times_come_back_to_the_microsecond(worked_data, media, tmp_path, cast):
    """Django's JSON cuts times to milliseconds; the audit trail is ordered by them, so a restore keeps them."""
    from django.contrib.auth.models import User

    exact = dt.datetime(2024, 3, 1, 8, 0, 9, 400, tzinfo=dt.UTC)  # 0.0004 s: lost by a millisecond cut
    User.objects.filter(pk=cast.yudu.pk).update(date_joined=exact)
    create_backup(tmp_path / "planwatch.zip")
    User.objects.filter(pk=cast.yudu.pk).update(date_joined=exact.replace(microsecond=0))
    restore_backup(tmp_path / "planwatch.zip")
    assert User.objects.get(username="yudu").date_joined == exact


def test_restored_database_takes_new_rows_without_key_clashes(worked_data, media, tmp_path, cast, small_plan):
    create_backup(tmp_path / "b.zip")
    restore_backup(tmp_path / "b.zip")
    gdp = indicator(small_plan, "I01")
    added = services.create_draft(user=cast.nankang, reason="录入", indicator=gdp,
                                  region=Region.objects.get(name="南康区"), year=2024, value=300)
    assert added.pk > worked_data.pk


def _tampered(source, target, *, member=None, manifest=None):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == member:
                data = data.replace(b"512.3", b"612.3")
            if info.filename == "manifest.json" and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            new.writestr(info, data)
    return target


def _refused(path, message, root):
    rows, files = every_row(), every_file(root)
    with pytest.raises(BackupError) as refusal:
        restore_backup(path)
    assert str(refusal.value) == message
    assert every_row() == rows and every_file(root) == files  # nothing touched


def test_damaged_member_is_refused_naming_it_and_nothing_changes(worked_data, media, tmp_path):
    create_backup(tmp_path / "good.zip")
    bad = _tampered(tmp_path / "good.zip", tmp_path / "bad.zip", member="db/monitoring.observation.jsonl")
    Plan.objects.update(title="恢复前的标题")
    _refused(bad, "bad.zip 已损坏:db/monitoring.observation.jsonl 的校验和与清单不符", media[0])


def test_foreign_and_broken_files_are_refused(worked_data, media, tmp_path):
    (tmp_path / "notes.zip").write_bytes(b"PK\x03\x04 not really a zip")
    _refused(tmp_path / "notes.zip", "notes.zip 不是 Planwatch 备份文件:无法作为 zip 读取(File is not a zip file)",
             media[0])
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as other:
        other.writestr("data.json", "[]")
    _refused(tmp_path / "other.zip", "other.zip 不是 Planwatch 备份文件:缺少 manifest.json", media[0])
    with zipfile.ZipFile(tmp_path / "wrong.zip", "w") as other:
        other.writestr("manifest.json", json.dumps({"format": "someone-else"}))
    _refused(tmp_path / "wrong.zip", "wrong.zip 不是 Planwatch 备份文件:manifest.json 不是本系统的格式", media[0])


def test_backup_of_another_schema_is_refused(worked_data, media, tmp_path):
    create_backup(tmp_path / "good.zip")
    newer = _tampered(tmp_path / "good.zip", tmp_path / "newer.zip",
                      manifest=lambda m: {**m, "migrations": [*m["migrations"], "plans.9999_future"]})
    _refused(newer, "newer.zip 的数据库结构与本系统不一致,不能恢复(备份有而本库没有的迁移:plans.9999_future)",
             media[0])


def test_member_outside_its_folder_is_refused(worked_data, media, tmp_path):
    create_backup(tmp_path / "good.zip")
    evil = _tampered(tmp_path / "good.zip", tmp_path / "evil.zip",
                     manifest=lambda m: {**m, "members": {**m["members"], "media/../../etc/x": {"sha256": "", "size": 0}}})
    with zipfile.ZipFile(evil, "a") as archive:
        archive.writestr("media/../../etc/x", b"x")
    _refused(evil, "evil.zip 不是可恢复的备份:成员 media/../../etc/x 的路径不安全", media[0])


def test_zip_bomb_is_refused_before_unpacking(worked_data, media, tmp_path):
    create_backup(tmp_path / "good.zip")
    bomb = tmp_path / "bomb.zip"
    zeros = b"\0" * (50 * 1024 * 1024)
    import hashlib

    digest = hashlib.sha256(zeros).hexdigest()
    _tampered(tmp_path / "good.zip", bomb,
              manifest=lambda m: {**m, "members": {**m["members"], "media/zeros.bin": {"sha256": digest, "size": len(zeros)}}})
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("media/zeros.bin", zeros)
    _refused(bomb, "bomb.zip 不是可恢复的备份:解压后的大小异常(疑似压缩炸弹)", media[0])


def test_cli_backup_and_restore_say_what_they_did(worked_data, media, tmp_path):
    made = runner.invoke(app, ["backup", str(tmp_path / "cli.zip")])
    assert made.exit_code == 0, made.output
    assert "个文件到" in made.output and "2 个文件" in made.output
    assert inspect_backup(tmp_path / "cli.zip")["rows"]["monitoring.observation"] == 2
    back = runner.invoke(app, ["restore", "--yes", str(tmp_path / "cli.zip")])
    assert back.exit_code == 0, back.output
    assert back.output.startswith("已恢复 ")
    (tmp_path / "junk.zip").write_bytes(b"junk")
    refused = runner.invoke(app, ["restore", "--yes", str(tmp_path / "junk.zip")])
    assert refused.exit_code == 1
    assert "junk.zip 不是 Planwatch 备份文件" in refused.output
