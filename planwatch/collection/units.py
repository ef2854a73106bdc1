"""Unit conversion for imported values: 万元 → 亿元, 吨 → 万吨, 万美元 → 亿美元, ….

Observations are stored in the indicator's own unit (the plan's table says GDP is in 亿元),
so a reporter who types 45240000 万元 is converted, and one who types 公斤 for GDP is refused.

The table lives in ``planwatch.documents.units`` (exact decimal factors, one dimension per kind of
quantity; 元 and 美元 deliberately not convertible). It is plugged in by the one import in
``_backend()``; the small table below is only the fallback for a checkout without it, so that
this package never breaks on the other module's absence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_SCALES = {"": 1.0, "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_BASES = ("美元", "元", "吨", "人次", "人", "亩", "个", "家", "张")


def _fallback_normalise(unit: str) -> str:
    text = unicodedata.normalize("NFKC", unit or "")
    text = text.translate({ord(ch): None for ch in "()()[]【】 "})
    return "%" if text == "百分比" else text


def _fallback_convert(value: float, from_unit: str, to_unit: str) -> float:
    def split(unit: str) -> tuple[float, str]:
        for base in _BASES:
            if unit.endswith(base) and unit[: -len(base)] in _SCALES:
                return _SCALES[unit[: -len(base)]], base
        raise ValueError(unit)

    (scale_from, base_from), (scale_to, base_to) = split(from_unit), split(to_unit)
    if base_from != base_to:
        raise ValueError(f"{from_unit} → {to_unit}")
    return value * scale_from / scale_to


def _backend() -> tuple[Callable[[float, str, str], float], Callable[[str], str]]:
    try:
        from planwatch.documents.units import convert, normalise_unit
    except ImportError:
        return _fallback_convert, _fallback_normalise
    return convert, normalise_unit


def normalise_unit(unit: str) -> str:
    """The canonical spelling: full-width forms, brackets and spaces removed ("(萬人)" → "万人")."""
    return _backend()[1](unicodedata.normalize("NFKC", unit or "").strip())


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or None when they do not convert.

    An empty ``from_unit`` means "as the indicator says"; equal units return the value as is.
    """
    source, target = normalise_unit(from_unit), normalise_unit(to_unit)
    if not source or source == target:
        return value
    try:
        return _backend()[0](value, source, target)
    except (ValueError, ArithmeticError):  # documents.units.UnitError is a ValueError
        return None


def alternatives(unit: str) -> list[str]:
    """Units a value of ``unit`` may be typed in (for the template's unit drop-down)."""
    try:
        from planwatch.documents.units import can_convert, known_units
    except ImportError:
        return [unit]
    return [unit] + [u for u in known_units() if u != unit and can_convert(u, unit)]
