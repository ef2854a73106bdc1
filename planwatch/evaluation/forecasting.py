"""Forecasts to the target year and the vision year, with an 80% interval and the method named.

- ``loglinear``: least squares of ln(value) on the year, from 4 points; the 80% prediction
  interval is ``exp(ŷ ± t₀.₉,ₙ₋₂ · s · √(1 + 1/n + (x₀ − x̄)²/Sxx))``. ``evaluate`` computes it for
  every series at once from window sums.
- ``ets_holt``: Holt's linear trend (statsmodels ETS, additive error and trend), only from 10
  consecutive annual points: on 4–5 annual points its intervals are misleadingly narrow or wide.
  It is fitted series by series (a tenth of a second each), so ``evaluate`` uses it only when the
  evaluation has at most ``ets_max_series`` such long series (a plan's few); beyond that (the
  benchmark's 600,000) those series keep the vectorised log-linear fit, and ``forecast_method``
  says which was used.
- ``growth`` / ``linear``: for shorter series the average growth rate or the linear trend of the
  last ≤ 6 points carried forward, with no interval (there is no honest one).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from planwatch.evaluation import formulas as f
from planwatch.evaluation.frame import Panel
from planwatch.evaluation.groups import Fit, window_fit, year_sums, years_from
from planwatch.evaluation.kinds import Assessment
from planwatch.evaluation.phrases import CHINESE
from planwatch.evaluation.series import Series
from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings

if TYPE_CHECKING:
    import pandas as pd

FORECAST_METHOD_KEYS = ("loglinear", "ets_holt", "growth", "linear")
# The methods' names in Chinese; each language's are in the phrasebook (``forecast_methods``).
METHOD_LABELS = {**dict(zip(FORECAST_METHOD_KEYS, CHINESE.forecast_methods, strict=True)), "": "—"}


RATE_LIKE_KINDS = ("annual_growth", "cumulative_reduction", "cumulative")
# ``forecast_method`` of the vectorised forecasts, by code (ETS is written series by series).
FORECAST_METHODS = np.array(["loglinear", "growth", "linear", ""], dtype=object)


def t_quantile(level: float, dof: npt.ArrayLike) -> np.ndarray:
    """Two-sided Student-t quantile for a ``level`` interval; NaN where dof < 1 or not whole.

    Degrees of freedom here are n − 2 for n points, whole numbers, for which P(|T| ≤ t) has a closed
    form in θ = atan(t/√ν) (Abramowitz & Stegun 26.7.3–4); it rises with θ, so bisection on θ gives
    the quantile to machine precision without importing scipy (a second of start-up for the CLI).
    """
    dof = np.asarray(dof, float)
    out = np.full(dof.shape, np.nan)
    ok = (dof >= 1) & (dof == np.round(dof)) & (dof <= 100_000)
    if ok.any():  # few distinct degrees of freedom, whole and small: solve each once, look the rest up
        whole = dof[ok].astype(np.int64)
        low = int(whole.min())
        present = np.flatnonzero(np.bincount(whole - low)) + low
        table = np.full(int(present[-1]) - low + 1, np.nan)
        table[present - low] = [_t_two_sided(level, v) for v in present.tolist()]
        out[ok] = table[whole - low]
    return out


@cache  # a pure function of two numbers, asked for the same few in every block
def _t_two_sided(level: float, nu: int) -> float:
    lo, hi = 0.0, math.pi / 2.0
    for _ in range(64):
        mid = (lo + hi) / 2.0
        if _t_central(mid, nu) < level:
            lo = mid
        else:
            hi = mid
    return math.sqrt(nu) * math.tan((lo + hi) / 2.0)


def _t_central(theta: float, nu: int) -> float:
    """P(|T| ≤ √ν·tan θ) for ν degrees of freedom (A&S 26.7.3 for odd ν, 26.7.4 for even)."""
    c2 = math.cos(theta) ** 2
    if nu % 2:
        term, total = 1.0, 1.0 if nu > 1 else 0.0
        for k in range(1, (nu - 3) // 2 + 1):  # 1 + (2/3)c² + (2·4)/(3·5)c⁴ + …
            term *= c2 * (2 * k) / (2 * k + 1)
            total += term
        return 2.0 / math.pi * (theta + (math.sin(theta) * math.cos(theta) * total if nu > 1 else 0.0))
    term, total = 1.0, 1.0
    for k in range(1, (nu - 2) // 2 + 1):  # 1 + (1/2)c² + (1·3)/(2·4)c⁴ + …
        term *= c2 * (2 * k - 1) / (2 * k)
        total += term
    return math.sin(theta) * total


def loglinear_interval(fit: Fit, x0: npt.ArrayLike, level: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(point, low, high) at ``x0`` from a least-squares fit of ln(value)."""
    x0 = np.asarray(x0, float)
    with np.errstate(all="ignore"):
        dof = fit.n - 2.0
        scale = np.sqrt(fit.residual_ss / dof * (1.0 + 1.0 / fit.n + (x0 - fit.x_mean) ** 2 / fit.sxx))
        centre = fit.at(x0)
        spread = t_quantile(level, dof) * scale
        return np.exp(centre), np.exp(centre - spread), np.exp(centre + spread)


