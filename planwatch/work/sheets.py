"""The bureau's two workbooks: 任务分工 (who leads and who helps on each task) and 项目台账 (the project ledger).

Written with ``planwatch.reports.formats.xlsx`` (every cell made formula-safe) and read back with
openpyxl after the collection guard has checked the container (size, zip bomb, not-really-xlsx).
Reading returns rows *and* every problem at once, each named by row and column in Chinese
("第5行 C列:牵头单位「市交通局」不是已知单位"); the caller stores nothing when there is any problem.
Units are named as people write them: a unit's full name, or a county's name for its government
(于都县 → 于都县人民政府); the caller passes the lookup.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planwatch.collection.guard import check_xlsx_container
from planwatch.collection.problems import ImportProblem, column_letter, file_problem
from planwatch.collection.values import clean_text, grain_patterns, match_grain, parse_number
from planwatch.reports.formats.xlsx import xlsx_bytes

TASK_SHEET = "任务分工"
TASK_HEADER = ("序号", "任务", "牵头单位", "配合单位", "完成时限")
PROJECT_SHEET = "项目台账"
PROJECT_HEADER = (
    "编号",
    "专栏",
    "项目名称",
    "所在县(市、区)",
    "牵头单位",
    "国家项目代码",
    "总投资(亿元)",
    "年度计划投资(亿元)",
    "已完成投资(亿元)",
    "开工时间",
    "竣工时间",
    "建设阶段",
)
STAGES = ("谋划", "前期", "在建", "建成", "投产")
_SEPARATORS = re.compile(r"[、,,;;\s]+")
_DATE_PATTERNS = grain_patterns(
    day=(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$", r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    month=(r"^(\d{4})[-/.](\d{1,2})$", r"^(\d{4})年(\d{1,2})月(?:底|末)?$"),
    year=(r"^(\d{4})年?(?:底|末)?$",),
)

Resolve = Callable[[str], str | None]
_Row = TypeVar("_Row")


@dataclass(frozen=True)
class TaskRow:
    number: int
    title: str
    lead: str  # canonical unit name, "" when unassigned
    cooperating: tuple[str, ...]
    deadline: dt.date | None


@dataclass(frozen=True)
class ProjectRow:
    key: int
    box: str
    name: str
    county: str
    lead: str
    # The ledger fields, named as the project's own (``KeyProject``) so a row goes to the service as it is.
    code: str
    total_investment: float | None
    planned_investment: float | None
    investment_done: float | None
    start_date: dt.date | None
    finish_date: dt.date | None
    stage: str


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def parse_deadline(raw: object) -> dt.date | None | str:
    """A date, None when blank, or the reason: 2025-06-30, 2025年6月 (→ 30 June), 2025年底 (→ 31 Dec)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = clean_text(raw).replace(" ", "")
    if not text:
        return None
    found = match_grain(text, _DATE_PATTERNS)
    if found:
        grain, match = found
        parts = [int(g) for g in match.groups()]
        try:
            if grain == "day":
                return dt.date(*parts)
            if grain == "month":
                return _month_end(parts[0], parts[1])
            return dt.date(parts[0], 12, 31)
        except ValueError:
            pass
    return f"日期「{text}」无法识别,请写成 2025-12-31、2025年12月 或 2025年底"


