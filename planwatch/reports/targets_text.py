"""Each target kind in its own terms (pure): what the plan asks and how the series stands against it.

A floor (耕地保有量) reads 不低于536.86万亩 with each year's margin, not a required growth rate; a
qualitative target reads as its words beside the series' direction and quality judgement; growth
kinds as the average achieved against the target rate; 按省下达 with the assigned value once entered.
The pages and the report both call ``target_statement`` and ``kind_detail``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planwatch.documents.qualifiers import QUALIFIERS, format_qualified
from planwatch.documents.targets import parse_target
from planwatch.evaluation.vocabulary import LEVEL_KINDS, RATE_KINDS
from planwatch.numbers import same_figure
from planwatch.reports.formatting import format_number, format_rate, format_value, stated_decimals
from planwatch.reports.words import words

if TYPE_CHECKING:
    from typing_extensions import TypeIs


def _missing(value: float | None) -> TypeIs[None]:  # False: a float (True: None or NaN)
    return value is None or (isinstance(value, float) and math.isnan(value))


def target_statement(
    kind: str,
    target_value: float | None,
    target_year: int | None,
    target_text: str,
    unit: str,
    decimals: int,
    language: str = "zh",
) -> str:
    """The target as the plan means it: '2025年达到5500亿元', '不低于536.86万亩', '年均增长7.5%左右'.

    The figure prints as the text states it (7 in 年均增长7%左右 stays 7%, not 7.0%); ``decimals``
    serves a target with no text. The qualifier is the one the target grammar reads next to the
    figure (左右, 以上), never the text's other words: "“十四五”期间累计下降13.5%" is not a qualifier.
    """
    w = words(language)
    text = (target_text or "").strip()
    places = stated_decimals(text, target_value, decimals)
    qualifier = _qualifier(text, target_value, target_year) if language == "zh" else ""
    if kind == "floor":
        return w["kind_floor"].format(target=format_value(target_value, unit, places))
    if kind == "annual_growth":
        return w["kind_growth"].format(target=format_value(target_value, "%", places)) + qualifier
    if kind == "cumulative_reduction":
        return w["kind_reduction"].format(target=format_value(target_value, "%", places)) + qualifier
    if kind == "qualitative":
        return w["kind_qualitative"].format(words=text or "—")
    if kind == "assigned":
        if _missing(target_value):
            return w["kind_assigned_wait"]
        return w["kind_assigned_value"].format(target=format_value(target_value, unit, places))
    if kind == "cumulative":
        return w["kind_cumulative"].format(target=format_value(target_value, unit, places))
    if kind in LEVEL_KINDS and not _missing(target_value):
        shown = format_qualified(format_number(target_value, places), qualifier, unit)
        return w["kind_level"].format(year=target_year, target=shown)
    return w["kind_unspecified"]


def _qualifier(text: str, value: float | None, year: int | None) -> str:
    """左右 / 以上 … as the target grammar reads it next to this figure; '' when the text states no
    such word or another figure (a bound's ">" and "不低于" are said by the floor's own words)."""
    if not text or _missing(value):
        return ""
    read = parse_target(text, year=year or 0)
    if read.value is None or not same_figure(read.value, value):
        return ""
    return read.qualifier if read.qualifier in QUALIFIERS else ""


def direction_word(series: Sequence[tuple[int, float]], language: str = "zh", band: float = 0.01) -> str:
    """Rising, falling or flat from the first to the last figure (within ``band`` of the first is flat)."""
    w = words(language)
    if len(series) < 2:  # one figure is data, but not yet a direction
        return w["direction_single"] if series else w["direction_none"]
    first, last = series[0][1], series[-1][1]
    if first == 0 or abs(last - first) <= abs(first) * band:
        return w["direction_flat"]
    return w["direction_up"] if last > first else w["direction_down"]


def floor_margins(series: Sequence[tuple[int, float]], floor: float) -> list[tuple[int, float, float]]:
    """(year, value, value − floor) for every observed year: the margin kept above the floor."""
    return [(year, value, value - floor) for year, value in series]


def kind_detail(
    kind: str,
    *,
    target_value: float | None,
    target_text: str,
    unit: str,
    decimals: int,
    series: Sequence[tuple[int, float]],
    actual_growth: float | None = None,
    quality: str = "",
    quality_by: str = "",
    language: str = "zh",
) -> str:
    """How the series stands against the target in the target's own terms (one sentence)."""
    w = words(language)
    if kind == "floor" and not _missing(target_value):
        parts = []
        for year, value, margin in floor_margins(series, float(target_value)):
            key = "kind_floor_margin" if margin >= 0 else "kind_floor_breach"
            parts.append(
                w[key].format(
                    year=year,
                    value=format_value(value, unit, decimals),
                    margin=format_value(abs(margin), unit, decimals),
                )
            )
        return w["semicolon"].join(parts)
    if kind in RATE_KINDS:
        places = stated_decimals(target_text, target_value, decimals)  # the target as stated; the rate achieved is computed
        target = format_value(target_value, "%", places) if not _missing(target_value) else "—"
        return w["kind_growth_actual"].format(actual=format_rate(actual_growth, decimals), target=target)
    if kind == "qualitative":
        text = w["kind_qualitative_detail"].format(
            words=target_text or "—", direction=direction_word(series, language)
        )
        if len(series) >= 2:
            (y0, v0), (y1, v1) = series[0], series[-1]
            text += (
                "("
                + w["from_to"].format(
                    y0=y0, v0=format_value(v0, unit, decimals), y1=y1, v1=format_value(v1, unit, decimals)
                )
                + ")"
            )
        if quality:
            text += w["quality_by"].format(quality=quality, by=quality_by or "—")
        return text
    return ""


def number(value: float | None, decimals: int) -> str:
    return format_number(value, decimals)
