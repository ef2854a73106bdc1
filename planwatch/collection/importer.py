"""One entry for every upload: pick the reader by file name, then check the rows.

``import_file(name, data, **context)`` returns a ``rules.CheckResult``: the clean rows (ready
for drafts) and every problem. File-level refusals (size, format, zip bomb, sheets, header)
stop before the rows are checked, so a hostile file never reaches the rules or the database.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from planwatch.collection.csv_import import read_csv
from planwatch.collection.problems import file_problem
from planwatch.collection.rules import CheckResult, clean_observations, problem_order
from planwatch.collection.workbook import SheetRows, read_workbook

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


OPENDOCUMENT_SUFFIXES = (".ods", ".fods", ".ots")
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def _save_as_xlsx(name: str) -> SheetRows:
    return SheetRows(problems=[file_problem(
        f"文件「{name}」是 OpenDocument 表格(.ods),请在 LibreOffice 或 WPS 中用「文件 → 另存为」选择"
        f"「Excel 2007-365 (.xlsx)」后再上传", rule="format")])


def read_rows(name: str, data: bytes) -> SheetRows:
    """The rows as entered, or the file-level problems."""
    suffix = PurePath(name).suffix.lower()
    # An .ods (or one renamed to .xlsx) starts with its stored "mimetype" member: say how to convert it.
    if suffix in OPENDOCUMENT_SUFFIXES or data[30:30 + len(_ODS_MIMETYPE)] == _ODS_MIMETYPE:
        return _save_as_xlsx(name)
    if suffix in EXCEL_SUFFIXES:
        return read_workbook(data, name)
    if suffix in CSV_SUFFIXES:
        return read_csv(data, name)
    return SheetRows(problems=[file_problem(f"文件「{name}」的类型不受支持,请上传 .xlsx 模板或 .csv 文件",
                                            rule="format")])


def import_file(name: str, data: bytes, **context: Any) -> CheckResult:
    """Read and check; ``context`` is ``clean_observations``' keyword arguments."""
    read = read_rows(name, data)
    if not read.rows or any(p.row is None or p.row == 1 for p in read.problems):
        return CheckResult(problems=read.problems)
    result = clean_observations(read.rows, **context)
    result.problems = sorted(read.problems + result.problems, key=problem_order)
    return result