def _date_text(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def task_sheet_bytes(rows: Iterable[TaskRow]) -> bytes:
    body = ([r.number, r.title, r.lead, "、".join(r.cooperating), _date_text(r.deadline)] for r in rows)
    return xlsx_bytes([(TASK_SHEET, TASK_HEADER, body)])


def project_sheet_bytes(rows: Iterable[ProjectRow]) -> bytes:
    body = (
        [
            r.key,
            r.box,
            r.name,
            r.county,
            r.lead,
            r.code,
            r.total_investment,
            r.planned_investment,
            r.investment_done,
            _date_text(r.start_date),
            _date_text(r.finish_date),
            r.stage,
        ]
        for r in rows
    )
    return xlsx_bytes([(PROJECT_SHEET, PROJECT_HEADER, body)])


class _Reader:
    """Collects the problems of one sheet; ``cell`` reads a column by its header name."""

    def __init__(self, sheet_name: str):
        self.sheet = sheet_name
        self.problems: list[ImportProblem] = []
        self.columns: dict[str, int] = {}
        self.row_number = 0
        self.values: Sequence[object] = ()

    def problem(self, column: str, message: str) -> None:
        letter = column_letter(self.columns[column] + 1) if column in self.columns else ""  # 1-based
        self.problems.append(ImportProblem(self.sheet, self.row_number, letter, message, rule="sheet"))

    def cell(self, column: str) -> object:
        index = self.columns[column]
        return self.values[index] if index < len(self.values) else None

    def text(self, column: str) -> str:
        return clean_text(self.cell(column))

    def units(self, column: str, resolve: Resolve) -> tuple[str, ...]:
        out = []
        for word in (w for w in _SEPARATORS.split(self.text(column)) if w):
            name = resolve(word)
            if name is None:
                self.problem(column, f"{column}「{word}」不是已知单位")
            elif name not in out:
                out.append(name)
        return tuple(out)

    def date(self, column: str) -> dt.date | None:
        parsed = parse_deadline(self.cell(column))
        if isinstance(parsed, str):
            self.problem(column, f"{column}:{parsed}")
            return None
        return parsed

    def number(self, column: str) -> float | None:
        raw = self.cell(column)
        if clean_text(raw) == "":
            return None
        parsed = parse_number(raw)
        if isinstance(parsed, str):
            self.problem(column, f"{column}:{parsed}")
            return None
        if parsed.value < 0:
            self.problem(column, f"{column}不能为负数")
            return None
        return parsed.value


def _open(
    data: bytes, name: str, sheet_name: str, header: Sequence[str]
) -> tuple[tuple[_Reader, Sequence[Sequence[object]]] | None, list[ImportProblem]]:
    """The data rows of the named sheet and a reader, or the file-level problem."""
    refused = check_xlsx_container(data, name)
    if refused:
        return None, [refused]
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure to open is the same message to the user
        return None, [file_problem(f"文件「{name}」不是有效的 Excel(.xlsx)文件")]
    if sheet_name not in book.sheetnames:
        return None, [file_problem(f"文件「{name}」中没有工作表「{sheet_name}」")]
    rows = list(book[sheet_name].iter_rows(values_only=True))
    found = [clean_text(v) for v in (rows[0] if rows else ())]
    missing = [h for h in header if h not in found]
    if missing:
        return None, [ImportProblem(sheet_name, 1, "", f"缺少列「{'」「'.join(missing)}」", rule="header")]
    reader = _Reader(sheet_name)
    reader.columns = {h: found.index(h) for h in header}
    return (reader, rows[1:]), []


def _data_rows(reader: _Reader, rows: Iterable[Sequence[object]]) -> Iterator[int]:
    for offset, values in enumerate(rows, start=2):
        if all(clean_text(v) == "" for v in values):
            continue
        reader.row_number, reader.values = offset, values
        yield offset


def _key(reader: _Reader, column: str, known: dict[int, str], seen: set[int], what: str) -> int | None:
    raw = reader.text(column)
    if not raw.isdigit() or int(raw) not in known:
        reader.problem(column, f"{column}「{raw}」没有对应的{what}")
        return None
    key = int(raw)
    if key in seen:
        reader.problem(column, f"{column} {key} 重复出现")
        return None
    seen.add(key)
    return key


def _read_keyed(
    data: bytes,
    name: str,
    sheet: tuple[str, Sequence[str]],
    columns: tuple[str, str],
    known: dict[int, str],
    what: str,
    read_row: Callable[[_Reader, int, str], _Row],
) -> tuple[list[_Row], list[ImportProblem]]:
    """The rows of a sheet (name, header) keyed by ``columns`` (key column, name column), each read by
    ``read_row``: a row with an unknown or repeated key is left out, and the name must stay the one the
    key stands for (a changed name is a problem, the row still read)."""
    opened, problems = _open(data, name, *sheet)
    if opened is None:
        return [], problems
    reader, rows = opened
    key_column, name_column = columns
    out: list[_Row] = []
    seen: set[int] = set()
    for _row in _data_rows(reader, rows):
        key = _key(reader, key_column, known, seen, what)
        if key is None:
            continue
        text = reader.text(name_column)
        if text != known[key]:
            reader.problem(
                name_column,
                f"{key_column} {key} 的{what}是「{known[key]}」,表中写的是「{text}」;请勿改动{what}名称",
            )
        out.append(read_row(reader, key, text))
    return out, reader.problems


def _lead(reader: _Reader, resolve: Resolve) -> tuple[str, ...]:
    lead = reader.units("牵头单位", resolve)
    if len(lead) > 1:
        reader.problem("牵头单位", "牵头单位只能填一个")
    return lead


def read_task_sheet(
    data: bytes, name: str, *, tasks: dict[int, str], resolve: Resolve
) -> tuple[list[TaskRow], list[ImportProblem]]:
    """Rows of a 任务分工 sheet; ``tasks`` maps 序号 → the task's title (a row must keep its title)."""

    def read_row(reader: _Reader, number: int, title: str) -> TaskRow:
        lead = _lead(reader, resolve)
        cooperating = tuple(u for u in reader.units("配合单位", resolve) if u not in lead)
        return TaskRow(number, title, lead[0] if lead else "", cooperating, reader.date("完成时限"))

    return _read_keyed(data, name, (TASK_SHEET, TASK_HEADER), ("序号", "任务"), tasks, "任务", read_row)


def read_project_sheet(
    data: bytes, name: str, *, projects: dict[int, str], resolve: Resolve, counties: set[str]
) -> tuple[list[ProjectRow], list[ImportProblem]]:
    """Rows of a 项目台账 sheet; ``projects`` maps 编号 → the project's name."""

    def read_row(reader: _Reader, key: int, project_name: str) -> ProjectRow:
        county = reader.text("所在县(市、区)")
        if county and county not in counties:
            reader.problem("所在县(市、区)", f"所在县(市、区)「{county}」不是已知地区")
        lead = _lead(reader, resolve)
        stage = reader.text("建设阶段")
        if stage and stage not in STAGES:
            reader.problem("建设阶段", f"建设阶段「{stage}」应为{'、'.join(STAGES)}之一")
        code = reader.text("国家项目代码")
        if len(code) > 40:
            reader.problem("国家项目代码", "国家项目代码过长(最多 40 个字符)")
        start, finish = reader.date("开工时间"), reader.date("竣工时间")
        if start and finish and finish < start:
            reader.problem("竣工时间", "竣工时间早于开工时间")
        return ProjectRow(
            key,
            reader.text("专栏"),
            project_name,
            county,
            lead[0] if lead else "",
            code,
            reader.number("总投资(亿元)"),
            reader.number("年度计划投资(亿元)"),
            reader.number("已完成投资(亿元)"),
            start,
            finish,
            stage,
        )

    return _read_keyed(
        data, name, (PROJECT_SHEET, PROJECT_HEADER), ("编号", "项目名称"), projects, "项目", read_row
    )
