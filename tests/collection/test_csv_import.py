"""CSV bulk loads: encodings, headers, the same problems and all-or-nothing; never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.collection.csv_import import read_csv
from planwatch.collection.importer import import_file
from tests.collection.helpers import CSV_BAD

GOOD = """指标,地区,年份,数值,单位,来源,备注,限定词
GDP,章贡区,2023,1190.5,亿元,2023年赣州市统计公报,,
人均GDP,南康区,2023年,"52,000",元,,初步数,约
森林覆盖率,于都县,2023,60.5,%,,,
"""


def rows_of(result):
    return [(o.indicator, o.region, o.period, o.value, o.qualifier, o.note) for o in result.observations]


EXPECTED = [("I01", "章贡区", "2023", 1190.5, "", ""), ("I02", "南康区", "2023", 52000.0, "约", "初步数"),
            ("I21", "于都县", "2023", 60.5, "", "")]


def test_utf8_without_bom(context):
    assert rows_of(import_file("数据.csv", GOOD.encode("utf-8"), **context)) == EXPECTED


def test_utf8_with_bom(context):
    assert rows_of(import_file("数据.csv", GOOD.encode("utf-8-sig"), **context)) == EXPECTED


def test_gb18030_as_chinese_excel_saves_it(context):
    assert rows_of(import_file("数据.csv", GOOD.encode("gb18030"), **context)) == EXPECTED


def test_english_headers_in_another_order_and_tabs(context):
    text = "value\tyear\tregion\tindicator\n1190.5\t2023\t章贡区\tGDP\n"
    assert rows_of(import_file("data.tsv", text.encode(), **context)) == [("I01", "章贡区", "2023", 1190.5, "", "")]


def test_rows_are_numbered_as_excel_shows_them_and_blank_lines_skipped(context):
    text = "指标,地区,年份,数值\n\nGDP,章贡区,2023,abc\n"
    assert [p.text for p in import_file("x.csv", text.encode(), **context).problems] == [
        "第3行 D列:数值「abc」不是有效数字"]


def problems_of(name, context):
    result = import_file(name, (CSV_BAD / name).read_bytes(), **context)
    assert not result.ok
    return [p.text for p in result.problems]


def test_one_bad_row_imports_nothing_and_lists_every_error(context):
    assert problems_of("one-bad-row.csv", context) == [
        "第4行 B列:地区「瑞金」不是已登记的地区",
        "第4行 C列:年份 2019 不在规划期 2021–2025 内",
        "第4行 D列:数值「12,3」不是有效数字",
    ]


def test_missing_required_column(context):
    assert problems_of("missing-column.csv", context) == ["第1行:缺少列「数值」"]


def test_unknown_column(context):
    assert problems_of("unknown-column.csv", context) == [
        "第1行 D列:无法识别的列「金额」(可用列:指标、地区、年份、数值、单位、来源、备注、限定词、发布机构、文件标题)",
        "第1行:缺少列「数值」",
    ]


def test_cell_without_header(context):
    assert problems_of("stray-cell.csv", context) == ["第2行 G列:此列没有表头,请删除其中内容"]


def test_header_only_empty_and_binary_files(context):
    assert problems_of("header-only.csv", context) == ["文件「header-only.csv」只有表头,没有数据行"]
    assert problems_of("empty.csv", context) == ["文件「empty.csv」是空的"]
    assert problems_of("excel-renamed.csv", context) == ["文件「excel-renamed.csv」是 Excel 文件而不是 CSV,请以 .xlsx 扩展名上传"]


def test_utf16_is_refused_with_the_encodings_to_use(context):
    assert problems_of("utf16.csv", context) == ["文件「utf16.csv」的编码无法识别,请保存为 UTF-8 或 GB18030 编码的 CSV"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_the_csv_reader_never_raises_on_arbitrary_bytes(data):
    result = read_csv(data, "random.csv")
    assert result.rows or result.problems


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=9), max_size=6))
def test_the_whole_import_never_raises_on_arbitrary_tables(table):
    text = "指标,地区,年份,数值,单位,来源,备注,限定词\n" + "\n".join(",".join(cells) for cells in table)
    result = import_file("random.csv", text.encode("utf-8"), indicators=[], plan_years=range(2021, 2026))
    assert result.observations or result.problems
