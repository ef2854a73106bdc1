"""Unit conversion for imported values: 万元 → 亿元, 吨 → 万吨, 万美元 → 亿美元, ….

Observations are stored in the indicator's own unit (the plan's table says GDP is in 亿元),
so a reporter who types 45240000 万元 is converted, and one who types 公斤 is refused.

The real-data side keeps its own table in ``planwatch.documents.units``; when that module
offers ``convert(value, from_unit, to_unit) -> float | None`` it is used instead of the small
table below — plugging it in is the one import in ``_backend()``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Chinese magnitude prefixes: a unit is (prefix scale) × (base unit).
_SCALES = (("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))
# Base units that may carry a prefix; "元" also covers 美元 (万美元 → 亿美元) through the suffix match.
_BASES = ("美元", "元", "吨", "人次", "人", "户", "亩", "斤", "千瓦时", "千瓦", "立方米", "平方米", "公里", "个", "家", "张")
_ALIASES = {"％": "%", "百分比": "%", "亿人次": "亿人次", "万千瓦时": "万千瓦时"}


def normalise_unit(unit: str) -> str:
    """Compare units as written in Chinese files: full-width forms, brackets and spaces removed."""
    text = unicodedata.normalize("NFKC", unit or "").strip()
    text = text.translate({ord(ch): None for ch in "()()[]【】 "})
    return _ALIASES.get(text, text)


def _split(unit: str) -> tuple[float, str] | None:
    """'万吨' → (1e4, '吨'); '元' → (1, '元'); unknown → None."""
    for base in _BASES:
        if unit.endswith(base):
            prefix = unit[: -len(base)]
            if not prefix:
                return 1.0, base
            for word, scale in _SCALES:
                if prefix == word:
                    return scale, base
            return None
    return None


def _builtin_convert(value: float, from_unit: str, to_unit: str) -> float | None:
    source, target = _split(from_unit), _split(to_unit)
    if source is None or target is None or source[1] != target[1]:
        return None
    return value * source[0] / target[0]


def _backend() -> Callable[[float, str, str], float | None]:
    try:
        from planwatch.documents.units import convert  # type: ignore[attr-defined]
    except ImportError:
        return _builtin_convert
    return convert


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or None when they do not convert.

    An empty ``from_unit`` means "as the indicator says"; equal units return the value as is.
    """
    source, target = normalise_unit(from_unit), normalise_unit(to_unit)
    if not source or source == target:
        return value
    try:
        result = _backend()(value, source, target)
    except (ValueError, KeyError, TypeError):
        result = None
    if result is None and _backend() is not _builtin_convert:
        result = _builtin_convert(value, source, target)
    return result
