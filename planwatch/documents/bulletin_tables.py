"""Tables of a bulletin reposted one cell per line (pure; no Django).

Web reposts of county bulletins turn "表1 2022年税收及其增长速度" into a caption, header cells
("指标值(万元)", "比上年增长(%)") and then, for each row, its label and its numbers on lines of their own.
Such a table is read only when all of this holds:

- the caption names the subject ("…年税收及其增长速度") and the subject is one indicator of the
  dictionary (税收 → 税收收入), so each row is that indicator for a part: 税收收入(第一产业);
- the first header names a unit of that indicator's dimension, and a second header, if any, is a growth
  rate in %;
- every row is a label followed by exactly as many numbers as there are headers.

The total row (税收合计, 合计) is the indicator itself. Rows are proposed below the confident threshold:
a reviewer looks at every table figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.documents.bulletin_dictionary import Dictionary, Entry
from planwatch.documents.bulletin_sentence import UNIT, Found, unit_fits
from planwatch.documents.patterns import NUMBER, YEAR

TABLE_CONFIDENCE = 0.7
_CAPTION = re.compile(
    rf"{YEAR}年(?:末)?(?P<subject>[\u4e00-\u9fff]{{2,12}}?)及其(?:增长|增减)(?:速度|情况)"
)
_HEADER_UNIT = re.compile(rf"\((?P<unit>{UNIT})\)$")
_NUMBER = re.compile(NUMBER)
_LABEL = re.compile(r"^[#＃]?(?:其中:)?(?P<label>[\u4e00-\u9fff]{1,16})$")


@dataclass(frozen=True)
class TableFigure:
    """A row read as the figure a sentence would state (``Found``), under its own name: the caption's
    indicator for a total row, "指标(行名)" for a part of it."""

    indicator: str
    found: Found
    row_text: str
    line: int  # index in the cleaned text's lines


def _entry_for(subject: str, dictionary: Dictionary) -> Entry | None:
    exact = dictionary.entry(subject)
    if exact:
        return exact
    found = {e.indicator: e for e in dictionary.entries for p in e.phrases if p.startswith(subject)}
    return next(iter(found.values())) if len(found) == 1 else None


def _header(lines: list[tuple[int, str]], start: int) -> tuple[str, bool, int] | None:
    """(unit, has a growth column, index of the first row) from the header cells after a caption:
    words such as "指标" first, then the value's unit "(万元)", then perhaps "比上年增长(%)"."""
    unit, growth, i = "", False, start
    while i < len(lines) and not _NUMBER.search(lines[i][1].replace("(%)", "")):
        text = lines[i][1]
        if "增长" in text or "增减" in text:
            if not text.endswith("(%)"):
                return None
            growth = True
        elif match := _HEADER_UNIT.search(text):
            if unit:
                return None
            unit = match.group("unit")
        elif unit:
            break  # a plain cell after the unit is the first row's label
        i += 1
    return (unit, growth, i) if unit else None


def _rows(lines: list[tuple[int, str]], i: int, width: int) -> list[tuple[int, str, list[str]]]:
    rows = []
    while i + width < len(lines):
        label = _LABEL.match(lines[i][1])
        numbers = [lines[i + k][1] for k in range(1, width + 1)]
        if not label or not all(_NUMBER.fullmatch(n) for n in numbers):
            break
        rows.append((lines[i][0], label.group("label"), numbers))
        i += width + 1
    return rows


def read_tables(cleaned: str, dictionary: Dictionary) -> list[TableFigure]:
    lines = [(n, line.strip()) for n, line in enumerate(cleaned.split("\n")) if line.strip()]
    found = []
    for k, (_n, text) in enumerate(lines):
        caption = _CAPTION.search(text)
        if not caption:
            continue
        entry = _entry_for(caption.group("subject"), dictionary)
        header = _header(lines, k + 1)
        if entry is None or entry.kind != "level" or header is None or not unit_fits(entry, header[0]):
            continue
        unit, growth, first = header
        for line, label, numbers in _rows(lines, first, 2 if growth else 1):
            total = label.endswith(("合计", "总计")) or label in ("总量", "全部", caption.group("subject"))
            total = total or dictionary.canonical(label) == entry.indicator
            name = entry.indicator if total else f"{entry.indicator}({label})"
            rate = float(numbers[1]) if growth else None
            figure = Found(entry, float(numbers[0]), numbers[0], unit, rate, "", 0, TABLE_CONFIDENCE)
            found.append(TableFigure(name, figure, " ".join([label, *numbers]), line))
    return found
