"""The report as one self-contained HTML file (pure): CSS inline, figures as data URIs, a print stylesheet.

Opens offline from a file, prints on A4 from a browser, and is what ``pdf.write_pdf`` hands to
WeasyPrint. Every text is escaped; grade cells carry the grade's word, colour and shape.
"""

from __future__ import annotations

import base64
from html import escape

from planwatch.reports.charts import GRADE_STYLES
from planwatch.reports.content import Report
from planwatch.reports.figures import ReportFigures
from planwatch.reports.layout import Block, Cell, Table, cover_lines, sections

CSS = """
:root { --ink: #1a1a1a; }
body { font-family: "仿宋", "FangSong", "Noto Serif CJK SC", "Noto Serif CJK", serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; font-size: 12pt; }
h1, h2, h3, .cover h1 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; }
h1 { font-size: 16pt; margin-top: 2em; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
.cover { text-align: center; padding: 6rem 0 4rem; }
.cover h1 { font-size: 22pt; }
.cover p { margin: .3em 0; }
p.warning { font-weight: bold; font-family: "黑体", "SimHei", "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: 9pt;
        font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; }
th, td { border: 1px solid #9e9e9e; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #e0e0e0; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap, th { white-space: nowrap; }
table.fixed { table-layout: fixed; } table.fixed th { white-space: normal; }
table.fixed td.num, table.fixed td.grade { white-space: normal; }
td.grade { color: #fff; white-space: nowrap; }
figure { margin: .5em 0; } figure img { max-width: 100%; height: auto; }
ol.items li { margin: .3em 0; }
@page { size: A4; margin: 2.2cm 1.8cm;
        @bottom-center { content: counter(page); font-size: 9pt; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .cover { page-break-after: always; }
  h1 { page-break-before: always; }
  h1.first { page-break-before: avoid; }
  h1, h2, h3 { page-break-after: avoid; }
  figure, tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


GRADE_CSS = "".join(f"td.g-{s.css} {{ background: {s.colour}; }}\n" for s in GRADE_STYLES.values())


def _cell(item: Cell, wrap: bool = True) -> str:
    style = GRADE_STYLES.get(item.grade or "")
    text = escape(item.text)
    if style is not None and item.text:
        return f'<td class="grade g-{style.css}">{style.symbol} {text}</td>'
    classes = [name for name, on in (("num", item.number is not None), ("nowrap", not wrap)) if on]
    css = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{css}>{text}</td>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    wraps = [
        table.wrap is None or i in table.wrap or table.widths is not None for i in range(len(table.header))
    ]
    body = "".join(
        "<tr>" + "".join(_cell(c, wraps[i]) for i, c in enumerate(row)) + "</tr>" for row in table.rows
    )
    if table.widths:
        cols = "".join(f'<col style="width:{w}%">' for w in table.widths)
        return (
            f'<table class="fixed"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<figure><img alt="{escape(alt)}" src="data:image/png;base64,{data}"></figure>'


def _figure(figures: ReportFigures, key: str) -> bytes | None:
    if key == "county_map":
        return figures.county_map
    return figures.indicators.get(key.split(":", 1)[1])


def _block(block: Block, report: Report, figures: ReportFigures, state: dict) -> str:
    kind = block.kind
    if kind == "cover":
        lines = "".join(f"<p>{escape(line)}</p>" for line in cover_lines(report))
        return f'<section class="cover"><h1>{escape(report.title)}</h1>{lines}</section>'
    if kind.startswith("heading"):
        level = int(kind[-1])
        css = ""
        if level == 1 and not state.get("first"):
            state["first"] = True
            css = ' class="first"'
        return f"<h{level}{css}>{escape(block.text)}</h{level}>"
    if kind == "paragraph":
        css = ' class="warning"' if block.extra.get("warning") else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if kind == "item":
        return f"<li>{escape(block.text)}</li>"
    if kind == "table" and block.table is not None:
        return _table(block.table)
    if kind == "figure":
        png = _figure(figures, block.figure)
        if png is not None:
            return _img(png, block.figure)
        return f"<p>{escape(block.text)}</p>" if block.text else ""
    return ""


def write_html(report: Report, figures: ReportFigures) -> bytes:
    parts: list[str] = []
    state: dict = {}
    in_list = False
    for block in sections(report):
        if block.kind == "item" and not in_list:
            parts.append('<ol class="items">')
            in_list = True
        elif block.kind != "item" and in_list:
            parts.append("</ol>")
            in_list = False
        parts.append(_block(block, report, figures, state))
    if in_list:
        parts.append("</ol>")
    lang = "zh-Hans" if report.language == "zh" else "en"
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(report.title)}</title><style>{CSS}{GRADE_CSS}</style></head><body>"
        + "\n".join(p for p in parts if p)
        + "</body></html>"
    )
    return page.encode("utf-8")
