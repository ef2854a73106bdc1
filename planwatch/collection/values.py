"""Reading one cell as a number, a period or a piece of text, the way Chinese spreadsheets write them.

Each parser returns the parsed value or a Chinese reason; none raises on odd input
(full-width digits, thousands separators, "2023年一季度", an Excel date where a month was meant).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from planwatch.collection.sanitize import finite_problem
from planwatch.documents.normalize import chinese_number
from planwatch.documents.qualifiers import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS

if TYPE_CHECKING:
    from planwatch.collection.model import IndicatorSpec

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_MANTISSA = re.compile(r"^[+-]?\.?\d")  # "e0" and "+.e1" have no digits before the exponent


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
        return str(int(raw)) if abs(raw) < 1e15 else f"{raw:g}"  # 1e308, not 309 digits
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
    if not body or not _NUMBER.match(body) or not _MANTISSA.match(body):
        return f"数值「{shown(raw)}」不是有效数字"
    number = float(body.replace(",", ""))
    if not math.isfinite(number):
        return f"数值「{shown(raw)}」不是有效数字"
    return ParsedNumber(number, percent_sign=percent)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: a year, a quarter of it or a month of it."""

    year: int
    quarter: int | None = None
    month: int | None = None

    def spelt(self, year: str, quarter: str, month: str) -> str:
        """The period in the spelling of its grain (a month, else a quarter, else the year); each
        spelling a ``str.format`` pattern of ``y``, ``q`` and ``m``."""
        pattern = month if self.month else quarter if self.quarter else year
        return pattern.format(y=self.year, q=self.quarter, m=self.month)

    @property
    def key(self) -> str:
        """The stored form (``Observation.period``): one string per period, so a unique constraint needs
        no NULL handling and the keys sort in time within a grain."""
        return self.spelt("{y}", "{y}Q{q}", "{y}M{m:02d}")

    @property
    def label(self) -> str:
        """How a reporter reads it: 2024年, 2024年第1季度, 2024年3月."""
        return self.spelt("{y}年", "{y}年第{q}季度", "{y}年{m}月")

    def previous_year(self) -> Period:
        """The same period a year earlier, for year-on-year (同比) comparisons."""
        return Period(self.year - 1, self.quarter, self.month)


