"""The generated template: drop-downs, protection, number formats, lists, and a full round trip."""

from __future__ import annotations

import io

import openpyxl
import pytest

from planwatch.collection.importer import import_file
from planwatch.collection.workbook import DATA_SHEET, HEADERS, HELP_SHEET, LISTS_SHEET, VALUE_FORMAT
from tests.collection.helpers import xlsx_files


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(io.BytesIO(xlsx_files.template()))


def _validations(sheet):
    return {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}


def test_template_has_the_data_sheet_help_and_a_hidden_list_sheet(book):
    assert book.sheetnames == [DATA_SHEET, HELP_SHEET, LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert [c.value for c in book[DATA_SHEET][1]] == list(HEADERS)
    assert book[HELP_SHEET]["A1"].value == "数据填报模板 · 填报说明"
    assert "填报单位:章贡区人民政府" in book[HELP_SHEET]["A2"].value


def test_template_lists_one_row_per_assigned_indicator_region_and_period(book):
    rows = [[c.value for c in row[:5]] for row in book[DATA_SHEET].iter_rows(min_row=2, max_row=7)]
    assert rows == [
        ["GDP", "章贡区", "2023", None, "亿元"], ["GDP", "南康区", "2023", None, "亿元"],
        ["人均GDP", "章贡区", "2023", None, "元"], ["人均GDP", "南康区", "2023", None, "元"],
        ["森林覆盖率", "章贡区", "2023", None, "%"], ["森林覆盖率", "南康区", "2023", None, "%"],
    ]


def test_drop_downs_come_from_the_hidden_lists(book):
    """6 assigned rows + 30 open rows: validations cover rows 2–37."""
    found = _validations(book[DATA_SHEET])
    assert {k: (v.type, v.formula1) for k, v in found.items()} == {
        "A2:A37": ("list", "'列表'!$A$2:$A$4"),
        "B2:B37": ("list", "'列表'!$B$2:$B$3"),
        "C2:C37": ("list", "'列表'!$C$2:$C$6"),
        "D2:D37": ("decimal", "-1E+15"),
        "E2:E37": ("list", f"'列表'!$D$2:$D${len(_column(book, 'D')) + 1}"),
        "H2:H37": ("list", "'列表'!$E$2:$E$8"),  # seven qualifiers
    }
    assert all(v.showErrorMessage for v in found.values())
    assert _column(book, "A") == ["GDP", "人均GDP", "森林覆盖率"]
    assert _column(book, "B") == ["章贡区", "南康区"]
    assert _column(book, "C") == ["2021", "2022", "2023", "2024", "2025"]
    assert {"亿元", "万元", "元", "%"} <= set(_column(book, "D"))
    assert _column(book, "E") == ["以上", "左右", "约", "超过", "近", "以内", "以下"]


def _column(book, letter):
    sheet = book[LISTS_SHEET]
    return [c.value for c in sheet[letter][1:] if c.value is not None]


def test_header_and_assigned_identity_cells_are_locked_value_cells_open(book):
    sheet = book[DATA_SHEET]
    assert sheet.protection.sheet is True
    assert sheet["A1"].protection.locked and sheet["D1"].protection.locked
    assert sheet["A2"].protection.locked and sheet["B2"].protection.locked and sheet["C2"].protection.locked
    assert not sheet["D2"].protection.locked and not sheet["E2"].protection.locked
    assert not sheet["F2"].protection.locked and not sheet["G2"].protection.locked
    assert not sheet["A8"].protection.locked  # an open row for additions


def test_number_formats_value_as_number_and_periods_as_text(book):
    sheet = book[DATA_SHEET]
    assert sheet["D2"].number_format == VALUE_FORMAT == "0.00##"
    assert sheet["C2"].number_format == "@"
    assert sheet.freeze_panes == "A2"


def test_template_round_trip_creates_rows_with_the_values_typed(context):
    """Fill the downloaded template as a reporter would (openpyxl instead of Excel), upload it back."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx_files.template()))
    xlsx_files.filled(book)
    book[DATA_SHEET]["E3"] = "万元"  # 南康区 GDP typed in 万元: 10,503,000 万元 = 1050.3 亿元
    book[DATA_SHEET]["D3"] = 10503000
    book[DATA_SHEET]["G6"] = "林业局年报口径"
    out = io.BytesIO()
    book.save(out)
    result = import_file("章贡区.xlsx", out.getvalue(), **context)
    assert result.ok, [p.text for p in result.problems]
    assert [(o.indicator, o.region, o.period, o.value, o.unit, o.line) for o in result.observations] == [
        ("I01", "章贡区", "2023", 1190.5, "亿元", 2),
        ("I01", "南康区", "2023", 1050.3, "亿元", 3),
        ("I02", "章贡区", "2023", 105000.0, "元", 4),
        ("I02", "南康区", "2023", 52000.0, "元", 5),
        ("I21", "章贡区", "2023", 60.5, "%", 6),
        ("I21", "南康区", "2023", 75.2, "%", 7),
    ]
    assert result.observations[1].original_value == "10503000"
    assert result.observations[4].note == "林业局年报口径"
    assert {o.source for o in result.observations} == {"2023年赣州市统计公报"}


def test_unfilled_template_rows_are_skipped_and_an_empty_template_is_refused(context):
    result = import_file("no-values.xlsx", xlsx_files.no_values(), **context)
    assert [p.text for p in result.problems] == ["工作表「填报」:没有填写任何数值(数值列全空)"]
