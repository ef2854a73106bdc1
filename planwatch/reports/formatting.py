"""Numbers as Chinese statistical publications print them (pure; no Django).

统计公报 write 4524.01亿元 — no thousands separators, the unit glued to the number, the
indicator's own number of decimals kept (a figure printed as 30.3 stays 30.3, 52 stays 52).
Amounts in 元 are scaled to 万元 or 亿元 so that a reader never counts zeros.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from planwatch.documents.patterns import DECIMAL
from planwatch.evaluation.phrases import Phrasebook, phrasebook
from planwatch.evaluation.vocabulary import RATE_KINDS
from planwatch.numbers import (  # the one rounding rule (half up); callers may import it here
    round_half_up,
    same_figure,
)

DASH = "—"
YI = 100_000_000  # 亿 = 10^8
WAN = 10_000  # 万 = 10^4

if TYPE_CHECKING:
    from typing_extensions import TypeIs


def _is_missing(value: float | None) -> TypeIs[None]:  # False: a float to print (True: None or NaN)
    return value is None or (isinstance(value, float) and math.isnan(value))


def value_unit(kind: str, unit: str) -> str:
    """The unit a figure of this target kind prints with: a growth or reduction target's figures are rates."""
    return "%" if kind in RATE_KINDS else unit


def decimals_of(text: str | None, default: int = 1) -> int:
    """How many decimals a figure is printed with: '4169.4' → 1, '52' → 0, '30.3 (2020)' → 1."""
    if not text:
        return default
    digits = ""
    for ch in text.strip():
        if ch.isdigit() or ch in ".-":
            digits += ch
        elif digits:
            break
    if not digits or not any(c.isdigit() for c in digits):
        return default
    return len(digits.split(".", 1)[1]) if "." in digits else 0


_FIGURE = re.compile(DECIMAL)


def stated_decimals(stated: str | None, value: float | None, default: int = 1) -> int:
    """How many decimals a stated figure prints with: as many as it was written with.

    A figure published as 220 prints 220万人次以上, an estimate 4716 约4716 (not 220.0, 约4716.0 from a
    baseline written 4169.4): ``stated`` is what the source said (an observation's ``original_value``, a
    target's text), and the figure in it equal to ``value`` gives the decimals — "到2025年达到5500亿元"
    → 0 for 5500, not the 2025's. When no figure in it is ``value`` (typed in 吨, kept in 万吨:
    7388.7 → 0.73887) or there is no text, the figure was computed: ``default``, the indicator's own.
    """
    if not stated or _is_missing(value):
        return default
    for match in _FIGURE.finditer(stated.replace(",", "")):
        if same_figure(float(match.group()), abs(value)):
            return len(match.group().split(".", 1)[1]) if "." in match.group() else 0
    return default


def format_stated(value: float | None, stated: str | None, decimals: int = 1) -> str:
    """A stated figure at its published precision (``stated_decimals``); '—' when missing."""
    return format_number(value, stated_decimals(stated, value, decimals))


def format_number(value: float | None, decimals: int = 1) -> str:
    """4524.006 → '4524.01' with two decimals; None/NaN → '—'; -0.0 prints as 0."""
    if _is_missing(value):
        return DASH
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:f}"


def format_as_stored(value: float | str) -> str:
    """A stored figure written out as it was typed, with no padding and no exponent: 4716.5 (not
    4716.5000 or 4716.500000000001 from a float's tail), 5300 (not 5300.0), 0.00001 (not 1e-05).
    For showing what a clerk entered or a proposal said; a published table rounds with ``format_number``."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def format_value(value: float | None, unit: str = "", decimals: int = 1) -> str:
    """A figure with its unit as printed: (4169.4, '亿元') → '4169.4亿元', (52, '%', 0) → '52%'."""
    if _is_missing(value):
        return DASH
    return f"{format_number(value, decimals)}{unit}"


def format_yuan(amount: float | None, decimals: int = 2) -> str:
    """An amount in 元 in the largest unit that keeps it ≥ 1: 452_401_000_000 → '4524.01亿元'.

    4.524 01 × 10^11 元 ÷ 10^8 = 4524.01 亿元; 35_000 元 ÷ 10^4 = 3.50 万元.
    """
    if _is_missing(amount):
        return DASH
    size = abs(amount)
    if size >= YI:
        return f"{format_number(amount / YI, decimals)}亿元"
    if size >= WAN:
        return f"{format_number(amount / WAN, decimals)}万元"
    return f"{format_number(amount, 0)}元"


def format_wan_yuan(amount_wan: float | None, decimals: int = 2) -> str:
    """Project investment is recorded in 万元; show 亿元 from 10,000 万元 up (10,000 万元 = 1 亿元)."""
    if _is_missing(amount_wan):
        return DASH
    return format_yuan(amount_wan * WAN, decimals)


def format_percent(fraction: float | None, decimals: int = 1) -> str:
    """A share as a percentage: 0.2665 → '26.7%' (completion, time share)."""
    if _is_missing(fraction):
        return DASH
    return f"{format_number(fraction * 100, decimals)}%"


def format_rate(fraction: float | None, decimals: int = 1, signed: bool = False) -> str:
    """A growth rate: 0.075 → '7.5%'; signed=True prints '+7.5%' / '-1.2%' for changes."""
    if _is_missing(fraction):
        return DASH
    text = format_percent(fraction, decimals)
    if signed and not text.startswith("-") and round_half_up(fraction * 100, decimals) != 0:
        text = "+" + text
    return text


def format_points(points: float | None, language: str = "zh", decimals: int = 2, signed: bool = True) -> str:
    """A change of a rate or share in 百分点 (the engine's ``change_points``/``required_points``):
    1.5 → '+1.50个百分点' ('+1.50 percentage points'); signed=False prints the size only."""
    if _is_missing(points):
        return DASH
    from planwatch.evaluation.phrases import phrasebook  # the phrasebook's own words for 百分点

    size = round_half_up(abs(points) if not signed else points, decimals)
    text = phrasebook("en" if language.startswith("en") else "zh").points.format(f"{size:.{decimals}f}")
    return "+" + text if signed and size > 0 else text


def format_per_year(growth: float | None, points: float | None, language: str = "zh", rate_decimals: int = 1) -> str:
    """What an indicator changed, or still needs to change, a year, as tables and cards print it: a rate or
    share in 百分点 (the engine gives ``points_per_year``/``required_points`` only for those), anything
    else as a growth rate. 城镇化率 56.35 → 57.0 over a year is +0.65个百分点, not +1.2%."""
    if not _is_missing(points):
        return format_points(points, language)
    return format_rate(growth, rate_decimals)


def _period_words(language: str) -> Phrasebook:
    """The phrasebook's period templates, so a table and a reason sentence write a period alike."""
    return phrasebook("zh" if language.startswith("zh") else "en")


def format_year(year: int | None, language: str = "zh-hans") -> str:
    """2024 → '2024年' in Chinese, '2024' in English."""
    if year is None:
        return DASH
    return _period_words(language).period_one.format(None, year)


def format_period(start: int, end: int, language: str = "zh-hans") -> str:
    """2021–2025 → '2021—2025年' (Chinese uses a dash and one 年), '2021–2025' in English."""
    return _period_words(language).period_many.format(start, end)