def series_forecasts(panel: Panel, s: Series, a: Assessment, as_of: int, settings: EvaluationSettings,
                     horizons: dict[str, np.ndarray], *, with_ets: bool = False) -> dict[str, np.ndarray]:
    """Vectorised forecasts per series for each named year array (e.g. target, vision).

    ``with_ets``: refit the long series (``long_series``) by Holt's linear trend; the caller
    decides, over the whole evaluation, whether there are few enough of them.
    """
    rate_like = s.is_kind(*RATE_LIKE_KINDS)
    x = years_from(panel, as_of)
    # ln of the positive values, NaN for the others: a series with one of those has a NaN sum, so a NaN
    # slope, so no log-linear fit (values are finite, so ln is finite wherever it is taken).
    logs = np.log(panel.value, out=np.full(len(panel.value), np.nan), where=panel.value > 0)
    fit = window_fit(x, logs, panel.starts, panel.ends, x_sums=year_sums(panel, as_of, panel.starts, panel.ends))
    loglinear = ~rate_like & (fit.n >= settings.loglinear_min_points) & np.isfinite(fit.slope)
    growth = ~rate_like & ~loglinear & np.isfinite(a.actual_growth)
    linear = ~rate_like & ~loglinear & ~growth & np.isfinite(s.trend_slope)
    # Codes into the names, not np.select on strings: a new str object per series costs a tenth of the forecast.
    method = np.take(FORECAST_METHODS, f.pick([loglinear, growth, linear], [0, 1, 2], 3))
    out = {"forecast_method": method}
    for name, years in horizons.items():
        point, low, high = loglinear_interval(fit, years - as_of, settings.forecast_level)
        by_growth = s.latest * (1.0 + a.actual_growth) ** np.maximum(years - s.latest_year, 0.0)
        by_line = s.trend.at(years - as_of)
        out[f"{name}_value"] = np.select([loglinear, growth, linear], [point, by_growth, by_line], np.nan)
        out[f"{name}_low"] = np.where(loglinear, low, np.nan)
        out[f"{name}_high"] = np.where(loglinear, high, np.nan)
    if with_ets:
        _ets_series(out, panel, long_series(panel, rate_like, settings), horizons, settings)
    return out




def long_series(panel: Panel, rate_like: np.ndarray, settings: EvaluationSettings) -> np.ndarray:
    """Series with ≥ ``ets_min_points`` consecutive annual points (not rate-like): Holt's candidates.

    Years within a series are distinct and sorted, so consecutive means last − first = n − 1.
    """
    if not len(panel.year):
        return np.zeros(len(panel.starts), dtype=bool)
    n = panel.ends - panel.starts
    consecutive = panel.last_year() - panel.first_year() == n - 1
    return (n >= settings.ets_min_points) & consecutive & ~rate_like


def _ets_series(out: dict, panel: Panel, long: np.ndarray, horizons: dict[str, np.ndarray],
                settings: EvaluationSettings) -> None:
    """Overwrite the forecasts of the long series with Holt's (one statsmodels fit per series)."""
    for g in np.flatnonzero(long).tolist():
        lo, hi = int(panel.starts[g]), int(panel.ends[g])
        xs, ys = panel.year[lo:hi], panel.value[lo:hi]
        names = list(horizons)
        targets = np.array([horizons[name][g] for name in names], dtype=float)
        if not np.isfinite(targets).all():
            continue
        try:
            point, low, high = _ets(xs, ys, targets.astype(int), settings)
        except (ValueError, np.linalg.LinAlgError):
            continue  # keep the log-linear (or growth) forecast already in place
        out["forecast_method"][g] = "ets_holt"
        for i, name in enumerate(names):
            out[f"{name}_value"][g], out[f"{name}_low"][g], out[f"{name}_high"][g] = point[i], low[i], high[i]


