"""Unit conversion for Chinese statistical units (pure; no Django).

Why this module exists: the plan states cargo in 万吨, the airport in 吨; the plan
states GDP in 亿元, county bulletins in 万元; foreign investment in 亿美元 vs 万美元.
A figure is converted on import into the indicator's unit, and the original value
and unit are kept beside it (``Converted``), so a reviewer can always see what the
source printed.

Factors are exact decimals (``Decimal``), never binary floats, so 7388.7 吨 is
0.73887 万吨 and not 0.7388699999999999 (亩 → 公顷 divides by 15 in Python's 28-digit decimal
context, still exact far beyond 12 decimals). Units of different dimensions (吨 and
亿元), and currencies without an exchange rate (元 and 美元), are refused with a
Chinese message naming both units: ``单位「吨」无法换算为「亿元」``.

Deliberately *not* convertible:
- 人 and 人次 (people vs visits), 元 and 美元 (needs an exchange rate and a date),
- 个 / 张 / 岁 / 年 to anything but themselves (counts of different things).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "Converted",
    "UnitError",
    "can_convert",
    "convert",
    "convert_decimal",
    "convert_keeping_original",
    "dimension_of",
    "factor",
    "known_units",
    "normalise_unit",
]


class UnitError(ValueError):
    """A unit that is unknown or cannot be converted; the message is for the user (Chinese)."""

    def __init__(self, message: str, *, from_unit: str = "", to_unit: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.from_unit = from_unit
        self.to_unit = to_unit


@dataclass(frozen=True)
class _Unit:
    dimension: str  # units convert only within one dimension
    factor: Decimal  # how many base units of the dimension one of this unit is


def _units() -> dict[str, _Unit]:
    """The table of units. Base units: 吨, 元, 美元, 人, 人次, 亩, %, and one per count."""
    d = Decimal
    table = {
        # mass; 1 斤 (市斤) = 0.5 kg = 0.0005 吨 by the 1959 definition still in statistical use
        "吨": ("mass", d(1)), "万吨": ("mass", d(10) ** 4), "亿吨": ("mass", d(10) ** 8),
        "千克": ("mass", d("0.001")), "公斤": ("mass", d("0.001")),
        "斤": ("mass", d("0.0005")), "万斤": ("mass", d(5)), "亿斤": ("mass", d(50000)),
        # money, renminbi
        "元": ("cny", d(1)), "千元": ("cny", d(1000)), "万元": ("cny", d(10) ** 4),
        "亿元": ("cny", d(10) ** 8), "万亿元": ("cny", d(10) ** 12),
        # money, US dollars (a separate dimension: converting needs an exchange rate)
        "美元": ("usd", d(1)), "万美元": ("usd", d(10) ** 4), "亿美元": ("usd", d(10) ** 8),
        # people and visits (人次 counts visits, not people)
        "人": ("people", d(1)), "万人": ("people", d(10) ** 4), "亿人": ("people", d(10) ** 8),
        "人次": ("visits", d(1)), "万人次": ("visits", d(10) ** 4), "亿人次": ("visits", d(10) ** 8),
        # area; 1 公顷 = 15 亩 exactly (1 亩 = 10000/15 m²)
        "亩": ("area", d(1)), "万亩": ("area", d(10) ** 4), "公顷": ("area", d(15)),
        "万公顷": ("area", d(15) * d(10) ** 4),
        # ratios
        "%": ("percent", d(1)), "‰": ("percent", d("0.1")),
        # counts and durations: each its own dimension
        "个": ("count:个", d(1)), "张": ("count:张", d(1)), "家": ("count:家", d(1)),
        "架次": ("count:架次", d(1)), "岁": ("age", d(1)), "年": ("years", d(1)),
    }
    return {name: _Unit(dim, f) for name, (dim, f) in table.items()}


_UNITS = _units()

# Spellings seen in real sources: traditional characters in reposts, full-width signs,
# and 人民币 spelled out. Applied character by character, then as whole words.
_CHAR_MAP = str.maketrans({"萬": "万", "億": "亿", "噸": "吨", "畝": "亩", "張": "张", "歲": "岁",
                           "個": "个", "％": "%"})
_WORD_MAP = {
    "百分比": "%", "百分数": "%", "人民币元": "元", "元人民币": "元", "亿元人民币": "亿元",
    "万元人民币": "万元", "兆元": "万亿元", "kg": "千克", "t": "吨", "USD": "美元", "万USD": "万美元",
}
_NOISE = re.compile(r"[\s()()]")


def normalise_unit(text: str) -> str:
    """The canonical spelling of a unit: spaces and brackets removed, traditional forms simplified.

    ``"(萬人次)"`` → ``"万人次"``; ``"％"`` → ``"%"``. An empty text stays empty (a pure number).
    """
    cleaned = _NOISE.sub("", text or "").translate(_CHAR_MAP)
    return _WORD_MAP.get(cleaned, cleaned)


def is_percent_unit(unit: str) -> bool:
    """Whether figures in ``unit`` are per cent, however it is spelt (%, ％, (%), 百分比, 百分数): such a
    figure (城镇化率, a growth rate) changes in 百分点, not by a growth rate of its own."""
    return normalise_unit(unit) == "%"


def known_units() -> tuple[str, ...]:
    """All canonical unit names this module converts, for drop-downs and error messages."""
    return tuple(_UNITS)


def _lookup(unit: str, *, role_from: str, other: str) -> _Unit | None:
    name = normalise_unit(unit)
    if name == "":
        return None
    found = _UNITS.get(name)
    if found is None:
        raise UnitError(f"未知单位「{unit}」,无法换算为「{other}」" if role_from == "from"
                        else f"单位「{other}」无法换算为未知单位「{unit}」",
                        from_unit=unit if role_from == "from" else other,
                        to_unit=other if role_from == "from" else unit)
    return found


def dimension_of(unit: str) -> str:
    """The dimension a unit measures ('mass', 'cny', …); '' for a unitless number."""
    found = _lookup(unit, role_from="from", other="?")
    return found.dimension if found else ""


def factor(from_unit: str, to_unit: str) -> Decimal:
    """The exact factor by which a value in ``from_unit`` is multiplied to be in ``to_unit``.

    Raises ``UnitError`` (Chinese message) when the units measure different things.
    """
    source = _lookup(from_unit, role_from="from", other=to_unit)
    target = _lookup(to_unit, role_from="to", other=from_unit)
    if source is None and target is None:
        return Decimal(1)
    if source is None or target is None or source.dimension != target.dimension:
        raise UnitError(
            f"单位「{from_unit or '无'}」无法换算为「{to_unit or '无'}」",
            from_unit=from_unit,
            to_unit=to_unit,
        )
    return source.factor / target.factor


def can_convert(from_unit: str, to_unit: str) -> bool:
    """Whether ``convert`` would succeed (for validation rules that only need yes or no)."""
    try:
        factor(from_unit, to_unit)
    except UnitError:
        return False
    return True


def _as_decimal(value: float | int | str | Decimal) -> Decimal:
    """A number as an exact decimal: floats go through their shortest repr (4606.2, not 4606.19999…)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise UnitError(f"数值「{value}」不是有效数字")
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation as problem:
        raise UnitError(f"数值「{value}」不是有效数字") from problem


