"""Plain text for a terminal: a table whose columns line up, a Chinese character counted two columns wide.

The command line prints whole cells, never cut with "…": a terminal wraps a long line, and a script
reading the output (``grep``, ``awk`` on runs of two spaces) needs every cell whole. No styling library is
loaded for it (Rich took a tenth of a second to lay out the evaluation table).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

GAP = "  "


def terminal_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (汉字, full-width punctuation) take two, combining
    marks none, the rest one."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def table_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The header, a rule of dashes, then one line per row; columns two spaces apart, each as wide as its
    widest cell; no trailing spaces."""
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(terminal_width(row[i]) for row in cells) for i in range(len(header))]
    lines = [_line(row, widths) for row in cells]
    lines.insert(1, GAP.join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [cell + " " * (width - terminal_width(cell)) for cell, width in zip(cells, widths, strict=True)]
    return GAP.join(padded).rstrip()
