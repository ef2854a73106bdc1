"""CSV: every cell made formula-safe; UTF-8 with a BOM for Excel on a Chinese Windows.

(The module shares the standard library's name only inside this package; ``import csv`` below is the
standard library, as imports are absolute.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from planwatch.reports.tables import safe_row

if TYPE_CHECKING:
    import pandas as pd

BOM = "\ufeff"


def csv_text(header: Sequence[Any], rows: Iterable[Iterable[Any]], *, line_end: str = "\n") -> str:
    """CSV text with every cell made safe; no BOM (``csv_bytes`` adds one).

    ``line_end`` is "\\n" for files and standard output; the monitoring exports keep the CSV
    standard's "\\r\\n" (RFC 4180) that they have always written.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return buffer.getvalue()


def csv_bytes(header: Sequence[Any], rows: Iterable[Iterable[Any]], *, line_end: str = "\n") -> bytes:
    """UTF-8 with a BOM so that Excel on a Chinese Windows opens it without mojibake."""
    return (BOM + csv_text(header, rows, line_end=line_end)).encode("utf-8")


def records_text(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """Rows (dicts) as CSV text in the order of ``columns``, a missing value (None) as an empty cell."""
    return csv_text(list(columns), (["" if r[c] is None else r[c] for c in columns] for r in records))


def frame_text(frame: pd.DataFrame) -> str:
    """A data frame as CSV text, missing values as empty cells (not "nan" or "<NA>")."""
    plain = frame.astype(object).where(frame.notna(), "")
    return csv_text(list(plain.columns), plain.itertuples(index=False, name=None))
