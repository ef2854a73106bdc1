"""The 2035 vision, 人均地区生产总值基本达到全国平均水平, as a ratio to the national figure.

The city's per-capita GDP is divided by the national one in every year both have; the trend of that
ratio is the least-squares slope of its logarithm (a yearly rate of catching up, negative when
falling behind), and the gap to close is the yearly amount by which the city must outgrow the
nation from the latest year to the vision year: ``(goal / ratio)^(1/(vision − t)) − 1``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings
from planwatch.evaluation.text import chinese_count


@dataclass(frozen=True)
class VisionGap:
    ratios: pd.Series  # city / national, by year
    latest_year: int
    city: float
    national: float
    ratio: float
    trend: float  # yearly change of the ratio from its log-linear trend; NaN with one year
    projected_ratio: float  # the ratio in the vision year if the trend holds
    required_gap: float  # yearly growth the city needs above the nation's to reach the goal
    goal: float
    vision_year: int
    reason: str

    @property
    def on_course(self) -> bool | None:
        """Whether the trend reaches the goal by the vision year (None without a trend)."""
        if not np.isfinite(self.projected_ratio):
            return None
        return bool(round(self.projected_ratio, 12) >= self.goal)


SeriesLike = pd.Series | pd.DataFrame | Mapping[int, float]  # by year; a frame has year and value columns


def _series(data: SeriesLike) -> pd.Series:
    if isinstance(data, pd.DataFrame):
        data = data.set_index("year")["value"]
    if isinstance(data, Mapping):
        data = pd.Series(data)
    series = pd.Series(data, dtype=float).dropna()
    series.index = series.index.astype(int)
    return series[~series.index.duplicated(keep="last")].sort_index()


def vision_gap(city_series: SeriesLike, national_series: SeriesLike, vision_year: int = 2035, *,
               settings: EvaluationSettings = DEFAULT_SETTINGS) -> VisionGap:
    """Compare the city's per-capita GDP with the nation's: ratio, trend, gap to close."""
    city, national = _series(city_series), _series(national_series)
    years = city.index.intersection(national.index)
    if not len(years):
        raise ValueError("城市与全国人均GDP没有共同年份,无法计算比值")
    ratios = (city[years] / national[years]).rename("ratio")
    t = int(years.max())
    ratio, goal = float(ratios[t]), settings.vision_ratio
    trend = projected = np.nan
    if len(years) >= 2:
        slope = np.polyfit(years.to_numpy(float) - t, np.log(ratios.to_numpy()), 1)[0]
        trend = float(np.expm1(slope))
        projected = ratio * (1.0 + trend) ** (vision_year - t)
    gap = (goal / ratio) ** (1.0 / (vision_year - t)) - 1.0 if vision_year > t and ratio > 0 else np.nan
    reason = _reason(ratios, t, float(city[t]), float(national[t]), trend, projected, gap, goal, vision_year)
    return VisionGap(ratios, t, float(city[t]), float(national[t]), ratio, trend, projected, gap, goal,
                     vision_year, reason)


def _reason(ratios: pd.Series, t: int, city: float, national: float, trend: float, projected: float, gap: float,
            goal: float, vision_year: int) -> str:
    text = f"{t}年人均GDP为{city:.0f}元,为全国{national:.0f}元的{ratios[t] * 100:.1f}%"
    if np.isfinite(trend):
        first = int(ratios.index.min())
        word = "上升" if trend >= 0 else "下降"
        text += (f";{first}—{t}年该比值年均{word}{abs(trend) * 100:.2f}%,按此趋势{vision_year}年约为全国的"
                 f"{projected * 100:.1f}%")
    if np.isfinite(gap):
        years = vision_year - t
        goal_text = "全国平均水平" if goal == 1.0 else f"全国的{goal * 100:.0f}%"
        text += f";要在{vision_year}年达到{goal_text},余下{chinese_count(years)}年人均GDP需每年比全国快{gap * 100:.2f}%"
    return text