def grain_patterns(**by_grain: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Patterns named by the grain of time they read (year, quarter, month, day), in the order given."""
    return tuple((grain, re.compile(pattern)) for grain, patterns in by_grain.items() for pattern in patterns)


def match_grain(text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> tuple[str, re.Match[str]] | None:
    """The grain and match of the first pattern that reads ``text``; the patterns of one table never
    overlap, so the first match is the only one and a bad figure in it (month 13) is final."""
    for grain, pattern in patterns:
        match = pattern.match(text)
        if match:
            return grain, match
    return None


_PERIOD_PATTERNS = grain_patterns(
    year=(r"^(\d{4})年?$",),
    quarter=(r"^(\d{4})(?:年)?[Qq季]([1-4])$", r"^(\d{4})年?第?([1-4一二三四])季度?$"),
    month=(r"^(\d{4})[-/.Mm](\d{1,2})$", r"^(\d{4})年(\d{1,2}|[一二三四五六七八九十]|十[一二])月(?:份)?$"),
)


def parse_period(raw: object) -> Period | str:
    """2023, "2023年", "2023Q1", "2023年一季度", "2023-03", "2023年3月", or an Excel date (a month)."""
    if isinstance(raw, datetime | date):
        return Period(raw.year, month=raw.month)
    if isinstance(raw, float) and not raw.is_integer():
        return f"年份「{shown(raw)}」无法识别,应写作 2023、2023Q1 或 2023-03"
    text = clean_text(raw).replace(" ", "")
    found = match_grain(text, _PERIOD_PATTERNS)
    if found:
        grain, match = found
        year = int(match.group(1))
        if grain == "year":
            return Period(year)
        sub = chinese_number(match.group(2)) or 0
        if grain == "quarter":
            return Period(year, quarter=sub)
        if 1 <= sub <= 12:
            return Period(year, month=sub)
    return f"年份「{shown(raw)}」无法识别,应写作 2023、2023Q1 或 2023-03"


def name_key(text: object) -> str:
    """Names compared the forgiving way: NFKC, no spaces, Chinese brackets as ASCII ones."""
    return clean_text(text).replace(" ", "").replace("\u3000", "").lower()


# ---------------------------------------------------------------------------------------------------
# One reader of an entered value, for the entry form, the API and the import alike.

# The qualifiers a stored figure may carry (see ``planwatch.documents.qualifiers.bound_of`` for their meaning).
QUALIFIERS = ("以上", "左右", "约", "超过", "近", "以内", "以下")
# Where each goes is the qualifiers module's rule: 约4716 before the figure, 52左右 after it.
_BEFORE = "|".join(sorted((q for q in QUALIFIERS if q in PREFIX_QUALIFIERS), key=len, reverse=True))
_AFTER = "|".join(sorted((q for q in QUALIFIERS if q in SUFFIX_QUALIFIERS), key=len, reverse=True))
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\uff0d": "-", "\u3000": ""})
_ENTERED = re.compile(
    rf"^(?P<prefix>{_BEFORE})?(?P<number>[+-]?[\d,.eE+-]*\d[\d,.]*)(?P<unit>%|\([^()]*\)|[^\d()%]*?)"
    rf"(?P<suffix>{_AFTER})?$"
)
# Dimensions that cannot go below zero: a count of people, visits, things, an area or a mass.
_NON_NEGATIVE = ("people", "visits", "area", "mass", "age", "years")


@dataclass(frozen=True)
class EnteredValue:
    """A value as stored: in the indicator's unit, with what was typed kept beside it."""

    value: float
    qualifier: str = ""
    original_value: str = ""
    original_unit: str = ""
    percent_sign: bool = False


def _split_entered(text: str) -> tuple[str, str, str, str] | None:
    match = _ENTERED.match(text)
    if match is None:
        return None
    unit = match.group("unit")
    return match.group("prefix") or "", match.group("number"), unit.strip("()"), match.group("suffix") or ""


def read_value(raw: object, indicator: IndicatorSpec, *, unit: object = "", qualifier: object = "",
               percent_format: bool = False) -> EnteredValue | str:
    """The figure a clerk typed for ``indicator`` (anything with ``unit``, ``name``, ``is_percent``,
    ``is_rate``; see ``collection.model.as_indicator``), or the Chinese reason it is refused.

    Read the way Chinese tables write figures: full-width digits and brackets, thousands separators
    ("18,650"), a qualifier before or after ("约4716", "52左右", "10%以上"), a unit after the number
    ("18,650万元", "18650(万元)"), a percent sign; ``percent_format``: the spreadsheet cell was
    %-formatted, so 0.5635 means 56.35%. The value is converted to the indicator's unit, then the hard
    limits of that unit apply: a share lies in 0–100, a count of people is never negative.
    """
    from planwatch.collection.settings import setting
    from planwatch.collection.units import convert, normalise_unit

    quoted = shown(raw)
    if percent_format and isinstance(raw, int | float) and not isinstance(raw, bool) and indicator.is_percent:
        quoted = f"{float(raw) * 100:.10g}%"  # what the %-formatted cell shows the clerk: 5635%, not 56.35
    if raw is None or clean_text(raw) == "":
        return "数值为空"
    typed_unit, typed_qualifier = normalise_unit(clean_text(unit)), clean_text(qualifier)
    if isinstance(raw, bool) or not isinstance(raw, str | int | float | Decimal):
        return f"数值「{quoted}」不是有效数字"
    if isinstance(raw, str):
        text = clean_text(raw).translate(_MINUS).replace(" ", "")
        parts = _split_entered(text)
        if parts is None:
            return f"数值「{quoted}」不是有效数字"
        prefix, number_text, unit_text, suffix = parts
        parsed = parse_number(number_text + ("%" if unit_text == "%" else ""))
        if isinstance(parsed, str):
            return f"数值「{quoted}」不是有效数字"
        if unit_text and unit_text != "%":
            if convert(1.0, unit_text, "") is None and normalise_unit(unit_text) not in _known_units():
                return f"数值「{quoted}」不是有效数字"
            typed_unit = normalise_unit(unit_text)
        found_qualifier = prefix or suffix
        if found_qualifier and typed_qualifier and found_qualifier != typed_qualifier:
            return f"数值「{quoted}」写了「{found_qualifier}」,限定词却选了「{typed_qualifier}」"
        typed_qualifier = found_qualifier or typed_qualifier
    else:
        parsed = parse_number(raw)
        if isinstance(parsed, str):
            return parsed
    if typed_qualifier and typed_qualifier not in QUALIFIERS:
        return f"限定词「{typed_qualifier}」无效,可填:{'、'.join(QUALIFIERS)}"
    target = clean_text(getattr(indicator, "unit", "") or "")
    percent = parsed.percent_sign or (percent_format and indicator.is_percent)
    if percent:
        if not indicator.is_percent:
            return f"数值「{quoted}」带百分号,但「{indicator.name}」的单位是「{target}」"
        value = parsed.value if parsed.percent_sign else parsed.value * 100
        typed_unit = typed_unit or "%"
    else:
        value = parsed.value
    converted = convert(value, typed_unit, target)
    if converted is None:
        return f"单位「{typed_unit}」无法换算为「{indicator.name}」的单位「{target}」"
    if finite_problem(converted, "数值"):  # 1e308 万亿元 is finite as typed, infinite in 亿元
        return f"数值「{quoted}」换算为「{target}」后超出可保存的范围(绝对值不能超过 {setting('MAX_ABS_VALUE'):.0e})"
    if indicator.is_percent and not indicator.is_rate:
        low, high = setting("PERCENT_RANGE")
        if not low <= round(converted, 12) <= high:
            return f"数值 {quoted} 超出百分比范围 {low:g}–{high:g}"
    if converted < 0 and _dimension(target) in _NON_NEGATIVE:
        return f"数值 {quoted} 不能为负数:「{indicator.name}」的单位是「{target}」"
    return EnteredValue(converted, typed_qualifier, original_value=f"{value:.12g}",
                        original_unit=typed_unit or target, percent_sign=parsed.percent_sign)


def number_problem(raw: object) -> str:
    """Why ``raw`` is no number at all ('' when it is one), for a row whose indicator is unknown."""
    if not isinstance(raw, str):
        parsed = parse_number(raw)
        return parsed if isinstance(parsed, str) else ""
    parts = _split_entered(clean_text(raw).translate(_MINUS).replace(" ", ""))
    if parts is None or isinstance(parse_number(parts[1]), str):
        return f"数值「{shown(raw)}」不是有效数字"
    return ""


def _known_units() -> tuple[str, ...]:
    from planwatch.documents.units import known_units

    return known_units()


def _dimension(unit: str) -> str:
    from planwatch.documents.units import UnitError, dimension_of

    try:
        return dimension_of(unit)
    except UnitError:
        return ""
