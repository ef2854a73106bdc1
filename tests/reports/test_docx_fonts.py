"""The Word report names its fonts where Word reads them: no theme font overrides the heading font."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

from planwatch.reports.content import build_report
from planwatch.reports.docx import BODY_FONTS, HEADING_FONTS, pick_font, write_docx
from planwatch.reports.figures import draw_figures
from tests.reports.test_report_content import snapshot

THEMES = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def test_headings_and_body_use_the_named_cjk_fonts_not_the_themes():
    """Word's built-in Title and Heading styles carry w:asciiTheme/w:eastAsiaTheme; a theme attribute wins
    over the named font (ECMA-376 §17.3.2.26), so it must be gone for 黑体 (or Noto Sans CJK) to show."""
    report = build_report(snapshot())
    document = Document(io.BytesIO(write_docx(report, draw_figures(report))))
    heading, body = pick_font(HEADING_FONTS), pick_font(BODY_FONTS)
    for name, font in (("Normal", body), ("Title", heading), ("Heading 1", heading), ("Heading 2", heading)):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font and fonts.get(qn("w:ascii")) == font, name
        assert [t for t in THEMES if fonts.get(qn(t)) is not None] == [], name
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= used
