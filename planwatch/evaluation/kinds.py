"""The rule of each target kind, whole, in one function: its measures and its grade.

``RULES`` maps a kind to its function; ``assess`` runs each on the series of that kind and gathers
the results into one ``Assessment``. A rule reads the named fields of ``Series`` (for its rows
only) and returns the ``Assessment`` fields it sets; every other field keeps the level default
(``_defaults``). docs/evaluation.md §3 has each rule with worked examples.

| kind | function | rule in one line |
| --- | --- | --- |
| level, about | ``level`` | target met → 提前实现; base met and latest not → 逆向; completion vs time share ± margin |
| annual_growth | ``annual_growth`` | chained average rate vs target rate ± tolerance |
| cumulative_reduction | ``cumulative_reduction`` | 1 − Π(1 − rᵢ) as completion vs time share |
| cumulative | ``cumulative`` | Σ additions as completion vs time share |
| floor | ``floor`` | holds every year after the base → 提前实现, else 滞后 |
| qualitative | ``qualitative`` | 稳中有升: no fall beyond tolerance; 保持稳定/量稳质升: within the band |
| assigned, unspecified | ``without_target`` | 待下达 / 无目标值, trend only |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from planwatch.evaluation import formulas as f
from planwatch.evaluation.frame import Panel
from planwatch.evaluation.groups import subset, window_reduce
from planwatch.evaluation.series import Series
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    ACHIEVED,
    AHEAD,
    AWAITING,
    BEHIND,
    GRADE_RANK,
    GRADES,
    LAGGING,
    NO_TARGET,
    NOT_ASSESSABLE,
    ON_TRACK,
    QUALITATIVE_RISE,
    QUALITATIVE_STABLE,
    QUALITATIVE_VOLUME_QUALITY,
    QUALITY_UP,
    REVERSE,
)

CODE = {grade: code for code, grade in enumerate(GRADES)}

# How the international methods read a series (``Assessment.international``).
UNSD_ONLY = 0  # a period total: the UN progress chart only (Open SDG has no rule for a sum)
GROWTH_ONLY = 1  # no target: Open SDG grades the observed growth; the UN chart cannot
WITH_TARGET = 2  # both methods against the target


def graded_as(codes: np.ndarray, *grades: str) -> np.ndarray:
    """Whether each grade code is one of ``grades`` (a table lookup: np.isin sorts every call)."""
    table = np.zeros(len(GRADES), dtype=bool)
    table[[CODE[g] for g in grades]] = True
    return np.take(table, codes)  # np.take: indexing with int8 codes converts them first, three times slower


@dataclass(frozen=True)
class Assessment:
    """One entry per series: what its kind's rule found. Growth fields are fractions (0.0488).

    - ``grade`` int8: code into ``vocabulary.GRADES`` (``CODE``).
    - ``completion`` 完成度, ``time_share`` 时序进度, ``actual_growth`` (a yearly reduction for
      cumulative_reduction), ``required_growth``, ``required_per_year`` (a cumulative's yearly
      amount), ``achieved`` (the latest value, the chained growth or reduction in per cent, or the
      total so far).
    - ``projected_by_growth`` / ``projected_by_trend``: the target-year value (or rate) by the
      growth so far and by the linear trend; ``projection`` the first known of the two.
    - ``met`` (target reached), ``base_met`` (the base already reached it), ``projected_miss``,
      ``assessable`` (enough data to grade).
    - ``band_low``/``band_high``: the target band (a 左右 target's ±tolerance; else T, T); for
      growth targets in per cent.
    - ``international`` int8 (``UNSD_ONLY``/``GROWTH_ONLY``/``WITH_TARGET``) and the index form
      the two international methods read: ``index_base``, ``index_latest``, ``index_target``,
      ``index_direction``, ``index_achieved``, ``index_projection`` (Π(1+gᵢ) for rate targets,
      the values themselves for a level).
    - Details a sentence states: ``floor_breaks`` (years a floor was broken), ``floor_worst``,
      ``floor_years`` (years checked), ``falls`` (稳中有升's falls beyond the tolerance),
      ``deviation`` (v − b) and ``stable_band`` (±band · |b|); ``sign_change``: b and v of opposite
      signs, so growth and the international methods cannot be read (never for rates and totals).
    - ``change_points``/``points_per_year``: for an indicator that is itself a per cent (城镇化率),
      v − b in 百分点 and that per year since the base (56.35 → 57.0 over two years: +0.65, +0.325);
      NaN for other indicators, whose change is a growth rate. ``required_points``: for such an
      indicator with a level target, (T − v) per remaining year in 百分点 (57 → 60 in two years:
      +1.50), what it still needs in place of ``required_growth``; NaN elsewhere.
    """

    grade: np.ndarray
    completion: np.ndarray
    time_share: np.ndarray
    actual_growth: np.ndarray
    required_growth: np.ndarray
    required_per_year: np.ndarray
    achieved: np.ndarray
    projected_by_growth: np.ndarray
    projected_by_trend: np.ndarray
    projection: np.ndarray
    projected_miss: np.ndarray
    met: np.ndarray
    base_met: np.ndarray
    assessable: np.ndarray
    band_low: np.ndarray
    band_high: np.ndarray
    international: np.ndarray
    index_base: np.ndarray
    index_latest: np.ndarray
    index_target: np.ndarray
    index_direction: np.ndarray
    index_achieved: np.ndarray
    index_projection: np.ndarray
    floor_breaks: np.ndarray
    floor_worst: np.ndarray
    floor_years: np.ndarray
    falls: np.ndarray
    deviation: np.ndarray
    stable_band: np.ndarray
    sign_change: np.ndarray
    change_points: np.ndarray
    points_per_year: np.ndarray
    required_points: np.ndarray


@dataclass(frozen=True)
class Context:
    panel: Panel
    as_of: int
    settings: EvaluationSettings


class Rows:
    """The entries at ``index`` of a ``Series`` or ``Assessment`` (one kind's series, the rows whose
    sentences are asked for), each field indexed when first read: a rule reads only what it needs."""

    def __init__(self, series: Series | Assessment, index: np.ndarray):
        self._series, self.index = series, index

    def __getattr__(self, name: str) -> Any:  # a field of the Series or Assessment, at the rows
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._series, name)[self.index]
        setattr(self, name, value)
        return value

    def __len__(self) -> int:
        return len(self.index)

    def is_kind(self, *names: str) -> np.ndarray:
        return cast(Series, self._series).is_kind(*names)[self.index]  # rows of a Series only

    def has_word(self, *words: str) -> np.ndarray:
        return cast(Series, self._series).has_word(*words)[self.index]  # rows of a Series only


def assess(series: Series, panel: Panel, as_of: int, settings: EvaluationSettings) -> Assessment:
    """Every series by the rule of its kind, then the series without a target by ``without_target``."""
    context = Context(panel, as_of, settings)
    with np.errstate(all="ignore"):
        columns = _defaults(series, settings)
        for names, rule in RULES:
            index = np.flatnonzero(series.is_kind(*names))
            if len(index):
                _put(columns, index, rule(cast(Series, Rows(series, index)), context))
        index = np.flatnonzero(~series.has_target)
        if len(index):
            _put(columns, index, without_target(cast(Series, Rows(series, index)), context))
    return Assessment(**columns)


def _put(columns: dict[str, np.ndarray], index: np.ndarray, values: dict) -> None:
    for name, value in values.items():
        columns[name][index] = value


def _defaults(s: Series, settings: EvaluationSettings) -> dict[str, np.ndarray]:
    """The level measures every kind starts from (and keeps where its rule says nothing)."""
    n = len(s)
    projection = np.where(np.isfinite(s.growth_at_target), s.growth_at_target, s.trend_at_target)
    return {
        "grade": np.full(n, CODE[NO_TARGET], dtype=np.int8),
        "completion": np.full(n, np.nan), "time_share": f.time_share(s.base_year, s.latest_year, s.target_year),
        "actual_growth": s.average_growth.copy(), "required_growth": np.full(n, np.nan),
        "required_per_year": np.full(n, np.nan), "achieved": s.latest.copy(),
        "projected_by_growth": s.growth_at_target.copy(), "projected_by_trend": s.trend_at_target.copy(),
        "projection": projection, "projected_miss": np.zeros(n, dtype=bool), "met": np.zeros(n, dtype=bool),
        "base_met": np.zeros(n, dtype=bool), "assessable": s.elapsed > 0,
        "band_low": s.target.copy(), "band_high": s.target.copy(),
        "international": np.full(n, GROWTH_ONLY, dtype=np.int8), "index_base": s.base.copy(),
        "index_latest": s.latest.copy(), "index_target": s.target.copy(), "index_direction": s.direction.copy(),
        "index_achieved": np.zeros(n, dtype=bool), "index_projection": s.growth_at_target.copy(),
        "floor_breaks": np.zeros(n, dtype=np.int64), "floor_worst": np.full(n, np.nan),
        "floor_years": np.zeros(n, dtype=np.int64), "falls": np.zeros(n, dtype=np.int64),
        "deviation": s.latest - s.base, "stable_band": settings.stable_band * np.abs(s.base),
        "sign_change": s.sign_change.copy(),
        "change_points": np.where(s.percent_unit, s.latest - s.base, np.nan),
        "points_per_year": np.where(s.percent_unit & (s.elapsed > 0), (s.latest - s.base) / s.elapsed, np.nan),
        "required_points": np.full(n, np.nan),
    }


def _by_time_share(met: np.ndarray, base_met: np.ndarray, assessable: np.ndarray, completion: np.ndarray,
                   time_share: np.ndarray, settings: EvaluationSettings) -> np.ndarray:
    """提前实现 when met; 逆向 when the base met it and the latest no longer does, or completion < 0;
    completion ≥ time share + margin 快于预期, within ± margin 基本符合预期, below 滞后."""
    dec, margin = settings.decimals, settings.time_share_margin
    unknown = ~assessable | ~np.isfinite(completion) | ~np.isfinite(time_share)
    return f.pick(
        [met, base_met, unknown, f.rounded(completion, dec) < 0, f.at_least(completion, time_share + margin, dec),
         f.at_least(completion, time_share - margin, dec)],
        [CODE[ACHIEVED], CODE[REVERSE], CODE[NOT_ASSESSABLE], CODE[REVERSE], CODE[AHEAD], CODE[ON_TRACK]],
        default=CODE[BEHIND],
    )


def level(s: Series, c: Context) -> dict:
    """``level`` and ``about`` (“52左右”): reach a value by the target year.

    Measures: completion (v − b)/(T − b), time share (t − t0)/(t1 − t0), required growth
    (T/v)^(1/(t1 − t)) − 1. An ``about`` target is the band T ± ``about_tolerance``·|T|; reaching its
    near edge (coming from the base) meets it. Grade: ``_by_time_share``. The projection by growth
    (else by trend) that does not reach the near edge is a projected miss.
    """
    dec = c.settings.decimals
    d, b, v, target = s.direction, s.base, s.latest, s.target
    half = np.where(s.is_kind("about"), c.settings.about_tolerance * np.abs(target), 0.0)
    low, high = target - half, target + half
    edge = np.where(d > 0, low, high)  # the near edge of the band, coming from the base
    met, base_met = f.at_least(d * v, d * edge, dec), f.at_least(d * b, d * edge, dec)
    projection = np.where(np.isfinite(s.growth_at_target), s.growth_at_target, s.trend_at_target)
    completion = f.completion(b, v, target)
    time_share = f.time_share(s.base_year, s.latest_year, s.target_year)
    assessable = s.elapsed > 0
    # A rate or share (unit %) still needs a change in 百分点 a year, not a growth rate of the rate.
    points = s.percent_unit & (s.remaining > 0) & np.isfinite(target)
    return {
        "completion": completion, "required_growth": f.required_growth(v, target, s.remaining),
        "required_points": np.where(points, (target - v) / np.where(points, s.remaining, 1), np.nan),
        "band_low": low, "band_high": high, "met": met, "base_met": base_met,
        "projected_miss": ~met & np.isfinite(projection) & ~f.at_least(d * projection, d * edge, dec),
        "international": WITH_TARGET, "index_achieved": f.at_least(d * v, d * target, dec),
        "grade": _by_time_share(met, base_met, assessable, completion, time_share, c.settings),
    }


def _future(s: Series, as_of: int, step: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Combine ``step(r̂)`` over the remaining years, r̂ read off the fitted linear trend."""
    remaining = np.nan_to_num(s.remaining, nan=0.0)
    combined = np.zeros(len(remaining))
    slope, intercept = s.trend_slope, s.trend_intercept
    for k in range(1, int(max(remaining.max(initial=0.0), 0.0)) + 1):
        estimate = intercept + slope * (s.latest_year + k - as_of)
        combined = combined + np.where(k <= remaining, step(estimate), 0.0)
    return np.where(np.isfinite(slope) | (remaining <= 0), combined, np.nan)


def _chained(s: Series, c: Context, sign: float) -> tuple[np.ndarray, np.ndarray]:
    """(average yearly change of the index, the index Π(1 + sign·rᵢ/100)) from the rates after the base.

    Never a CAGR of the rates: the average is (Π(1+gᵢ))^(1/n) − 1; missing years are taken at it.
    """
    sub = subset(c.panel, s.index)  # type: ignore[attr-defined]
    logs = np.log1p(sign * c.panel.value[sub.rows] / 100.0)
    total = window_reduce(np.add, logs, sub.local(s.after_start), sub.local(c.panel.ends[sub.groups]), empty=0.0)
    change = f.chained_average(total, s.after_count)
    index = np.where(np.isfinite(change), (1.0 + change) ** s.elapsed, np.nan)  # NaN⁰ would be 1
    return change, index


def annual_growth(s: Series, c: Context) -> dict:
    """``annual_growth`` (“年均7.5左右”): the chained average rate against the target rate.

    The band is g* ± ``growth_about_tolerance`` for 左右/约, [g*, g* + tolerance) otherwise. Grade:
    提前实现 when the whole-period growth (1+g*)^(t1−t0) is already reached; 逆向 when the index
    fell; average ≥ the band's top 快于预期; ≥ its bottom 基本符合预期; else 滞后. Still needed:
    ((1+g*)^(t1−t0) / Π(1+gᵢ))^(1/(t1−t)) − 1.
    """
    dec, tolerance = c.settings.decimals, c.settings.growth_about_tolerance
    change, index = _chained(s, c, 1.0)
    goal = s.target / 100.0
    goal_index = (1.0 + goal) ** s.horizon
    completion = f.completion(1.0, index, goal_index)
    met = f.at_least(completion, 1.0, dec)
    low = np.where(s.about, goal - tolerance, goal)
    high = goal + tolerance
    assessable = (s.after_count > 0) & np.isfinite(change)
    trend_index = index * np.exp(_future(s, c.as_of, lambda r: np.log1p(r / 100.0)))
    grade = f.pick(
        [~assessable, met, f.rounded(completion, dec) < 0, f.at_least(change, high, dec), f.at_least(change, low, dec)],
        [CODE[NOT_ASSESSABLE], CODE[ACHIEVED], CODE[REVERSE], CODE[AHEAD], CODE[ON_TRACK]],
        default=CODE[BEHIND],
    )
    return {
        "completion": completion, "actual_growth": change,
        "required_growth": f.required_growth(index, goal_index, s.remaining),
        "projected_by_growth": 100.0 * change, "projected_by_trend": 100.0 * np.expm1(np.log(trend_index) / s.horizon),
        "projection": np.where(np.isfinite(change), 100.0 * change,
                               100.0 * np.expm1(np.log(trend_index) / s.horizon)),
        "achieved": 100.0 * change, "met": met, "assessable": assessable,
        "projected_miss": ~met & ~f.at_least(change, low, dec),
        "band_low": 100.0 * low, "band_high": 100.0 * high,
        "international": WITH_TARGET, "index_base": 1.0, "index_latest": index, "index_target": goal_index,
        "index_direction": 1.0, "index_achieved": met, "sign_change": False,
        "index_projection": index * (1.0 + change) ** np.maximum(s.remaining, 0.0), "grade": grade,
    }


def cumulative_reduction(s: Series, c: Context) -> dict:
    """``cumulative_reduction`` (“累计降低13.5%”): the yearly reductions chained, 1 − Π(1 − rᵢ).

    Completion = achieved reduction / target reduction, graded against time share as a level
    (``_by_time_share``; a base cannot have met it). Still needed each year:
    1 − ((1 − X)/Π(1 − rᵢ))^(1/(t1 − t)).
    """
    dec = c.settings.decimals
    change, index = _chained(s, c, -1.0)  # change: the index's yearly change (negative when reducing)
    goal = s.target / 100.0
    goal_index = 1.0 - goal
    completion = f.completion(1.0, index, goal_index)
    met = f.at_least(completion, 1.0, dec)
    full = 100.0 * (1.0 - (1.0 + change) ** s.horizon)
    trend_index = index * np.exp(_future(s, c.as_of, lambda r: np.log1p(-r / 100.0)))
    assessable = (s.after_count > 0) & np.isfinite(change)
    time_share = f.time_share(s.base_year, s.latest_year, s.target_year)
    zero = np.zeros(len(s), dtype=bool)
    return {
        "completion": completion, "actual_growth": -change,
        "required_growth": -f.required_growth(index, goal_index, s.remaining),
        "projected_by_growth": full, "projected_by_trend": 100.0 * (1.0 - trend_index),
        "projection": np.where(np.isfinite(full), full, 100.0 * (1.0 - trend_index)),
        "achieved": 100.0 * (1.0 - index), "met": met, "assessable": assessable,
        "projected_miss": ~met & ~f.at_least(full, s.target, dec),
        "band_low": 100.0 * np.where(s.about, goal - c.settings.growth_about_tolerance,
                                     goal),
        "band_high": 100.0 * (goal + c.settings.growth_about_tolerance),
        "international": WITH_TARGET, "index_base": 1.0, "index_latest": index, "index_target": goal_index,
        "index_direction": -1.0, "index_achieved": met, "sign_change": False,
        "index_projection": index * (1.0 + change) ** np.maximum(s.remaining, 0.0),
        "grade": _by_time_share(met, zero, assessable, completion, time_share, c.settings),
    }


def cumulative(s: Series, c: Context) -> dict:
    """``cumulative`` (five-year total, 〔500〕): yearly additions summed against the period total.

    Missing years count at the observed average. Completion = total / target, graded against time
    share (``_by_time_share``); ``required_per_year`` = (target − total)/(t1 − t).
    """
    dec = c.settings.decimals
    sub = subset(c.panel, s.index)  # type: ignore[attr-defined]
    added = window_reduce(np.add, c.panel.value[sub.rows], sub.local(s.after_start),
                          sub.local(c.panel.ends[sub.groups]), empty=0.0)
    n = s.after_count.astype(float)
    mean = np.where(n > 0, added / np.maximum(n, 1.0), np.nan)
    total = mean * s.elapsed  # missing years at the observed average
    target, remaining = s.target, s.remaining
    met = f.at_least(total, target, dec)
    full = mean * s.horizon
    completion = f.completion(0.0, total, target)
    time_share = f.time_share(s.base_year, s.latest_year, s.target_year)
    zero = np.zeros(len(s), dtype=bool)
    trend = total + _future(s, c.as_of, lambda r: r)
    return {
        "completion": completion, "actual_growth": np.nan,
        "required_per_year": np.where(remaining > 0, (target - total) / np.where(remaining > 0, remaining, 1.0),
                                      np.nan),
        "projected_by_growth": full, "projected_by_trend": trend,
        "projection": np.where(np.isfinite(full), full, trend), "achieved": total, "met": met,
        "projected_miss": ~met & ~f.at_least(full, target, dec), "assessable": n > 0,
        "international": UNSD_ONLY, "index_base": 0.0, "index_latest": total, "index_direction": 1.0,
        "index_achieved": met, "index_projection": full, "sign_change": False,
        "grade": _by_time_share(met, zero, n > 0, completion, time_share, c.settings),
    }


def floor(s: Series, c: Context) -> dict:
    """``floor`` (耕地保有量 536.86, “>95”): must hold in every observed year after the base year.

    (Lower is better: a ceiling.) Held in every year (at least the latest) → 提前实现, else 滞后.
    A projection (by growth, else trend) that breaks it is a projected miss.
    """
    dec, panel = c.settings.decimals, c.panel
    sub = subset(panel, s.index)  # type: ignore[attr-defined]
    d_row, t_row, strict_row = sub.per_row(s.direction), sub.per_row(s.target), sub.per_row(s.strict)
    margin = f.rounded(d_row * (panel.value[sub.rows] - t_row), dec)
    holds = np.where(strict_row, margin > 0, margin >= 0)
    ends = panel.ends[sub.groups]
    lo = np.minimum(s.after_start, ends - 1)
    window = (sub.local(lo), sub.local(ends))
    breaks = window_reduce(np.add, (~holds).astype(np.int64), *window, empty=0).astype(np.int64)
    worst = window_reduce(np.minimum, d_row * panel.value[sub.rows], *window) * s.direction
    projection = np.where(np.isfinite(s.growth_at_target), s.growth_at_target, s.trend_at_target)
    margin_t1 = f.rounded(s.direction * (projection - s.target), dec)
    projected_holds = np.where(s.strict, margin_t1 > 0, margin_t1 >= 0)
    return {
        "floor_breaks": breaks, "floor_worst": worst, "floor_years": ends - lo, "met": breaks == 0,
        "projected_miss": np.isfinite(projection) & ~projected_holds, "assessable": True,
        "international": WITH_TARGET, "index_achieved": breaks == 0,
        "grade": np.where(breaks == 0, CODE[ACHIEVED], CODE[BEHIND]),
    }


def qualitative(s: Series, c: Context) -> dict:
    """``qualitative``: 稳中有升, 保持稳定 and 量稳质升.

    - 稳中有升: latest below base 逆向; a yearly fall beyond ``rise_fall_tolerance`` 滞后; else
      基本符合预期.
    - 保持稳定 (and 量稳质升's volume): above the band ±``stable_band``·|b| (the desired way)
      快于预期, inside 基本符合预期, below 滞后; 量稳质升 with the quality judged other than 升 is at
      best 滞后.
    """
    dec = c.settings.decimals
    rise = s.has_word(QUALITATIVE_RISE)
    stable = s.has_word(QUALITATIVE_STABLE, QUALITATIVE_VOLUME_QUALITY)
    assessable = (s.elapsed > 0) & (rise | stable)
    falls = np.zeros(len(s), dtype=np.int64)
    if rise.any():
        falls[rise] = _falls(cast(Series, Rows(s._series, s.index[rise])), c)  # type: ignore[attr-defined]
    deviation, band = s.latest - s.base, c.settings.stable_band * np.abs(s.base)
    steady_rise = f.pick(
        [~assessable, f.rounded(s.direction * deviation, dec) < 0, falls > 0],
        [CODE[NOT_ASSESSABLE], CODE[REVERSE], CODE[BEHIND]], default=CODE[ON_TRACK])
    above = f.rounded(s.direction * deviation, dec) > f.rounded(band, dec)
    inside = f.rounded(np.abs(deviation), dec) <= f.rounded(band, dec)
    volume = f.pick([~assessable, above, inside], [CODE[NOT_ASSESSABLE], CODE[AHEAD], CODE[ON_TRACK]],
                       default=CODE[BEHIND])
    quality_short = s.has_word(QUALITATIVE_VOLUME_QUALITY) & (s.quality != "") & (s.quality != QUALITY_UP)
    better_than_behind = graded_as(volume, ON_TRACK, AHEAD, ACHIEVED)
    stable_grade = np.where(quality_short & better_than_behind, CODE[BEHIND], volume)
    return {"assessable": assessable, "falls": falls, "international": GROWTH_ONLY,
            "grade": np.where(rise, steady_rise, stable_grade)}


def _falls(s: Series, c: Context) -> np.ndarray:
    """The yearly falls beyond ``rise_fall_tolerance`` from the base on (稳中有升's 稳)."""
    panel, dec = c.panel, c.settings.decimals
    sub = subset(panel, s.index)  # type: ignore[attr-defined]
    values = panel.value[sub.rows]
    d_row = sub.per_row(s.direction)
    change = d_row[1:] * (values[1:] - values[:-1]) / np.abs(values[:-1])
    fell = np.concatenate(([0], (f.rounded(change, dec) < -c.settings.rise_fall_tolerance)))
    lo, hi = sub.local(s.after_start), sub.local(panel.ends[sub.groups])
    later = window_reduce(np.add, fell.astype(np.int64), np.minimum(lo + 1, hi), hi, empty=0)
    first_value = values[np.minimum(lo, len(values) - 1)]
    first_change = s.direction * (first_value - s.base) / np.abs(s.base)
    first = (hi > lo) & (f.rounded(first_change, dec) < -c.settings.rise_fall_tolerance)
    return later.astype(np.int64) + first


def without_target(s: Series, c: Context) -> dict:
    """``assigned`` (待下达 until the province's figure is entered), ``unspecified`` and any kind whose
    target is missing (无目标值): no completion or grade, only the latest value and the trend."""
    return {
        "completion": np.nan, "required_growth": np.nan, "met": False, "base_met": False, "projected_miss": False,
        "international": GROWTH_ONLY,
        "grade": np.where(s.is_kind("assigned"), CODE[AWAITING], CODE[NO_TARGET]),
    }


RULES: tuple[tuple[tuple[str, ...], Callable[[Series, Context], dict]], ...] = (
    (("level", "about"), level),
    (("annual_growth",), annual_growth),
    (("cumulative_reduction",), cumulative_reduction),
    (("cumulative",), cumulative),
    (("floor",), floor),
    (("qualitative",), qualitative),
)


def warning(s: Series, a: Assessment) -> np.ndarray:
    """预警: a binding (约束性) series that is graded 滞后 or 逆向, or is projected to miss its target."""
    graded = graded_as(a.grade, *GRADE_RANK)
    lagging = graded_as(a.grade, *LAGGING)
    return s.binding & graded & (lagging | a.projected_miss)
