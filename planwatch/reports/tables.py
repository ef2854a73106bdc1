"""The one rule every table Planwatch writes for a spreadsheet (CSV or XLSX) follows.

Downloads are opened in Excel, WPS or LibreOffice, which run a text cell that begins like a formula
(=, +, -, @, tab, carriage return) as a formula: a source typed as ``=HYPERLINK("http://…"&A2)`` would
become a working link in the reviewer's sheet. ``spreadsheet_safe`` writes such text with a leading
apostrophe, so it stays text; numbers (including negative ones) stay numbers. The writers in
``reports/formats`` (``csv``, ``xlsx``) apply it to every cell, so no caller can forget.
"""

from __future__ import annotations

from collections.abc import Iterable
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
