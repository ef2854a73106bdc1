"""The per-unit Excel template, and the reader for filled ones.

``build_template`` writes what a unit must report: sheet 「填报」 with one row per
indicator × region × period assigned to the unit (identity cells locked, value cells open),
drop-downs (data validations) for indicator, region, period, unit and qualifier fed from the
hidden sheet 「列表」, a number format on the value column, a locked header row, and sheet
「填报说明」 in Chinese. Drop-downs only help: the reader and the rules check everything again
(a reporter can paste past a drop-down).

``read_workbook`` is all-or-nothing and refuses, with a Chinese message and before any row is
read: empty, oversized, non-Excel and zip-bomb files (``guard``), missing or extra sheets,
merged cells, renamed, missing or extra columns, formulas (we want the figure, not a formula that
may evaluate differently on the server), and sheets with no figure at all. It returns the rows as
entered (``ObservationRow``) for ``rules.clean_observations``. XML entity bombs are stopped by
expat itself (≥ 2.4 limits entity amplification) and by the uncompressed-size limit.
"""

from __future__ import annotations

import io
import warnings
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.collection.guard import check_xlsx_container
from planwatch.collection.model import FIELDS, OPTIONAL, Citation, IndicatorSpec, ObservationRow, citation
from planwatch.collection.problems import ImportProblem, column_letter, file_problem
from planwatch.collection.rows import QUALIFIERS
from planwatch.collection.settings import setting
from planwatch.collection.units import alternatives

DATA_SHEET, HELP_SHEET, LISTS_SHEET = "填报", "填报说明", "列表"
HEADERS = tuple(label for _, label in FIELDS)
COLUMNS = {name: column_letter(i) for i, (name, _) in enumerate(FIELDS, start=1)}
VALUE_FORMAT = "0.00##"  # at least two decimals, up to four: 4524.00, 0.635
TEMPLATE_VERSION = "planwatch-collection-1"
_AnyCell = Cell | MergedCell  # what a sheet's ``_cells`` holds
_IDENTITY = {i for i, (name, _) in enumerate(FIELDS, start=1) if name in ("indicator", "region", "period", "unit")}
_WIDTHS = {"indicator": 34, "region": 12, "period": 10, "value": 14, "unit": 10, "source": 28, "note": 30,
           "qualifier": 8, "publisher": 18, "document_title": 36}


@dataclass(frozen=True)
class TemplateLine(Citation):
    """One figure the unit owes: indicator × region × period ("2024", "2024Q1", "2024M03")."""

    indicator: IndicatorSpec
    region: str
    period: str
    # What the unit already entered (the value and its citation), pre-filled and marked by its state (草稿 / 已提交 / 已退回 / 已通过 / 已发布).
    value: float | None = None
    state: str = ""
    comment: str = ""  # the reviewer's comment of a returned figure


# Rows a template may not change (the figure is with the reviewer or final): locked and shaded; sent back
# unchanged they are skipped by the import, changed they are refused by the state check.
FINAL_STATES = ("已提交", "已通过", "已发布")
STATE_FILLS = {"草稿": "FFFFFF", "已退回": "FCE4E4", "已提交": "E3F2FD", "已通过": "E8F5E9", "已发布": "E8F5E9"}
FONT = "宋体"  # a Chinese font every Chinese office suite has (SimSun); the printout needs one set


