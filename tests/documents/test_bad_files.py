"""Files that are not plans, or not readable, fail with a Chinese message naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents import PlanReadError, read_plan
from planwatch.documents.plan_reader import MAX_PLAN_FILE_BYTES, read_plan_text

BAD = Path(__file__).resolve().parent.parent / "data" / "plans" / "bad"


@pytest.mark.parametrize(
    "name,message",
    [
        ("empty.txt", "文件为空，没有可读的文字（文件 empty.txt）"),
        ("not-really-text.txt", "不是文本文件：内容含二进制数据，无法按文字读取（文件 not-really-text.txt）"),
        ("corrupt.docx", "无法打开 Word 文件：文件已损坏或不是 .docx 格式（文件 corrupt.docx）"),
        ("scanned.pdf", "PDF 中没有可提取的文字，可能是扫描件（文件 scanned.pdf）"),
        (
            "no-indicator-table.txt",
            "未找到主要指标表：应有包含「指标」「基期值/XXXX年」「目标值/XXXX年」「属性」列的表格"
            "（文件 no-indicator-table.txt）",
        ),
    ],
)
def test_unreadable_file_is_refused_with_a_message_naming_it(name, message):
    with pytest.raises(PlanReadError) as problem:
        read_plan(BAD / name)
    assert str(problem.value) == message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    """50 MB is the limit (``MAX_PLAN_FILE_BYTES``); a sparse file one byte over is enough."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_PLAN_FILE_BYTES + 1)
    with pytest.raises(PlanReadError) as problem:
        read_plan(big)
    assert str(problem.value) == "文件过大：52,428,801 字节，超过上限 50 MB（文件 huge.txt）"


def test_unsupported_file_type_is_refused(tmp_path):
    old = tmp_path / "plan.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(PlanReadError) as problem:
        read_plan(old)
    assert str(problem.value) == "不支持的文件类型「.doc」：请提供 .txt、.md、.pdf 或 .docx（文件 plan.doc）"


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(PlanReadError, match="找不到文件"):
        read_plan(tmp_path / "nowhere.txt")


def test_gbk_encoded_text_is_read(tmp_path):
    """Chinese text files are often GBK; the same plan in GB18030 reads like the UTF-8 one."""
    source = BAD.parent / "baishawan-tabs.txt"
    gbk = tmp_path / "baishawan-gbk.txt"
    gbk.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    assert read_plan(gbk).indicators == read_plan(source).indicators


def test_blank_text_in_memory_is_refused():
    with pytest.raises(PlanReadError) as problem:
        read_plan_text("  \n ", source_name="粘贴.txt")
    assert str(problem.value) == "文件为空，没有可读的文字（文件 粘贴.txt）"
