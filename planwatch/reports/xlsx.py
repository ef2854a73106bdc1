"""The report as an Excel workbook (openpyxl; pure): a sheet per section, numbers as numbers.

Every cell value passes through ``tables.spreadsheet_safe`` (text that looks like a formula stays
text). Grade cells take their grade's colour; the completion column also gets a colour scale (a
conditional format, so it follows the numbers if someone edits them).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.reports.charts import GRADE_STYLES
from planwatch.reports.content import Report
from planwatch.reports.layout import (
    Table,
    county_grade_matrix,
    county_tables,
    cover_lines,
    lagging_table,
    main_table,
    sources_table,
    targets_table,
)
from planwatch.reports.tables import spreadsheet_safe

if TYPE_CHECKING:
    from planwatch.reports.figures import ReportFigures

HEADER_FILL = PatternFill("solid", fgColor="E0E0E0")
WHITE = Font(color="FFFFFF")
BOLD = Font(bold=True)


def _put_table(sheet: Worksheet, table: Table, start: int, *, title: bool = True) -> int:
    """Write ``table`` from row ``start``; returns the next free row."""
    row = start
    if title:
        sheet.cell(row=row, column=1, value=spreadsheet_safe(table.title)).font = BOLD
        row += 1
    for col, text in enumerate(table.header, start=1):
        cell = sheet.cell(row=row, column=col, value=spreadsheet_safe(text))
        cell.font, cell.fill = BOLD, HEADER_FILL
    header_row = row
    for cells in table.rows:
        row += 1
        for col, item in enumerate(cells, start=1):
            cell = sheet.cell(row=row, column=col, value=spreadsheet_safe(item.value))
            if item.number is not None and item.number_format:
                cell.number_format = item.number_format
            style = GRADE_STYLES.get(item.grade or "")
            if style is not None and item.text:
                cell.fill = PatternFill("solid", fgColor=style.colour.lstrip("#").upper())
                cell.font = WHITE
    return max(row, header_row) + 2


def _lines(sheet: Worksheet, lines: list[str], start: int = 1) -> int:
    for offset, line in enumerate(lines):
        cell = sheet.cell(row=start + offset, column=1, value=spreadsheet_safe(line))
        cell.alignment = Alignment(wrap_text=False)
    return start + len(lines) + 1


def _widths(sheet: Worksheet, widths: dict[int, float] | None = None) -> None:
    for col in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(col)].width = (widths or {}).get(col, 14)


def write_xlsx(report: Report, figures: ReportFigures | None = None) -> bytes:  # figures: not drawn in a workbook
    w = report.words
    book = Workbook()
    cover = book.active
    assert isinstance(cover, Worksheet)  # a new workbook's one sheet
    cover.title = "封面" if report.language == "zh" else "Cover"
    _lines(cover, [report.title, *cover_lines(report)])
    cover["A1"].font = Font(bold=True, size=14)

    overview = book.create_sheet(_name(w["overview"]))
    row = _lines(overview, [*report.overview, report.warnings, *report.pillar_sentences])
    from planwatch.reports.layout import counts_table

    _put_table(overview, counts_table(report), row)
    _widths(overview, {1: 16})

    table = main_table(report)
    sheet = book.create_sheet(_name(w["table"]))
    _put_table(sheet, table, 1, title=False)
    sheet.freeze_panes = "C2"
    last = len(table.rows) + 1
    sheet.conditional_formatting.add(
        f"I2:I{last}",
        ColorScaleRule(
            start_type="num",
            start_value=0,
            start_color="F8696B",
            mid_type="num",
            mid_value=0.5,
            mid_color="FFEB84",
            end_type="num",
            end_value=1,
            end_color="63BE7B",
        ),
    )
    _widths(sheet, {2: 30, 6: 24})

    pillars = book.create_sheet(_name(w["pillars"]))
    row = 1
    header = [w["col_pillar"], w["col_name"], w["col_target"], w["col_kind"], w["col_grade"], w["col_reason"]]
    for col, text in enumerate(header, start=1):
        cell = pillars.cell(row=1, column=col, value=spreadsheet_safe(text))
        cell.font, cell.fill = BOLD, HEADER_FILL
    for pillar in report.pillars:
        for r in pillar.rows:
            row += 1
            for col, value in enumerate(
                (pillar.name, r.name, r.target, r.detail, r.grade_label, r.reason), start=1
            ):
                pillars.cell(row=row, column=col, value=spreadsheet_safe(value or None))
    _widths(pillars, {2: 30, 3: 24, 4: 40, 6: 60})

    lagging = book.create_sheet(_name(w["lagging"]))
    _put_table(lagging, lagging_table(report), 1, title=False)
    _widths(lagging, {1: 30, 9: 60})

    if report.work is not None:
        work = book.create_sheet(_name(w["work"]))
        _lines(work, report.work.lines)

    counties = book.create_sheet(_name(report.heading("counties")))
    row = _lines(counties, [w["counties_intro"]])
    if report.counties.indicators:
        row = _put_table(counties, county_grade_matrix(report), row)
        for t in county_tables(report):
            row = _put_table(counties, t, row)
    else:
        _lines(counties, [w["counties_none"]], row)
    _widths(counties)

    problems = book.create_sheet(_name(report.heading("problems")))
    _lines(problems, [w["problems_intro"] if report.problems else w["no_problems"], *report.problems])
    steps = book.create_sheet(_name(report.heading("next_steps")))
    _lines(steps, [w["next_intro"] if report.next_steps else w["no_problems"], *report.next_steps])

    methods = book.create_sheet(_name(w["methods_title"]))
    _lines(methods, [*report.methods, *report.settings])
    targets = book.create_sheet(_name(w["targets_title"]))
    _put_table(targets, targets_table(report), 1, title=False)
    vintages = book.create_sheet(_name(w["vintages_title"]))
    _put_table(vintages, sources_table(report, every_region=True), 1, title=False)
    _widths(vintages, {1: 30, 7: 60})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _name(title: str) -> str:
    from planwatch.reports.layout import _sheet

    return _sheet(title)
