"""The reader's word lists, read from ``planwatch/data/reading`` (see the README there).

Rules in the reader name no words of their own where a list can say it: qualitative target words,
header words of indicator-table columns, the phrases that open a prose statement of targets, and the
compound words a "分别" sentence splits. A plan may add qualitative words of its own.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from planwatch.data import DATA_DIR
from planwatch.documents.units import known_units

READING_DIR = DATA_DIR / "reading"
# Units that follow a figure in plan text besides those the unit table converts.
_EXTRA_UNITS = (
    "个百分点",
    "百分点",
    "平方公里",
    "平方米",
    "万平方米",
    "公里",
    "千米",
    "万千瓦",
    "千瓦",
    "万千瓦时",
    "亿千瓦时",
    "吨标准煤",
    "万吨标准煤",
    "亿吨标准煤",
    "立方米",
    "亿立方米",
    "万立方米",
    "标准箱",
    "万标准箱",
    "件",
    "户",
    "万户",
    "所",
    "座",
    "项",
    "处",
    "条",
    "台",
    "辆",
    "万辆",
    "床",
    "天",
    "小时",
    "分钟",
    "次",
    "名",
    "位",
    "元/人",
    "万元/人",
    "人/万人",
    "个/万人",
)


def read_word_list(path: Path) -> tuple[str, ...]:
    """One word a line; blank lines and "#" comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8-sig").splitlines())
    return tuple(line for line in lines if line)


@cache
def qualitative_words() -> tuple[str, ...]:
    return read_word_list(READING_DIR / "qualitative.txt")


@cache
def target_cues() -> tuple[str, ...]:
    return tuple(sorted(read_word_list(READING_DIR / "target-cues.txt"), key=len, reverse=True))


@cache
def distributive_words() -> dict[str, tuple[str, ...]]:
    with (READING_DIR / "distributive.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["word"]: tuple(p for p in row["parts"].split(";") if p) for row in csv.DictReader(handle)}


@cache
def column_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(role, header words) in the file's order, which is the order roles are tried."""
    with (READING_DIR / "columns.csv").open(encoding="utf-8-sig", newline="") as handle:
        return tuple(
            (row["role"], tuple(w for w in row["words"].split(";") if w)) for row in csv.DictReader(handle)
        )


@cache
def unit_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys((*known_units(), *_EXTRA_UNITS)))
