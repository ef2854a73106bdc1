"""XLSX tables: one worksheet per (title, header, rows), header frozen, every cell made formula-safe.

(The evaluation report's formatted workbook is ``reports/xlsx.py``; this writes plain tables.)
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from planwatch.reports.tables import safe_row

Sheet = tuple[str, Sequence[Any], Iterable[Iterable[Any]]]
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    """One worksheet per (title, header, rows); titles cut to Excel's 31 characters."""
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
