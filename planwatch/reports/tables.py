"""Every table Planwatch writes for a spreadsheet (CSV or XLSX) goes through here.

Downloads are opened in Excel, WPS or LibreOffice, which run a text cell that begins like a formula
(=, +, -, @, tab, carriage return) as a formula: a source typed as ``=HYPERLINK("http://…"&A2)`` would
become a working link in the reviewer's sheet. ``spreadsheet_safe`` writes such text with a leading
apostrophe, so it stays text; numbers (including negative ones) stay numbers. The writers below apply it
to every cell, so no caller can forget.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [spreadsheet_safe(cell) for cell in row]


def csv_text(header: Sequence[Any], rows: Iterable[Iterable[Any]]) -> str:
    """CSV text with every cell made safe; no BOM (``csv_bytes`` adds one for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()


def csv_bytes(header: Sequence[Any], rows: Iterable[Iterable[Any]]) -> bytes:
    """UTF-8 with a BOM so that Excel on a Chinese Windows opens it without mojibake."""
    return ("\ufeff" + csv_text(header, rows)).encode("utf-8")


def xlsx_bytes(sheets: Iterable[tuple[str, Sequence[Any], Iterable[Iterable[Any]]]]) -> bytes:
    """One worksheet per (title, header, rows); header frozen; every cell made safe."""
    from openpyxl import Workbook  # imported here: openpyxl is slow to import and most callers write CSV

    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook has one sheet, replaced by the named ones
    book.remove(first)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        sheet.append(safe_row(header))
        for row in rows:
            sheet.append(safe_row(row))
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