@dataclass
class SheetRows:
    rows: list[ObservationRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


# --- writing the template -----------------------------------------------------------------------

def build_template(
    *,
    unit: str,
    lines: Sequence[TemplateLine],
    regions: Sequence[str],
    periods: Sequence[str],
    indicators: Sequence[IndicatorSpec] = (),
    extra_rows: int = 30,
    generated: datetime | None = None,
) -> bytes:
    """The template as .xlsx bytes; ``extra_rows`` open rows follow the assigned ones for additions."""
    indicators = list(indicators) or list({line.indicator.code: line.indicator for line in lines}.values())
    book = openpyxl.Workbook()
    data = book.active
    assert isinstance(data, Worksheet)  # a new workbook's one sheet
    data.title = DATA_SHEET
    _write_help(book.create_sheet(HELP_SHEET), unit, generated or datetime.now())
    lists = _write_lists(book.create_sheet(LISTS_SHEET), unit, indicators, regions, periods, generated)
    _write_data(data, lines, extra_rows, lists, unit)
    book.active = 0
    book.properties.title = f"{unit} 数据填报模板"
    book.properties.creator = "Planwatch"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _put(cell: _AnyCell, value: str | float | None) -> None:
    """Write ``value``; text stays text. openpyxl stores a string beginning with "=" as a formula, so a
    来源 someone typed as =HYPERLINK(…) would run in the clerk's Excel and be refused as a formula when
    the template comes back: typed as a string cell, Excel shows it and never runs it, and the round
    trip keeps it exactly (no apostrophe added, unlike downloads, which are read by people only)."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def _write_data(sheet: Worksheet, lines: Sequence[TemplateLine], extra_rows: int, lists: dict[str, str],
                unit: str = "") -> None:
    bold, fill = Font(name=FONT, bold=True), PatternFill("solid", fgColor="DDEBF7")
    for col, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(horizontal="center")
    for row, line in enumerate(lines, start=2):
        for name, value in (("indicator", line.indicator.name), ("region", line.region),
                            ("period", line.period), ("unit", line.indicator.unit), ("value", line.value),
                            *citation(line).items()):
            if value not in (None, ""):
                _put(sheet[f"{COLUMNS[name]}{row}"], value)
    last = len(lines) + 1 + extra_rows
    open_cell, plain = Protection(locked=False), Font(name=FONT)
    for row in range(2, last + 1):
        assigned = lines[row - 2] if row <= len(lines) + 1 else None
        final = assigned is not None and assigned.state in FINAL_STATES
        for name, letter in COLUMNS.items():
            cell = sheet[f"{letter}{row}"]
            cell.font = plain
            if not (assigned is not None and (final or name in ("indicator", "region", "period"))):
                cell.protection = open_cell
            cell.number_format = VALUE_FORMAT if name == "value" else "@"
            if assigned is not None and assigned.state:
                cell.fill = PatternFill("solid", fgColor=STATE_FILLS.get(assigned.state, "FFFFFF"))
        if assigned is not None and assigned.state:
            _mark_state(sheet[f"{COLUMNS['value']}{row}"], assigned)
    for name, width in _WIDTHS.items():
        sheet.column_dimensions[COLUMNS[name]].width = width
    _add_validations(sheet, last, lists)
    _print_as_form(sheet, unit)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widening a column is harmless
    sheet.protection.formatRows = False


def _mark_state(cell: _AnyCell, line: TemplateLine) -> None:
    """The state in words on the value cell (a comment shows on hover and prints on request)."""
    text = f"状态:{line.state}"
    if line.state in FINAL_STATES:
        text += "。此行已锁定;如需修改,请先在网页上撤回(未审核时)或提出修订。"
    if line.comment:
        text += f"\n审核意见:{line.comment}"
    cell.comment = Comment(text, "Planwatch", width=260, height=90)


def _print_as_form(sheet: Worksheet, unit: str) -> None:
    """Printed, the sheet is a form: A4 landscape, one page wide, a title, the header row on every page,
    signature lines for 填报人 / 审核人 / 联系电话 and page numbers (header and footer, so the grid the
    reader checks stays as it is)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None  # openpyxl makes it, and the header and footer parts below, with the sheet
    fit.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.top, sheet.page_margins.bottom = 0.9, 0.9
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    title, signatures, pages = header.center, footer.left, footer.right
    assert title is not None and signatures is not None and pages is not None
    title.text = f"{unit} 规划实施监测数据填报表"
    title.size, title.font = 14, f"{FONT},Bold"
    signatures.text = "填报人:____________    审核人:____________    联系电话:______________"
    signatures.font = FONT
    pages.text = "第 &P 页 共 &N 页"
    pages.font = FONT


def _add_validations(sheet: Worksheet, last: int, lists: dict[str, str]) -> None:
    for name, title in (("indicator", "指标"), ("region", "地区"), ("period", "年份"), ("unit", "单位"),
                        ("qualifier", "限定词")):
        rule = DataValidation(type="list", formula1=lists[name], allow_blank=True, showDropDown=False,
                              showErrorMessage=True, showInputMessage=True, errorTitle=f"{title}无效",
                              error=f"请从下拉列表中选择{title}", promptTitle=title, prompt=f"请从下拉列表中选择{title}")
        rule.add(f"{COLUMNS[name]}2:{COLUMNS[name]}{last}")
        sheet.add_data_validation(rule)
    number = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                            allow_blank=True, showErrorMessage=True, showInputMessage=True, errorTitle="数值无效",
                            error="请填写数字(不要填文字、公式或带单位)", promptTitle="数值",
                            prompt="按「单位」列的单位填写数字")
    number.add(f"{COLUMNS['value']}2:{COLUMNS['value']}{last}")
    sheet.add_data_validation(number)