def forecast(years: Sequence[int], values: Sequence[float], to_years: Sequence[int], *,
             settings: EvaluationSettings = DEFAULT_SETTINGS, method: str = "auto") -> pd.DataFrame:
    """Forecast one series to ``to_years``: columns year, value, low, high, method, points.

    ``method="auto"`` picks ETS from ``ets_min_points`` evenly spaced positive points, the
    log-linear regression from ``loglinear_min_points``, else the growth (or linear) projection.
    """
    import pandas as pd

    series = pd.Series(np.asarray(values, float), index=np.asarray(years, int)).dropna()
    series = series[~series.index.duplicated(keep="last")].sort_index()
    xs, ys, targets = series.index.to_numpy(), series.to_numpy(), np.asarray(list(to_years), int)
    chosen = _choose(xs, ys, settings) if method == "auto" else method
    low: np.ndarray | float  # NaN alone where the method gives no interval
    high: np.ndarray | float
    if chosen == "ets_holt":
        point, low, high = _ets(xs, ys, targets, settings)
    elif chosen == "loglinear":
        point, low, high = _loglinear(xs, ys, targets, settings)
    elif chosen in ("growth", "linear"):
        point, low, high = _short(xs, ys, targets, chosen, settings), np.nan, np.nan
    else:
        point = low = high = np.full(len(targets), np.nan)
    size = len(targets)
    return pd.DataFrame({
        "year": targets, "value": np.broadcast_to(point, size), "low": np.broadcast_to(low, size),
        "high": np.broadcast_to(high, size), "method": chosen, "points": len(xs),
    })


def _choose(xs: np.ndarray, ys: np.ndarray, settings: EvaluationSettings) -> str:
    positive, n = bool((ys > 0).all()), len(xs)
    even = n > 1 and bool((np.diff(xs) == 1).all())
    if n >= settings.ets_min_points and even:
        return "ets_holt"
    if n >= settings.loglinear_min_points and positive:
        return "loglinear"
    if n >= 2:
        return "growth" if positive else "linear"
    return ""


def _loglinear(
    xs: np.ndarray, ys: np.ndarray, targets: np.ndarray, settings: EvaluationSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lo, hi = np.array([0]), np.array([len(xs)])
    origin = float(xs[-1])  # centre x on the last year: sums of squared years lose digits
    fit = window_fit(xs - origin, np.log(ys), lo, hi)
    return loglinear_interval(fit, targets - origin, settings.forecast_level)


def _short(
    xs: np.ndarray, ys: np.ndarray, targets: np.ndarray, chosen: str, settings: EvaluationSettings
) -> np.ndarray:
    if chosen == "growth":
        rate = (ys[-1] / ys[0]) ** (1.0 / (xs[-1] - xs[0])) - 1.0
        return ys[-1] * (1.0 + rate) ** (targets - xs[-1])
    tail = slice(max(len(xs) - settings.trend_points, 0), len(xs))
    slope, intercept = np.polyfit(xs[tail].astype(float), ys[tail], 1)
    return intercept + slope * targets


def _ets(
    xs: np.ndarray, ys: np.ndarray, targets: np.ndarray, settings: EvaluationSettings
) -> tuple[np.ndarray, ...]:
    import warnings

    import pandas as pd
    from statsmodels.tools.sm_exceptions import ConvergenceWarning
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    model = ETSModel(pd.Series(ys, index=pd.RangeIndex(len(ys))), error="add", trend="add")
    with warnings.catch_warnings():
        # A short annual series often stops the optimiser at its tolerance; the fit is still the best found.
        warnings.simplefilter("ignore", ConvergenceWarning)
        result = model.fit(disp=False)
    steps = int(max(targets.max() - xs[-1], 1))
    frame = result.get_prediction(start=len(ys), end=len(ys) + steps - 1).summary_frame(
        alpha=1.0 - settings.forecast_level)
    ahead = targets - xs[-1]
    pick = np.clip(ahead - 1, 0, steps - 1)
    valid = ahead >= 1
    return tuple(np.where(valid, frame[c].to_numpy()[pick], np.nan) for c in ("mean", "pi_lower", "pi_upper"))
