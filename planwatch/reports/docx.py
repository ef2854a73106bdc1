"""The report as a Word document (python-docx; pure).

A4 portrait; headings in 黑体 and body in 仿宋 where the machine has those fonts, else Noto Sans / Serif
CJK — set as the east-Asian font on the styles, so Word does not fall back to a Latin font for Chinese.
Tables are real Word tables (grades coloured, colour never the only signal: the word is in the cell);
charts are the report's PNG figures.
"""

from __future__ import annotations

import io
from functools import lru_cache
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.text.run import Run

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


def _east_asian(style_or_run: CharacterStyle | Run, name: str) -> None:
    style_or_run.font.name = name
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    # Word's built-in heading styles name theme fonts (w:asciiTheme, w:eastAsiaTheme …), and a theme
    # attribute overrides the font named beside it (ECMA-376 §17.3.2.26): headings would come out in the
    # theme's font, not 黑体. Drop them so the named font is the one used.
    for theme in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)


def _setup(document: DocumentObject, heading: str, body: str) -> None:
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


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run_xml(text: str, *, bold: bool = False, white: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ('<w:color w:val="FFFFFF"/>' if white else "") + '<w:sz w:val="18"/>'
    return f'<w:p><w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _cell_xml(text: str, *, fill: str | None = None, bold: bool = False, white: bool = False) -> str:
    shade = f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>' if fill else ""
    return f"<w:tc>{shade}{_run_xml(text, bold=bold, white=white)}</w:tc>"


def _table(document: DocumentObject, table: Table) -> None:
    """A real Word table, written as WordprocessingML in one piece.

    python-docx's cell API walks every cell of the table for each row it returns, so a 600-row
    table built cell by cell takes a minute; the same XML written at once takes milliseconds.
    """
    header = "".join(_cell_xml(text, fill="E0E0E0", bold=True) for text in table.header)
    rows = [f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>"]
    for cells in table.rows:
        parts = []
        for item in cells:
            style = GRADE_STYLES.get(item.grade or "")
            graded = style is not None and bool(item.text)
            parts.append(
                _cell_xml(
                    item.text,
                    fill=style.colour.lstrip("#").upper() if style is not None and graded else None,
                    white=graded,
                )
            )
        rows.append("<w:tr>" + "".join(parts) + "</w:tr>")
    grid = "".join("<w:gridCol/>" for _ in table.header)
    xml = (
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:jc w:val="center"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )
    document.element.body._insert_tbl(parse_xml(xml))


def _cover(document: DocumentObject, report: Report) -> None:
    for _ in range(6):
        document.add_paragraph()
    title = document.add_paragraph(report.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in cover_lines(report):
        p = document.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_page_break()


def _block(document: DocumentObject, block: Block, report: Report, figures: ReportFigures) -> None:
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
