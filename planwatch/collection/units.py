"""Unit conversion for imported values: 万元 → 亿元, 吨 → 万吨, 万美元 → 亿美元, ….

Observations are stored in the indicator's own unit (the plan's table says GDP is in 亿元),
so a reporter who types 45240000 万元 is converted, and one who types 公斤 for GDP is refused.

The table lives in ``planwatch.documents.units`` (exact decimal factors, one dimension per kind of
quantity; 元 and 美元 deliberately not convertible); this module only applies it to what people type.
"""

from __future__ import annotations

import unicodedata

from planwatch.documents import units


def normalise_unit(unit: str) -> str:
    """The canonical spelling: full-width forms, brackets and spaces removed ("(萬人)" → "万人")."""
    return units.normalise_unit(unicodedata.normalize("NFKC", unit or "").strip())


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or None when they do not convert.

    An empty ``from_unit`` means "as the indicator says"; equal units return the value as is.
    """
    source, target = normalise_unit(from_unit), normalise_unit(to_unit)
    if not source or source == target:
        return value
    try:
        return units.convert(value, source, target)
    except (ValueError, ArithmeticError):  # documents.units.UnitError is a ValueError
        return None


def alternatives(unit: str) -> list[str]:
    """Units a value of ``unit`` may be typed in (for the template's unit drop-down)."""
    return [unit] + [u for u in units.known_units() if u != unit and units.can_convert(u, unit)]
