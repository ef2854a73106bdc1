"""The report as PDF: WeasyPrint renders the HTML edition (pure; fonts from the system's fontconfig).

The CJK fonts (Debian ``fonts-noto-cjk``) are embedded as subsets, so the file reads the same on a
machine without them. The print stylesheet of ``html.CSS`` sets A4 and page numbers.
"""

from __future__ import annotations

from planwatch.reports.content import Report
from planwatch.reports.figures import ReportFigures
from planwatch.reports.html import write_html


def html_to_pdf(html: bytes) -> bytes:
    from weasyprint import HTML  # imported here: WeasyPrint is slow to import and only PDF needs it

    return HTML(string=html.decode("utf-8"), base_url=None).write_pdf()


def write_pdf(report: Report, figures: ReportFigures, html: bytes | None = None) -> bytes:
    """``html`` reuses an HTML edition already written for the same report."""
    return html_to_pdf(html if html is not None else write_html(report, figures))
