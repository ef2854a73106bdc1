"""Read a downloaded CSV or XLSX back into rows (the same way a user's spreadsheet would)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook


def read_download(body: bytes, fmt: str) -> list[list]:
    if fmt == "csv":
        text = body.decode("utf-8")
        assert text.startswith("\ufeff"), "CSV needs a BOM for Excel"
        return list(csv.reader(io.StringIO(text[1:])))
    sheet = load_workbook(io.BytesIO(body)).active
    return [[("" if c is None else c) for c in row] for row in sheet.iter_rows(values_only=True)]
