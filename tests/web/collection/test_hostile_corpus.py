"""The hostile-input corpus (``tests/data/hostile/``, each file named for its fault) through the upload page
and the command line: each refused with a clear Chinese message and nothing stored, or neutralised.

The 章贡区 reporter is assigned 地区生产总值 for 章贡区; every file carries that one 2024 figure, spoiled.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.collection.helpers import load_generator, xlsx_files
from tests.web.collection.conftest import page_text, stored_rows

HOSTILE = Path(__file__).resolve().parents[2] / "data" / "hostile"
generator = load_generator(HOSTILE)
RANGE = "数值「1e308」换算为「亿元」后超出可保存的范围(绝对值不能超过 1e+15)"  # the one value reader's words

REFUSED = [
    ("utf16-encoded.csv", "文件「utf16-encoded.csv」的编码无法识别,请保存为 UTF-8 或 GB18030 编码的 CSV"),
    ("nan.csv", "第2行 D列:数值「NaN」不是有效数字"),
    ("infinity.csv", "第2行 D列:数值「-Infinity」不是有效数字"),
    ("overflow-after-unit.csv", f"第2行 D列:{RANGE}"),
    (
        "unclosed-quote.csv",
        '第2行:引号(")没有配对,其后各行会被并进同一个单元格:请补上配对的引号或删去多余的引号',
    ),
    (
        "not-really-xlsx.xlsx",
        "文件「not-really-xlsx.xlsx」不是有效的 Excel(.xlsx)文件,请上传由本系统下载的模板",
    ),
    (
        "xxe-external-entity.xlsx",
        "文件「xxe-external-entity.xlsx」的部件 docProps/app.xml 含有 XML 文档类型声明"
        "(DOCTYPE/ENTITY),Excel 不会生成这种内容,已拒收",
    ),
    (
        "billion-laughs.xlsx",
        "文件「billion-laughs.xlsx」的部件 docProps/app.xml 含有 XML 文档类型声明"
        "(DOCTYPE/ENTITY),Excel 不会生成这种内容,已拒收",
    ),
]


def test_the_committed_corpus_is_what_the_generator_writes():
    for name, data in generator.csv_files().items():
        assert (HOSTILE / name).read_bytes() == data, name
    for name in generator.xlsx_files():  # zip timestamps differ run to run; the parts are what matter
        assert b"<!DOCTYPE x [<!ENTITY" in zipfile.ZipFile(HOSTILE / name).read("docProps/app.xml"), name


@pytest.mark.parametrize(("name", "message"), REFUSED, ids=[n for n, _ in REFUSED])
def test_a_hostile_file_is_refused_on_the_upload_page_with_its_message(
    cast, assignments, upload, name, message
):
    before = stored_rows()
    response = upload(cast.zhanggong, name, (HOSTILE / name).read_bytes())
    assert response.status_code == 422
    assert [p.text for p in response.context["outcome"].errors] == [message]
    assert stored_rows() == before


@pytest.mark.parametrize(("name", "message"), REFUSED[:5], ids=[n for n, _ in REFUSED[:5]])
def test_a_hostile_file_is_refused_by_the_command_line_too(cast, assignments, name, message):
    before = stored_rows()
    result = CliRunner().invoke(app, ["data", "import", str(HOSTILE / name), "--user", "zhanggong"])
    assert result.exit_code == 1, result.output
    assert f"错误 {message}" in result.output
    assert stored_rows() == before


def test_a_zip_bomb_is_refused_on_the_upload_page(cast, assignments, upload, tmp_path):
    before = stored_rows()
    response = upload(cast.zhanggong, "zip-bomb.xlsx", xlsx_files.zip_bomb(tmp_path).read_bytes())
    assert response.status_code == 422
    assert "文件「zip-bomb.xlsx」解压后异常巨大,疑似压缩炸弹,已拒收" in page_text(response)
    assert stored_rows() == before


def test_a_gbk_csv_is_read_as_written(cast, assignments, upload):
    """What Chinese Excel saves as "CSV (逗号分隔)": GB18030 decodes it; the figure arrives intact."""
    response = upload(cast.zhanggong, "gbk-encoded.csv", (HOSTILE / "gbk-encoded.csv").read_bytes())
    assert response.status_code == 200, page_text(response)[-2000:]
    obs = Observation.objects.get()
    assert (obs.value, obs.source, obs.region.name) == (1190.5, "2024年章贡区统计公报", "章贡区")


def test_control_escape_and_bidi_characters_are_stripped_from_what_is_stored(cast, assignments, upload):
    """ESC[31m colours a terminal, U+202E turns "5.0911" into "1190.5" on screen, BEL and the isolates
    are invisible: the stored 来源/备注 keep only the visible text, and so does the audit."""
    response = upload(
        cast.zhanggong,
        "control-and-bidi-chars.csv",
        (HOSTILE / "control-and-bidi-chars.csv").read_bytes(),
        reason="导入\x1b[2J\u202e说明",
    )
    assert response.status_code == 200, page_text(response)[-2000:]
    obs = Observation.objects.get()
    assert (obs.source, obs.note) == ("统计公报5.0911", "初步数据")
    assert AuditEntry.objects.get(subject="observation", object_id=obs.pk).reason == "导入说明"
    assert obs.history.get().history_change_reason == "导入说明"


def test_an_oversized_upload_is_refused_while_received(cast, assignments, upload, tmp_path):
    before = stored_rows()
    response = upload(cast.zhanggong, "oversized.csv", generator.oversized(tmp_path).read_bytes())
    assert response.status_code == 413
    assert "文件「oversized.csv」超过上限 5.0 MB,已停止接收,未导入任何数据" in page_text(response)
    assert stored_rows() == before


class _Endless(io.RawIOBase):
    """A request body that claims 100 MB and counts what the server reads of it."""

    def __init__(self, boundary: str, csrf: str) -> None:
        self.read_bytes = 0
        self.head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{csrf}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.csv"\r\n'
            f"Content-Type: text/csv\r\n\r\n"
        ).encode()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = (self.head[self.read_bytes :] if self.read_bytes < len(self.head) else b"") or b"x" * len(
            buffer
        )
        chunk = chunk[: len(buffer)]
        buffer[: len(chunk)] = chunk
        self.read_bytes += len(chunk)
        return len(chunk)


def test_a_100_mb_upload_is_not_read_past_the_limit(cast, assignments, client_for):
    """The body says 100 MB; the server stops reading a chunk or two after 5 MB and answers 413."""
    from django.core import signals
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import close_old_connections

    client = client_for(cast.zhanggong)
    client.get("/collection/upload/")
    csrf = client.cookies["csrftoken"].value
    body = _Endless("BOUNDARY", csrf)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/collection/upload/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.input": io.BufferedReader(body),
        "wsgi.url_scheme": "http",
        "CONTENT_LENGTH": str(100 * 1024 * 1024),
        "CONTENT_TYPE": "multipart/form-data; boundary=BOUNDARY",
        "HTTP_COOKIE": "; ".join(f"{k}={v.value}" for k, v in client.cookies.items()),
    }
    responses = []
    # As Django's test client does: the request must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        content = b"".join(WSGIHandler()(environ, lambda status, headers: responses.append(status)))
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    assert responses[0].startswith("413"), content.decode()[-1500:]
    assert "文件「huge.csv」超过上限 5.0 MB,已停止接收" in content.decode()
    assert body.read_bytes < 6 * 1024 * 1024, body.read_bytes


def test_the_command_line_reads_no_more_than_the_limit(cast, assignments, tmp_path):
    path = generator.oversized(tmp_path)
    before = stored_rows()
    result = CliRunner().invoke(app, ["data", "import", str(path), "--user", "zhanggong"])
    assert result.exit_code == 2
    assert "错误:文件「oversized.csv」大小 5,242,881 B,超过上限 5,242,880 B,未导入任何数据" in result.output
    assert stored_rows() == before
