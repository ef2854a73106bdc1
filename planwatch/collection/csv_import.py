"""CSV bulk loads: the same rows, problems and all-or-nothing rule as the Excel template.

Columns are named in Chinese or English (指标/indicator, 地区/region, 年份/year, 数值/value,
单位/unit, 来源/source, 备注/note, 限定词/qualifier, 发布机构/publisher, 文件标题/document_title), in any
order; the first four are required, the rest optional.
Encodings: UTF-8 with or without BOM, then GB18030 — what Chinese Excel writes for "CSV
(逗号分隔)". Comma or tab separated. Row numbers are counted as Excel shows the file (the header
is row 1), columns as letters, so a reporter can find the cell either way.

``read_csv`` never raises on any input (a property test feeds it random bytes): it returns rows
or problems.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from planwatch.collection.guard import check_size
from planwatch.collection.model import FIELD_LABELS, FIELDS, ObservationRow
from planwatch.collection.problems import ImportProblem, column_letter, file_problem
from planwatch.collection.settings import setting
from planwatch.collection.values import name_key
from planwatch.collection.workbook import SheetRows

REQUIRED = ("indicator", "region", "period", "value")
_ALIASES = {
    "indicator": ("指标", "指标名称", "indicator"),
    "region": ("地区", "区域", "region"),
    "period": ("年份", "期别", "时期", "year", "period"),
    "value": ("数值", "值", "value"),
    "unit": ("单位", "计量单位", "unit"),
    "source": ("来源", "数据来源", "source"),
    "note": ("备注", "说明", "note"),
    "qualifier": ("限定词", "qualifier"),
    "publisher": ("发布机构", "发布单位", "publisher"),
    "document_title": ("文件标题", "文件名称", "document_title", "title"),
}
_HEADER_FIELD = {name_key(alias): field for field, aliases in _ALIASES.items() for alias in aliases}
_BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def read_csv(data: bytes, name: str = "上传文件.csv") -> SheetRows:
    """The rows of a CSV file, or the problems that refuse it as a whole."""
    refused = check_size(data, name) or _binary(data, name)
    if refused:
        return SheetRows(problems=[refused])
    text = _decode(data)
    if text is None:
        return SheetRows(problems=[file_problem(f"文件「{name}」的编码无法识别,请保存为 UTF-8 或 GB18030 编码的 CSV",
                                                rule="encoding")])
    if "\x00" in text:
        return SheetRows(problems=[file_problem(f"文件「{name}」含有空字符,不是文本 CSV 文件", rule="format")])
    try:
        records = _records(text, _delimiter(text))
    except csv.Error as error:
        return SheetRows(problems=[file_problem(f"文件「{name}」不是有效的 CSV:{error}", rule="format")])
    except UnclosedQuote as unclosed:
        return SheetRows(problems=[unclosed.problem])
    if not records or not any(cell.strip() for cell in records[0]):
        return SheetRows(problems=[file_problem(f"文件「{name}」没有表头(第1行应为:指标,地区,年份,数值,…)",
                                                rule="empty")])
    return _rows(records, name)


class UnclosedQuote(Exception):
    def __init__(self, line: int) -> None:
        self.problem = ImportProblem("", line, "", "引号(\")没有配对,其后各行会被并进同一个单元格:"
                                     "请补上配对的引号或删去多余的引号", rule="quote")
        super().__init__(self.problem.text)


def _records(text: str, delimiter: str) -> list[list[str]]:
    """The records, refusing a quote that is never closed (or closed only lines later, swallowing whole
    rows into one cell) with the line it opens on; a quoted cell with a line break of its own (a 备注 written
    on two lines in Excel) is fine."""
    records: list[list[str]] = []
    start = 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                raise UnclosedQuote(start) from error
            # strict mode also refuses text after a closing quote, which Excel tolerates: read leniently
            return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        width = len(records[0]) if records else 0
        if width > 1 and any(_swallows_rows(cell, delimiter, width) for cell in cells):
            raise UnclosedQuote(start)
        records.append(cells)
        start = reader.line_num + 1


def _swallows_rows(cell: str, delimiter: str, width: int) -> bool:
    """A cell whose later lines look like whole rows of the file (as many separators as the header)."""
    return "\n" in cell and any(line.count(delimiter) >= width - 1 for line in cell.split("\n")[1:])


def _binary(data: bytes, name: str) -> ImportProblem | None:
    if data.startswith(_BINARY_MAGIC):
        return file_problem(f"文件「{name}」是 Excel 文件而不是 CSV,请以 .xlsx 扩展名上传", rule="format")
    return None


def _decode(data: bytes) -> str | None:
    for encoding in setting("CSV_ENCODINGS"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


def _header(cells: list[str]) -> tuple[dict[str, int], list[ImportProblem]]:
    """field → 0-based column index, and the problems of the header row."""
    columns: dict[str, int] = {}
    found = []
    for index, cell in enumerate(cells):
        if not cell.strip():
            continue
        letter = column_letter(index + 1)
        field = _HEADER_FIELD.get(name_key(cell))
        if field is None:
            known = "、".join(label for _, label in FIELDS)
            found.append(ImportProblem("", 1, letter, f"无法识别的列「{cell.strip()}」(可用列:{known})", rule="header"))
        elif field in columns:
            found.append(ImportProblem("", 1, letter, f"列「{cell.strip()}」重复", rule="header"))
        else:
            columns[field] = index
    for field in REQUIRED:
        if field not in columns:
            found.append(ImportProblem("", 1, "", f"缺少列「{FIELD_LABELS[field]}」", rule="header"))
    return columns, found


def _rows(records: list[list[str]], name: str) -> SheetRows:
    columns, problems = _header(records[0])
    if problems:
        return SheetRows(problems=problems)
    body = [(number, cells) for number, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    if not body:
        return SheetRows(problems=[file_problem(f"文件「{name}」只有表头,没有数据行", rule="empty")])
    if len(body) > setting("MAX_ROWS"):
        return SheetRows(problems=[file_problem(f"文件「{name}」有 {len(body)} 行数据,超过上限 "
                                                f"{setting('MAX_ROWS')} 行,请分成几个文件上传", rule="rows")])
    letters = {field: column_letter(index + 1) for field, index in columns.items()}
    result = SheetRows()
    for number, cells in body:
        stray = [i for i, c in enumerate(cells) if c.strip() and i not in columns.values()]
        for index in stray:
            result.problems.append(ImportProblem("", number, column_letter(index + 1), "此列没有表头,请删除其中内容",
                                                 rule="header"))
        values: dict[str, Any] = {field: (cells[i] if i < len(cells) else "") for field, i in columns.items()}
        result.rows.append(ObservationRow(**values, line=number, columns=letters))
    return result
