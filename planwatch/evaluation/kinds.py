"""What differs from a level target, kind by kind; each step touches only the rows of its kind.

- ``annual_growth`` and ``cumulative_reduction``: the observations are yearly rates in per cent.
  They are chained, never run through a CAGR: average ``(Π(1+gᵢ))^(1/n) − 1``, cumulative
  reduction ``1 − Π(1−rᵢ)``. Missing years are taken at the average of the observed ones.
- ``cumulative``: yearly additions summed against a period total (〔5500〕 on a 新增 indicator).
- ``floor``: must hold in every observed year after the base year (and in the latest).
- ``qualitative``: 稳中有升 (no yearly fall beyond a tolerance, latest ≥ base), 保持稳定 and the
  volume part of 量稳质升 (within a band around the base).
- ``assigned`` / ``unspecified``: no target to measure against; the trend is still reported.
"""

from __future__ import annotations

import numpy as np

from planwatch.evaluation import formulas as f
from planwatch.evaluation.groups import Subset, subset, window_reduce
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    QUALITATIVE_RISE,
    QUALITATIVE_STABLE,
    QUALITATIVE_VOLUME_QUALITY,
    QUALITATIVE_WORDS,
)

ABOUT_WORDS = ("左右", "约")


def _put(w, groups: np.ndarray, **values) -> None:
    """Write per-group values into the Work arrays at ``groups`` (copying, never aliasing)."""
    for name, value in values.items():
        target = getattr(w, name).copy()
        target[groups] = value
        setattr(w, name, target)


