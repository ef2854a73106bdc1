"""The report as a Word document (python-docx; pure).

A4 portrait; headings in 黑体 and body in 仿宋 where the machine has those fonts, else Noto Sans / Serif
CJK — set as the east-Asian font on the styles, so Word does not fall back to a Latin font for Chinese.
Tables are real Word tables (grades coloured, colour never the only signal: the word is in the cell);
charts are the report's PNG figures.
"""

from __future__ import annotations

import io
from functools import lru_cache

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from planwatch.reports.charts import GRADE_STYLES
from planwatch.reports.content import Report
from planwatch.reports.figures import ReportFigures
from planwatch.reports.layout import Block, Table, cover_lines, sections

HEADING_FONTS = ("黑体", "SimHei", "Noto Sans CJK SC")
BODY_FONTS = ("仿宋", "仿宋_GB2312", "FangSong", "Noto Serif CJK SC")


@lru_cache(maxsize=1)
def _installed() -> set[str]:
    from matplotlib import font_manager

    return {f.name for f in font_manager.fontManager.ttflist}


def pick_font(candidates: tuple[str, ...]) -> str:
    """The first font the machine has (Word on the reader's machine substitutes by the same name)."""
    have = _installed()
    return next((name for name in candidates if name in have), candidates[-1])


def _east_asian(style_or_run, name: str) -> None:
    style_or_run.font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)


def _setup(document, heading: str, body: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    styles = document.styles
    _east_asian(styles["Normal"], body)
    styles["Normal"].font.size = Pt(12)
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 14), ("Heading 3", 12)):
        _east_asian(styles[name], heading)
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
    _east_asian(styles["Table Grid"], body)


def _shade(cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), colour.lstrip("#"))
    props.append(shade)


def _table(document, table: Table) -> None:
    grid = document.add_table(rows=len(table.rows) + 1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = grid.rows
    for index, text in enumerate(table.header):
        cell = rows[0].cells[index]
        cell.text = text
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = Pt(9)
        _shade(cell, "#e0e0e0")
    _repeat_header(rows[0])
    for r, cells in enumerate(table.rows, start=1):
        row_cells = rows[r].cells
        for c, item in enumerate(cells):
            target = row_cells[c]
            target.text = item.text
            run = target.paragraphs[0].runs[0] if target.paragraphs[0].runs else target.paragraphs[0].add_run("")
            run.font.size = Pt(9)
            style = GRADE_STYLES.get(item.grade or "")
            if style is not None and item.text:
                _shade(target, style.colour)
                run.font.color.rgb = RGBColor(255, 255, 255)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _cover(document, report: Report) -> None:
    for _ in range(6):
        document.add_paragraph()
    title = document.add_paragraph(report.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in cover_lines(report):
        p = document.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_page_break()


def _block(document, block: Block, report: Report, figures: ReportFigures) -> None:
    if block.kind == "cover":
        _cover(document, report)
    elif block.kind in ("heading1", "heading2", "heading3"):
        document.add_heading(block.text, level=int(block.kind[-1]))
    elif block.kind == "paragraph":
        p = document.add_paragraph(block.text)
        if block.extra.get("warning"):
            for run in p.runs:
                run.bold = True
    elif block.kind == "item":
        document.add_paragraph(block.text, style="List Number")
    elif block.kind == "table" and block.table is not None:
        _table(document, block.table)
    elif block.kind == "figure":
        png = _figure(figures, block.figure)
        if png is not None:
            document.add_picture(io.BytesIO(png), width=Cm(15))
        elif block.text:
            document.add_paragraph(block.text)


def _figure(figures: ReportFigures, key: str) -> bytes | None:
    if key == "county_map":
        return figures.county_map
    return figures.indicators.get(key.split(":", 1)[1])


def write_docx(report: Report, figures: ReportFigures) -> bytes:
    document = Document()
    _setup(document, pick_font(HEADING_FONTS), pick_font(BODY_FONTS))
    document.core_properties.title = report.title
    document.core_properties.author = "Planwatch"
    for block in sections(report):
        _block(document, block, report, figures)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