def _write_lists(sheet: Worksheet, unit: str, indicators: Sequence[IndicatorSpec], regions: Sequence[str],
                 periods: Sequence[str], generated: datetime | None) -> dict[str, str]:
    units = list(dict.fromkeys(u for i in indicators if i.unit for u in alternatives(i.unit)))
    columns = {"indicator": [i.name for i in indicators], "region": list(regions), "period": list(periods),
               "unit": units, "qualifier": list(QUALIFIERS)}
    refs = {}
    for col, (name, values) in enumerate(columns.items(), start=1):
        letter = column_letter(col)
        sheet.cell(row=1, column=col, value=dict(FIELDS)[name])
        for row, value in enumerate(values, start=2):
            _put(sheet.cell(row=row, column=col), value)
        refs[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${max(len(values), 1) + 1}"
    for row, (key, value) in enumerate((("单位", unit), ("模板版本", TEMPLATE_VERSION),
                                        ("生成时间", f"{generated or datetime.now():%Y-%m-%d %H:%M}")), start=1):
        sheet.cell(row=row, column=8, value=key)
        sheet.cell(row=row, column=9, value=value)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return refs


HELP_LINES = (
    "数据填报模板 · 填报说明",
    "",
    "1. 在「填报」工作表中逐行填写「数值」,并尽量填写「来源」(链接或文件名);公开页面按「发布机构」「文件标题」注明出处"
    "(如:赣州市统计局、2023年赣州市国民经济和社会发展统计公报),这两列可不填。",
    "2. 指标、地区、年份已按本单位的填报任务列出,不能修改;如需补报其他年份,请在下方空行中从下拉列表选择。",
    "3. 数值只填数字,不带单位、不用公式;按「单位」列的单位填写。单位不同时可在「单位」列改为可换算的单位(如 万元、亿元)。",
    "4. 百分比指标填 0–100 之间的数(如 56.35),增速、降幅类指标可以为负数。",
    "5. 同比变动较大或与相关指标不一致时,系统会提示预警:请在「备注」中说明原因,否则不能提交审核。",
    "6. 「限定词」只在来源原文的数字带有" + "".join(f"「{q}」" for q in QUALIFIERS) + "时填写(从下拉列表选择)。",
    "7. 不要增加、删除或改名工作表和列,不要合并单元格。",
    "8. 上传时系统逐行检查:任何一行有错误,整个文件都不会导入,所有错误连同行号、列号一并列出,改正后重新上传即可。",
    "9. 本模板只用于上方所列单位;年份写作 2023(年度)、2023Q1(季度)或 2023-03(月度)。",
    "10. 已填过的数据已预先填入并按状态标色(鼠标停在数值上可见状态):草稿(白)、已退回(红,附审核意见)可修改;"
    "已提交(蓝)、已通过和已发布(绿)已锁定,原样上传时跳过。",
    "11. 打印:本表按 A4 横向排版,每页重复表头,页脚有填报人、审核人、联系电话栏。",
)


def _write_help(sheet: Worksheet, unit: str, generated: datetime) -> None:
    sheet.column_dimensions["A"].width = 120
    sheet["A1"] = HELP_LINES[0]
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"填报单位:{unit}    生成时间:{generated:%Y-%m-%d %H:%M}"
    for row, text in enumerate(HELP_LINES[2:], start=3):
        sheet.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True)
    sheet.protection.sheet = True


# --- reading a filled template ------------------------------------------------------------------

def read_workbook(data: bytes, name: str = "上传文件.xlsx") -> SheetRows:
    """The entered rows of a filled template, or the problems that refuse the whole file."""
    refused = check_xlsx_container(data, name)
    if refused:
        return SheetRows(problems=[refused])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops; irrelevant here
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=False, keep_links=False)
    except Exception as error:  # noqa: BLE001 - a broken file raises anything from zipfile to XML parsers
        return SheetRows(problems=[file_problem(f"文件「{name}」无法作为 Excel 读取({type(error).__name__}),"
                                                f"请用 Excel 重新保存为 .xlsx 后上传", rule="format")])
    problems = _sheet_problems(book)
    if problems:
        return SheetRows(problems=problems)
    sheet = book[DATA_SHEET]
    cells = _cells_by_row(sheet)
    width = _width(cells.get(1, {}))
    problems = _too_many_rows(cells) or (_merged_problems(sheet) + _header_problems(cells.get(1, {}), width)
                                         + _formula_problems(cells) + _stray_problems(cells, width))
    if problems:
        return SheetRows(problems=problems)
    rows = [_row(number, by_col) for number, by_col in sorted(cells.items()) if number > 1 and _filled(by_col)]
    if not rows:
        return SheetRows(problems=[ImportProblem(DATA_SHEET, None, "", "没有填写任何数值(数值列全空)",
                                                 rule="empty")])
    return SheetRows(rows=rows)


