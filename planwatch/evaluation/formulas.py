"""The evaluation formulas of the design page, elementwise over NumPy arrays (scalars work too).

Undefined results are NaN, never an exception: a zero base has no growth rate, a target equal to
the base has no completion. The caller decides what NaN means for a grade and says so in words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


def completion(base: npt.ArrayLike, latest: npt.ArrayLike, target: npt.ArrayLike) -> np.ndarray:
    """完成度 ``(v − b) / (T − b)``; NaN when the target equals the base."""
    base, latest, target = np.asarray(base, float), np.asarray(latest, float), np.asarray(target, float)
    with np.errstate(all="ignore"):
        return np.where(target != base, (latest - base) / (target - base), np.nan)


def time_share(base_year: npt.ArrayLike, year: npt.ArrayLike, target_year: npt.ArrayLike) -> np.ndarray:
    """时序进度 ``(t − t0) / (t1 − t0)``, with the indicator's own base year."""
    base_year, year, target_year = (np.asarray(a, float) for a in (base_year, year, target_year))
    with np.errstate(all="ignore"):
        return np.where(target_year > base_year, (year - base_year) / (target_year - base_year), np.nan)


def average_growth(start: npt.ArrayLike, end: npt.ArrayLike, years: npt.ArrayLike) -> np.ndarray:
    """Compound average yearly growth ``(end / start)^(1/years) − 1``; needs both values positive."""
    start, end, years = (np.asarray(a, float) for a in (start, end, years))
    ok = (start > 0) & (end > 0) & (years > 0)
    with np.errstate(all="ignore"):
        return np.where(ok, (end / start) ** (1.0 / years) - 1.0, np.nan)


def required_growth(latest: npt.ArrayLike, target: npt.ArrayLike, remaining: npt.ArrayLike) -> np.ndarray:
    """需年均增速 ``(T / v)^(1/(t1 − t)) − 1``: what the remaining years must deliver."""
    return average_growth(latest, target, remaining)


def project(latest: npt.ArrayLike, growth: npt.ArrayLike, years: npt.ArrayLike) -> np.ndarray:
    """The value ``years`` ahead at a constant yearly growth."""
    latest, growth, years = (np.asarray(a, float) for a in (latest, growth, years))
    with np.errstate(all="ignore"):
        return latest * (1.0 + growth) ** np.maximum(years, 0.0)


def chained_average(log_sum: npt.ArrayLike, count: npt.ArrayLike) -> np.ndarray:
    """Average of yearly rates chained, ``(Π(1+gᵢ))^(1/n) − 1``, from ``Σ ln(1+gᵢ)`` and n."""
    log_sum, count = np.asarray(log_sum, float), np.asarray(count, float)
    with np.errstate(all="ignore"):
        return np.where(count > 0, np.expm1(log_sum / count), np.nan)


def rounded(values: npt.ArrayLike, decimals: int) -> np.ndarray:
    """Round before comparing so 100 → 100.5 is exactly 0.5% and not 0.4999999999999893%."""
    return np.round(np.asarray(values, float), decimals)


def at_least(a: npt.ArrayLike, b: npt.ArrayLike, decimals: int) -> np.ndarray:
    """``a ≥ b`` after rounding both; NaN compares False."""
    return rounded(a, decimals) >= rounded(b, decimals)


def pick(conditions: Sequence[np.ndarray | bool], codes: Sequence[int], default: int) -> np.ndarray:
    """``np.select`` for small integer codes (grades, statuses): the code of the first condition that holds.

    Without branches: the conditions of a grade are mixed from series to series, and np.select's
    per-element branch on them costs ten times the arithmetic ``code where c else code-so-far``
    (as c · (code − so far) + so far, in int8).
    """
    arrays = [np.asarray(c, dtype=bool) for c in conditions]
    shape = np.broadcast_shapes(*(a.shape for a in arrays))
    out = np.full(shape, default, dtype=np.int8)
    for condition, code in zip(reversed(arrays), reversed(list(codes)), strict=True):
        holds = np.broadcast_to(condition, shape).view(np.int8)
        out += holds * (np.int8(code) - out)
    return out