def _window(w, panel, sub: Subset, lo: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return sub.local(lo), sub.local(panel.ends[sub.groups])


def _future(w, g: np.ndarray, as_of: int, step) -> np.ndarray:
    """Combine ``step(r̂)`` over the remaining years, r̂ read off the fitted linear trend."""
    remaining = np.nan_to_num(w.remaining[g], nan=0.0)
    combined = np.zeros(len(g))
    slope, intercept = w.fit.slope[g], w.fit.intercept[g]
    for k in range(1, int(max(remaining.max(initial=0.0), 0.0)) + 1):
        estimate = intercept + slope * (w.t[g] + k - as_of)
        combined = combined + np.where(k <= remaining, step(estimate), 0.0)
    return np.where(np.isfinite(slope) | (remaining <= 0), combined, np.nan)


def rates(w, panel, as_of: int, settings: EvaluationSettings) -> None:
    mask = w.mask("annual_growth", "cumulative_reduction")
    if not mask.any():
        return
    sub = subset(panel, mask)
    g = sub.groups
    reduction = w.mask("cumulative_reduction")[g]
    sign = np.where(reduction, -1.0, 1.0)
    logs = np.log1p(sub.per_row(sign) * panel.value[sub.rows] / 100.0)
    total = window_reduce(np.add, logs, *_window(w, panel, sub, w.lo_after[g]), empty=0.0)
    change = f.chained_average(total, w.n_after[g])  # yearly change of the index
    target = w.T[g] / 100.0
    index = np.where(np.isfinite(change), (1.0 + change) ** w.span[g], np.nan)  # NaN⁰ would be 1
    target_index = np.where(reduction, 1.0 - target, (1.0 + target) ** w.horizon[g])
    completion = f.completion(1.0, index, target_index)
    still = f.required_growth(index, target_index, w.remaining[g])
    trend_index = index * np.exp(_future(w, g, as_of, lambda r: np.log1p(sign * r / 100.0)))
    met = f.at_least(completion, 1.0, settings.decimals)
    about = np.isin(w.target_qualifier[g], ABOUT_WORDS)
    lo = np.where(about, target - settings.growth_about_tolerance, target)
    full = np.where(reduction, 100.0 * (1.0 - (1.0 + change) ** w.horizon[g]), 100.0 * change)
    miss = np.where(reduction, ~f.at_least(full, w.T[g], settings.decimals),
                    ~f.at_least(change, lo, settings.decimals))
    _put(
        w, g,
        completion=completion, actual=np.where(reduction, -change, change),
        required=np.where(reduction, -still, still), proj_growth=full,
        proj_trend=np.where(reduction, 100.0 * (1.0 - trend_index), 100.0 * np.expm1(np.log(trend_index) / w.horizon[g])),
        achieved=np.where(reduction, 100.0 * (1.0 - index), 100.0 * change),
        met=met, base_met=False, projected_miss=~met & miss, assessable=(w.n_after[g] > 0) & np.isfinite(change),
        edge=w.T[g], band_lo=100.0 * lo, band_hi=100.0 * (target + settings.growth_about_tolerance),
        sign_change=False, ix_b=1.0, ix_v=index, ix_T=target_index, ix_d=sign, ix_achieved=met,
        ix_proj=index * (1.0 + change) ** np.maximum(w.remaining[g], 0.0),
    )
    w.projection = np.where(np.isfinite(w.proj_growth), w.proj_growth, w.proj_trend)


def cumulative(w, panel, as_of: int, settings: EvaluationSettings) -> None:
    mask = w.mask("cumulative")
    if not mask.any():
        return
    sub = subset(panel, mask)
    g = sub.groups
    added = window_reduce(np.add, panel.value[sub.rows], *_window(w, panel, sub, w.lo_after[g]), empty=0.0)
    n = w.n_after[g].astype(float)
    mean = np.where(n > 0, added / np.maximum(n, 1.0), np.nan)
    total = mean * w.span[g]  # missing years at the observed average
    target, remaining = w.T[g], w.remaining[g]
    met = f.at_least(total, target, settings.decimals)
    full = mean * w.horizon[g]
    _put(
        w, g,
        completion=f.completion(0.0, total, target), actual=np.nan, required=np.nan,
        required_amount=np.where(remaining > 0, (target - total) / np.where(remaining > 0, remaining, 1.0), np.nan),
        proj_growth=full, proj_trend=total + _future(w, g, as_of, lambda r: r), achieved=total,
        met=met, base_met=False, projected_miss=~met & ~f.at_least(full, target, settings.decimals),
        assessable=n > 0, sign_change=False, edge=target,
        ix_method=0, ix_b=0.0, ix_v=total, ix_T=target, ix_d=1.0, ix_achieved=met, ix_proj=full,
    )
    w.projection = np.where(np.isfinite(w.proj_growth), w.proj_growth, w.proj_trend)


def floors(w, panel, settings: EvaluationSettings) -> None:
    """A floor (or, lower-is-better, a ceiling) must hold in every year after the base year."""
    n = len(w.v)
    w.floor_breaks, w.floor_worst, w.floor_years = np.zeros(n, np.int64), np.full(n, np.nan), np.zeros(n, np.int64)
    mask = w.mask("floor")
    if not mask.any():
        return
    sub = subset(panel, mask)
    g = sub.groups
    d_row, t_row, strict_row = sub.per_row(w.d[g]), sub.per_row(w.T[g]), sub.per_row(w.strict[g])
    margin = f.rounded(d_row * (panel.value[sub.rows] - t_row), settings.decimals)
    holds = np.where(strict_row, margin > 0, margin >= 0)
    lo = np.minimum(w.lo_after[g], panel.ends[g] - 1)
    window = _window(w, panel, sub, lo)
    breaks = window_reduce(np.add, (~holds).astype(np.int64), *window, empty=0).astype(np.int64)
    worst = window_reduce(np.minimum, d_row * panel.value[sub.rows], *window) * w.d[g]
    primary = w.projection[g]
    margin_t1 = f.rounded(w.d[g] * (primary - w.T[g]), settings.decimals)
    proj_holds = np.where(w.strict[g], margin_t1 > 0, margin_t1 >= 0)
    _put(
        w, g,
        floor_breaks=breaks, floor_worst=worst, floor_years=(panel.ends[g] - lo),
        completion=np.nan, required=np.nan, met=breaks == 0, base_met=False, edge=w.T[g],
        projected_miss=np.isfinite(primary) & ~proj_holds, assessable=True, ix_achieved=breaks == 0,
    )


def qualitative(w, panel, settings: EvaluationSettings) -> None:
    n = len(w.v)
    w.falls = np.zeros(n, np.int64)
    w.deviation = w.v - w.b
    w.band = settings.stable_band * np.abs(w.b)
    mask = w.mask("qualitative")
    if not mask.any():
        return
    g = np.flatnonzero(mask)
    _put(w, g, completion=np.nan, required=np.nan, met=False, base_met=False, projected_miss=False, ix_method=1)
    rise = mask & w.has_word(QUALITATIVE_RISE)
    if rise.any():
        _falls(w, panel, rise, settings)
    stable = mask & w.has_word(QUALITATIVE_STABLE, QUALITATIVE_VOLUME_QUALITY)
    _put(w, np.flatnonzero(mask & ~rise & ~stable), assessable=False)


def _falls(w, panel, mask: np.ndarray, settings: EvaluationSettings) -> None:
    """Count the yearly falls beyond the tolerance from the base on (稳中有升's 稳)."""
    sub = subset(panel, mask)
    g = sub.groups
    values = panel.value[sub.rows]
    d_row = sub.per_row(w.d[g])
    with np.errstate(all="ignore"):
        change = d_row[1:] * (values[1:] - values[:-1]) / np.abs(values[:-1])
    fell = np.concatenate(([0], (f.rounded(change, settings.decimals) < -settings.rise_fall_tolerance)))
    lo, hi = _window(w, panel, sub, w.lo_after[g])
    later = window_reduce(np.add, fell.astype(np.int64), np.minimum(lo + 1, hi), hi, empty=0)
    first_value = values[np.minimum(lo, len(values) - 1)]
    with np.errstate(all="ignore"):
        first_change = w.d[g] * (first_value - w.b[g]) / np.abs(w.b[g])
    first = (hi > lo) & (f.rounded(first_change, settings.decimals) < -settings.rise_fall_tolerance)
    _put(w, g, falls=later.astype(np.int64) + first)


def without_target(w) -> None:
    """assigned / unspecified, and target kinds whose target value is missing: trend only."""
    qualitative_ok = (w.mask("qualitative")) & w.has_word(*QUALITATIVE_WORDS)
    w.has_target = np.where(w.mask("qualitative"), qualitative_ok, w.has_target)
    w.has_target &= ~w.mask("assigned", "unspecified")
    none = ~w.has_target
    if none.any():
        g = np.flatnonzero(none)
        _put(w, g, completion=np.nan, required=np.nan, met=False, base_met=False, projected_miss=False, ix_method=1)
