"""Reading one cell as a number, a period or a piece of text, the way Chinese spreadsheets write them.

Each parser returns the parsed value or a Chinese reason; none raises on odd input
(full-width digits, thousands separators, "2023年一季度", an Excel date where a month was meant).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "十": 10, "十一": 11, "十二": 12,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def clean_text(raw: object) -> str:
    """A cell as text: NFKC (full-width → half-width), trimmed; None → ""."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return unicodedata.normalize("NFKC", str(raw)).strip()


def shown(raw: object) -> str:
    """The cell as the reporter typed it, for quoting in a message (「…」)."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    percent_sign: bool = False  # "85%": the reporter wrote a percent sign


def parse_number(raw: object) -> ParsedNumber | str:
    """A finite number, or the reason it is not one. "1,234.5" is read; "12,3" is not (ambiguous)."""
    if isinstance(raw, bool):
        return f"数值「{shown(raw)}」不是有效数字"
    if isinstance(raw, int | float | Decimal):
        number = float(raw)
        return ParsedNumber(number) if math.isfinite(number) else f"数值「{shown(raw)}」不是有效数字"
    text = clean_text(raw).replace(" ", "")
    percent = text.endswith("%")
    body = text[:-1] if percent else text
    if not body or not _NUMBER.match(body) or not any(ch.isdigit() for ch in body):
        return f"数值「{shown(raw)}」不是有效数字"
    number = float(body.replace(",", ""))
    if not math.isfinite(number):
        return f"数值「{shown(raw)}」不是有效数字"
    return ParsedNumber(number, percent_sign=percent)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; ``key`` is the monitoring app's form: 2024, 2024Q1, 2024M03."""

    year: int
    quarter: int | None = None
    month: int | None = None

    @property
    def key(self) -> str:
        if self.month:
            return f"{self.year}M{self.month:02d}"
        if self.quarter:
            return f"{self.year}Q{self.quarter}"
        return str(self.year)

    @property
    def label(self) -> str:
        """How a reporter reads it: 2024年, 2024年第1季度, 2024年3月."""
        if self.month:
            return f"{self.year}年{self.month}月"
        if self.quarter:
            return f"{self.year}年第{self.quarter}季度"
        return f"{self.year}年"

    def previous_year(self) -> Period:
        """The same period a year earlier, for year-on-year (同比) comparisons."""
        return Period(self.year - 1, self.quarter, self.month)


_PERIOD_PATTERNS = (
    (re.compile(r"^(\d{4})年?$"), "year"),
    (re.compile(r"^(\d{4})(?:年)?[Qq季]([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})年?第?([1-4一二三四])季度?$"), "quarter"),
    (re.compile(r"^(\d{4})[-/.Mm](\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})年(\d{1,2}|[一二三四五六七八九十]|十[一二])月(?:份)?$"), "month"),
)


def _small_int(text: str) -> int:
    return int(text) if text.isdigit() else _CN_DIGITS[text]


def parse_period(raw: object) -> Period | str:
    """2023, "2023年", "2023Q1", "2023年一季度", "2023-03", "2023年3月", or an Excel date (a month)."""
    if isinstance(raw, datetime | date):
        return Period(raw.year, month=raw.month)
    if isinstance(raw, float) and not raw.is_integer():
        return f"年份「{shown(raw)}」无法识别,应写作 2023、2023Q1 或 2023-03"
    text = clean_text(raw).replace(" ", "")
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        if kind == "year":
            return Period(year)
        sub = _small_int(match.group(2))
        if kind == "quarter":
            return Period(year, quarter=sub)
        if 1 <= sub <= 12:
            return Period(year, month=sub)
    return f"年份「{shown(raw)}」无法识别,应写作 2023、2023Q1 或 2023-03"


def name_key(text: object) -> str:
    """Names compared the forgiving way: NFKC, no spaces, Chinese brackets as ASCII ones."""
    return clean_text(text).replace(" ", "").replace("\u3000", "").lower()
