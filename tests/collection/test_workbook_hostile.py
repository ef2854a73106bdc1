"""Every faulty or hostile workbook is refused as a whole, with a message that says why."""

from __future__ import annotations

import pytest

from planwatch.collection import workbook
from planwatch.collection.guard import check_xlsx_container
from planwatch.collection.importer import import_file
from tests.collection.helpers import XLSX_BAD, xlsx_files


def problems_of(name: str, context, data: bytes | None = None) -> list[str]:
    result = import_file(name, (XLSX_BAD / name).read_bytes() if data is None else data, **context)
    assert not result.ok
    return [p.text for p in result.problems]


def test_one_bad_row_lists_every_error_with_row_column_and_reason(context):
    assert problems_of("one-bad-row.xlsx", context) == [
        "第8行 B列:地区「瑞金」不是已登记的地区",
        "第8行 C列:年份 2019 不在规划期 2021–2025 内",
        "第8行 D列:数值「12,3」不是有效数字",
    ]


def test_merged_header_is_refused(context):
    assert problems_of("merged-header.xlsx", context) == [
        "第1行 A列:表头 A1:B1 是合并单元格,请取消合并后逐格填写",
        "第1行 B列:缺少列「地区」",
    ]


def test_formulas_are_refused_cell_by_cell(context):
    assert problems_of("formulas.xlsx", context) == [
        "第2行 D列:单元格是公式「=1000+190.5」,请复制后「选择性粘贴 → 数值」",
        "第3行 D列:单元格是公式「=D2*0.9」,请复制后「选择性粘贴 → 数值」",
    ]


def test_renamed_column_is_refused(context):
    assert problems_of("renamed-column.xlsx", context) == ["第1行 D列:表头应为「数值」,实为「金额」"]


def test_missing_column_is_refused(context):
    assert problems_of("missing-column.xlsx", context) == [
        "第1行 F列:表头应为「来源」,实为「备注」",
        "第1行 G列:表头应为「备注」,实为「限定词」",
        "第1行 H列:缺少列「限定词」",
    ]


def test_extra_sheet_is_refused(context):
    assert problems_of("extra-sheet.xlsx", context) == ["工作表「Sheet1」:多出工作表「Sheet1」,请删除(只读取「填报」工作表)"]


def test_a_csv_renamed_xlsx_is_refused(context):
    assert problems_of("not-really-xlsx.xlsx", context) == [
        "文件「not-really-xlsx.xlsx」不是有效的 Excel(.xlsx)文件,请上传由本系统下载的模板"]


def test_an_old_xls_renamed_xlsx_is_refused_with_advice(context):
    assert problems_of("old-excel.xlsx", context) == [
        "文件「old-excel.xlsx」是旧版 Excel(.xls)、设置了打开密码的文件或其他 Office 文件,"
        "请在 Excel 中取消密码并「另存为」.xlsx 格式后再上传"]


def test_an_empty_file_is_refused(context):
    assert problems_of("empty.xlsx", context) == ["文件「empty.xlsx」是空的"]


def test_a_file_over_the_size_limit_is_refused(context, tmp_path):
    """5 MB + 100 KB of padding in a real workbook: 5.1 MB > 5.0 MB."""
    path = xlsx_files.oversized(tmp_path)
    assert problems_of("oversized.xlsx", context, path.read_bytes()) == [
        "文件「oversized.xlsx」大小 5.1 MB,超过上限 5.0 MB"]


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail the test if the reader ever hands the file to openpyxl."""
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl must not open a refused file")
    monkeypatch.setattr(workbook.openpyxl, "load_workbook", refuse)


def test_zip_bomb_is_refused_from_declared_sizes_before_openpyxl_opens_it(context, tmp_path, no_openpyxl):
    """60 MB of zeros deflate to about 60 KB: 60.0 MB declared > 50 MB limit."""
    path = xlsx_files.zip_bomb(tmp_path)
    assert path.stat().st_size < 200 * 1024
    assert problems_of("zip-bomb.xlsx", context, path.read_bytes()) == [
        "文件「zip-bomb.xlsx」解压后异常巨大,疑似压缩炸弹,已拒收(解压后 60.0 MB,上限 50.0 MB)"]


def test_a_member_with_an_absurd_compression_ratio_is_refused(tmp_path, no_openpyxl):
    """8 MB of zeros in ~8 KB: the total stays under 50 MB, but the ratio (~1000×) is over 200×."""
    path = xlsx_files.zip_bomb(tmp_path, inflated=8 * 1024 * 1024, name="ratio-bomb.xlsx")
    problem = check_xlsx_container(path.read_bytes(), "ratio-bomb.xlsx")
    assert problem.text.startswith("文件「ratio-bomb.xlsx」解压后异常巨大,疑似压缩炸弹,已拒收(部件 xl/worksheets/sheet9.xml 压缩比 ")
    assert problem.text.endswith(" 倍,上限 200 倍)")


def test_the_real_template_passes_the_guard():
    assert check_xlsx_container(xlsx_files.template(), "模板.xlsx") is None


def test_a_file_with_an_unknown_suffix_is_refused(context):
    assert problems_of("数据.docx", context, b"PK\x03\x04") == ["文件「数据.docx」的类型不受支持,请上传 .xlsx 模板或 .csv 文件"]


def test_a_size_over_the_limit_never_reads_as_equal_to_it() -> None:
    """5 MB = 5,242,880 B. 5,300,000 B is 5.05 MB (5.1 at one decimal, apart from 5.0); 5,245,000 B is
    5.0021 MB, equal at one decimal, apart at three (5.002 / 5.000); one byte over is equal at every
    decimal, so the bytes are printed."""
    from planwatch.collection.guard import sizes_apart

    limit = 5 * 1024 * 1024
    assert sizes_apart(5_300_000, limit) == ("5.1 MB", "5.0 MB")
    assert sizes_apart(5_245_000, limit) == ("5.002 MB", "5.000 MB")
    assert sizes_apart(limit + 1, limit) == ("5,242,881 B", "5,242,880 B")