def convert_decimal(value: float | int | str | Decimal, from_unit: str, to_unit: str) -> Decimal:
    """``value`` in ``from_unit`` expressed in ``to_unit``, as an exact decimal."""
    number = _as_decimal(value)
    if not number.is_finite():
        raise UnitError(f"数值「{value}」不是有效数字")
    return number * factor(from_unit, to_unit)


def convert(value: float | int | str | Decimal, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``: ``convert(7388.7, "吨", "万吨") == 0.73887``.

    The arithmetic is decimal; only the final result becomes a float, so there is no
    drift beyond the float's own 15–17 significant digits.
    """
    return float(convert_decimal(value, from_unit, to_unit))


@dataclass(frozen=True)
class Converted:
    """A figure in the indicator's unit, with what the source printed kept beside it."""

    value: float
    unit: str
    original_value: float
    original_unit: str

    @property
    def was_converted(self) -> bool:
        return normalise_unit(self.unit) != normalise_unit(self.original_unit)


def convert_keeping_original(value: float | int | str | Decimal, from_unit: str, to_unit: str) -> Converted:
    """Convert and keep the original: the shape importers store (value/unit + original value/unit)."""
    converted = convert(value, from_unit, to_unit)
    return Converted(
        value=converted,
        unit=to_unit,
        original_value=float(_as_decimal(value)),
        original_unit=from_unit,
    )