def _sheet_problems(book: Workbook) -> list[ImportProblem]:
    names = book.sheetnames
    found = []
    if DATA_SHEET not in names:
        found.append(file_problem(f"缺少工作表「{DATA_SHEET}」(工作表不能改名;现有:{'、'.join(names)})",
                                  rule="sheet"))
    for extra in (n for n in names if n not in (DATA_SHEET, HELP_SHEET, LISTS_SHEET)):
        found.append(ImportProblem(extra, None, "", f"多出工作表「{extra}」,请删除(只读取「{DATA_SHEET}」工作表)",
                                   rule="sheet"))
    return found


def _cells_by_row(sheet: Worksheet) -> dict[int, dict[int, _AnyCell]]:
    """Only the cells the file contains. ``_cells`` avoids iter_rows, which would create every empty
    cell of the rectangle up to a stray mark in row 1,048,576."""
    rows: dict[int, dict[int, _AnyCell]] = defaultdict(dict)
    for (row, col), cell in sheet._cells.items():
        if cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip()):
            rows[row][col] = cell
    return rows


def _too_many_rows(cells: dict[int, dict[int, _AnyCell]]) -> list[ImportProblem]:
    data_rows = sum(1 for row in cells if row > 1)
    if data_rows <= setting("MAX_ROWS"):
        return []
    return [ImportProblem(DATA_SHEET, None, "", f"数据行数 {data_rows} 超过上限 {setting('MAX_ROWS')},"
                                                f"请分成几个文件上传", rule="rows")]


def _merged_problems(sheet: Worksheet) -> list[ImportProblem]:
    found = []
    for merged in sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        where = "表头" if merged.min_row == 1 else "单元格"
        found.append(ImportProblem(DATA_SHEET, merged.min_row, column_letter(merged.min_col),
                                   f"{where} {merged.coord} 是合并单元格,请取消合并后逐格填写", rule="merged"))
    return found


def _width(header: dict[int, _AnyCell]) -> int:
    """How many template columns the file has: all, or — a template made before the optional columns
    (发布机构, 文件标题) existed — up to the last of them it names; anything beyond is a stray column."""
    first_optional = len(HEADERS) - len(OPTIONAL) + 1
    named = [col for col in range(first_optional, len(HEADERS) + 1)
             if col in header and str(header[col].value).strip()]
    return max(named, default=first_optional - 1)


def _header_problems(header: dict[int, _AnyCell], width: int) -> list[ImportProblem]:
    found = []
    for col, expected in enumerate(HEADERS[:width], start=1):
        cell = header.get(col)
        actual = str(cell.value).strip() if cell is not None else ""
        letter = column_letter(col)
        if not actual:
            found.append(ImportProblem(DATA_SHEET, 1, letter, f"缺少列「{expected}」", rule="header"))
        elif actual != expected:
            found.append(ImportProblem(DATA_SHEET, 1, letter, f"表头应为「{expected}」,实为「{actual}」",
                                       rule="header"))
    for col in sorted(c for c in header if c > width):
        found.append(ImportProblem(DATA_SHEET, 1, column_letter(col), f"多出的列「{header[col].value}」,请删除",
                                   rule="header"))
    return found


def _formula_problems(cells: dict[int, dict[int, _AnyCell]]) -> list[ImportProblem]:
    found = []
    for row, by_col in sorted(cells.items()):
        for col, cell in sorted(by_col.items()):
            if cell.data_type == "f":
                text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", "") or "数组公式"
                found.append(ImportProblem(DATA_SHEET, row, column_letter(col),
                                           f"单元格是公式「{text}」,请复制后「选择性粘贴 → 数值」", rule="formula"))
    return found


def _stray_problems(cells: dict[int, dict[int, _AnyCell]], width: int) -> list[ImportProblem]:
    return [ImportProblem(DATA_SHEET, row, column_letter(col), "此列不在模板中,请删除其中内容", rule="header")
            for row, by_col in sorted(cells.items()) if row > 1
            for col in sorted(by_col) if col > width]


def _filled(by_col: dict[int, _AnyCell]) -> bool:
    """A row counts once anything beyond the pre-filled identity and unit is entered."""
    return any(col not in _IDENTITY for col in by_col)


def _row(number: int, by_col: dict[int, _AnyCell]) -> ObservationRow:
    values = {name: (by_col[i].value if i in by_col else None) for i, (name, _) in enumerate(FIELDS, start=1)}
    value_cell = by_col.get(list(COLUMNS).index("value") + 1)
    percent = value_cell is not None and "%" in (value_cell.number_format or "")
    texts = {k: ("" if v is None else v) for k, v in values.items() if k != "value"}
    return ObservationRow(**texts, value=values["value"], sheet=DATA_SHEET, line=number, columns=COLUMNS,
                          percent_format=percent)
