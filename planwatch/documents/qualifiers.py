"""Qualifiers of stated figures: 以上, 左右, 约, 超过, 近 … kept with the value (pure).

Why: a government work report says "规模以上工业增加值增长10%以上" and "GDP增长5.3%左右".
Dropping the words turns a bound or an approximation into an exact figure, and a
grade computed on it looks more certain than the source allows. So the qualifier
travels with the value, and the evaluation can say when a grade rests on one.

The qualifier is read *next to the number*, never anywhere in the sentence: the
"以上" of "规模以上工业" is part of a name, the one after "10%" is a bound. In an
enumeration ("分别增长4.5%、8.5%左右") a trailing qualifier covers every number of it,
as Chinese official usage intends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Bound",
    "QualifiedValue",
    "bound_of",
    "format_qualified",
    "parse_qualified",
    "qualifier_near",
]


class Bound(StrEnum):
    """What a qualifier says about the true value relative to the stated one."""

    EXACT = "exact"  # no qualifier
    APPROXIMATE = "approximate"  # 左右, 约: close to it, either side
    AT_LEAST = "at_least"  # 以上, 超过, 逾, 多, 余, 突破: the true value is not below it
    AT_MOST = "at_most"  # 以下, 近, 接近, 不足, 不到: the true value is not above it


# Before the number (约10%, 超过220万) and after it (10%以上, 5.3%左右, 200多万).
_PREFIX = {
    "大约": Bound.APPROXIMATE, "约": Bound.APPROXIMATE,
    "超过": Bound.AT_LEAST, "逾": Bound.AT_LEAST, "突破": Bound.AT_LEAST, "高于": Bound.AT_LEAST,
    "不低于": Bound.AT_LEAST, "不少于": Bound.AT_LEAST,
    "接近": Bound.AT_MOST, "近": Bound.AT_MOST, "不足": Bound.AT_MOST, "不到": Bound.AT_MOST,
    "低于": Bound.AT_MOST, "不超过": Bound.AT_MOST,
}
_SUFFIX = {
    "左右": Bound.APPROXIMATE, "上下": Bound.APPROXIMATE,
    "以上": Bound.AT_LEAST, "多": Bound.AT_LEAST, "余": Bound.AT_LEAST,
    "以下": Bound.AT_MOST, "以内": Bound.AT_MOST,
}
PREFIX_QUALIFIERS: tuple[str, ...] = tuple(_PREFIX)
SUFFIX_QUALIFIERS: tuple[str, ...] = tuple(_SUFFIX)
QUALIFIERS: tuple[str, ...] = PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS
# The qualifiers that may close a target or baseline figure ("6%左右", "180万吨以上"); 多 and 余 stand
# inside a figure (200多万), never at its end.
CLOSING_QUALIFIERS: tuple[str, ...] = tuple(q for q in _SUFFIX if q not in ("多", "余"))
CLOSING_QUALIFIER = "(?:" + "|".join(CLOSING_QUALIFIERS) + ")"

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A unit right after a number: %, ‰, 个百分点, or up to four CJK unit characters (万人次, 亿元 …).
_UNIT_AFTER = r"(?:个百分点|百分点|[%‰％]|[万亿千百]?[吨元人次亩斤个张岁年户家架]{1,3}|万|亿)?"
_SEPARATOR = r"[、和及与]"


@dataclass(frozen=True)
class QualifiedValue:
    """A stated number with its qualifier: ``10`` + ``以上`` means "at least 10"."""

    value: float
    qualifier: str = ""
    text: str = ""

    @property
    def bound(self) -> Bound:
        return bound_of(self.qualifier)

    @property
    def is_qualified(self) -> bool:
        return self.qualifier != ""

    def display(self, unit: str = "") -> str:
        """How to show it: prefixes before, suffixes after — ``约4716亿元``, ``10%以上``."""
        return format_qualified(f"{self.value:g}", self.qualifier, unit)


def format_qualified(number: str, qualifier: str, unit: str = "") -> str:
    """A formatted number with its qualifier where Chinese puts it: ``约4716亿元``, ``10%以上``."""
    if qualifier in _PREFIX:
        return f"{qualifier}{number}{unit}"
    return f"{number}{unit}{qualifier}"


def bound_of(qualifier: str) -> Bound:
    """The meaning of a qualifier word; an unknown word is refused so it is never silently dropped."""
    if not qualifier:
        return Bound.EXACT
    if qualifier in _PREFIX:
        return _PREFIX[qualifier]
    if qualifier in _SUFFIX:
        return _SUFFIX[qualifier]
    raise ValueError(f"未知限定词「{qualifier}」(可用:{'、'.join(QUALIFIERS)})")


def _prefix_before(text: str, start: int) -> str:
    """The prefix qualifier ending right before position ``start`` (spaces allowed), if any."""
    head = text[:start].rstrip()
    for word in sorted(_PREFIX, key=len, reverse=True):
        if head.endswith(word):
            return word
    return ""


def _suffix_after(text: str, end: int) -> str:
    """The suffix qualifier after a number, its unit, and any enumeration that follows it."""
    tail = re.compile(rf"\s*{_UNIT_AFTER}\s*(?:{_SEPARATOR}\s*{_NUMBER}\s*{_UNIT_AFTER}\s*)*")
    matched = tail.match(text, end)
    assert matched is not None  # every part of the pattern is optional: it always matches
    rest = text[matched.end():]
    for word in sorted(_SUFFIX, key=len, reverse=True):
        if rest.startswith(word):
            return word
    return ""


def _numbers(text: str) -> Iterator[re.Match[str]]:
    # Not inside a longer number: "2023年" must not yield "023".
    return re.finditer(rf"(?<![\d.]){_NUMBER}(?![\d])", text)


def _as_float(token: str) -> float:
    return float(token.replace(",", ""))


def qualifier_near(text: str, value: float) -> str:
    """The qualifier attached to ``value`` where it is stated in ``text`` ('' if none or not found).

    ``qualifier_near("规模以上工业增加值增长10%以上", 10) == "以上"`` — the first 以上
    belongs to the name, the second to the number.
    """
    for match in _numbers(text or ""):
        if abs(_as_float(match.group()) - value) > 1e-9:
            continue
        found = _prefix_before(text, match.start()) or _suffix_after(text, match.end())
        if found:
            return found
    return ""


def parse_qualified(text: str) -> QualifiedValue:
    """Read a stated value cell: ``"10%以上"`` → 10 以上; ``"约4716"`` → 4716 约; ``"52左右"`` → 52 左右.

    The first number of the cell is taken; a cell without a number is refused with a Chinese message.
    """
    match = next(_numbers(text or ""), None)
    if match is None:
        raise ValueError(f"「{text}」中没有数值")
    qualifier = _prefix_before(text, match.start()) or _suffix_after(text, match.end())
    return QualifiedValue(value=_as_float(match.group()), qualifier=qualifier, text=text.strip())
