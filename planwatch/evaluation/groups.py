"""Reductions over a window of each series, all series at once.

Rows are sorted by series then year, so every window (the whole series, its last six points, the
years after the base year) is one contiguous slice ``[lo, hi)``. ``window_reduce`` sums (or takes
the minimum of) all slices in one ``ufunc.reduceat`` call; ``first_at_or_after`` finds a year in
every series with one ``searchsorted`` (or from the year alone where series have no gaps);
``window_fit`` is least squares from those sums, with the sums of the years from a formula
(``year_sums``) where it can.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planwatch.evaluation.frame import Panel


def window_reduce(
    ufunc: np.ufunc, values: np.ndarray, lo: np.ndarray, hi: np.ndarray, empty: float = np.nan
) -> np.ndarray:
    """``ufunc`` over ``values[lo[i]:hi[i]]`` for every i; an empty window gives ``empty``."""
    n = len(values)
    if n == 0 or len(lo) == 0:
        return np.full(len(lo), empty, dtype=float)
    filled = bool((hi > lo).all())
    if filled and lo[0] == 0 and hi[-1] == n and np.array_equal(hi[:-1], lo[1:]):
        return ufunc.reduceat(values, lo)  # the windows tile the array: one segment each
    index = np.empty(2 * len(lo), dtype=np.intp)
    index[0::2] = np.minimum(lo, n - 1)
    index[1::2] = hi
    if index[-1] >= n:  # the last window runs to the end of the array
        index = index[:-1]
    out = ufunc.reduceat(values, index)[0::2]
    return out if filled else np.where(hi > lo, out, empty)


def first_at_or_after(panel: Panel, years: np.ndarray) -> np.ndarray:
    """Row index of the first observation in each series with year ≥ ``years`` (its end if none).

    A missing year (NaN) gives the series' first row; a fractional one is read as its whole year.
    """
    if panel.groups == 0:
        return np.zeros(0, dtype=np.int64)
    first_year = panel.first_year()
    y0 = int(first_year.min())  # rows are sorted by year within a series
    width = int(panel.last_year().max()) - y0 + 2
    wanted = np.clip(np.nan_to_num(np.asarray(years, float), nan=-1e9) - y0, 0, width - 1).astype(np.int64)
    if panel.without_gaps():  # the row of a year is the series' start plus the years since its first
        return panel.starts + np.clip(wanted + (y0 - first_year), 0, panel.ends - panel.starts)
    if "year_key" not in panel.cache:
        panel.cache["year_key"] = panel.row_group() * width + (panel.year - y0)
    key = panel.cache["year_key"]
    query = np.arange(panel.groups, dtype=np.int64) * width + wanted
    return np.searchsorted(key, query, side="left").astype(np.int64)


def year_sums(panel: Panel, as_of: int, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(Σx, Σx²) of x = year − as-of over every window [lo, hi) of series without gaps; None otherwise.

    The m years of such a window run from x₀ by ones: Σx = m·x₀ + m(m−1)/2 and Σx² = m·x₀² + x₀·m(m−1)
    + (m−1)m(2m−1)/6. Whole numbers all, so exactly what summing the rows gives, without the pass.
    """
    if not panel.without_gaps():
        return None
    m = (hi - lo).astype(float)
    x0 = (panel.year[np.minimum(lo, max(len(panel.year) - 1, 0))] - as_of).astype(float) if len(lo) else m
    x0 = np.where(m > 0, x0, 0.0)
    pairs = m * (m - 1.0)
    return m * x0 + pairs / 2.0, m * x0 * x0 + x0 * pairs + pairs * (2.0 * m - 1.0) / 6.0


@dataclass
class Fit:
    """Least squares ``y = intercept + slope · x`` per series, with what an interval needs."""

    n: np.ndarray
    slope: np.ndarray
    intercept: np.ndarray
    x_mean: np.ndarray
    sxx: np.ndarray
    residual_ss: np.ndarray

    def at(self, x: npt.ArrayLike) -> np.ndarray:
        return self.intercept + self.slope * np.asarray(x, float)


def window_fit(x: np.ndarray, y: np.ndarray, lo: np.ndarray, hi: np.ndarray, *, residuals: bool = True,
               x_sums: tuple[np.ndarray, np.ndarray] | None = None) -> Fit:
    """Ordinary least squares over every window from five sums (four without ``residuals``); NaN
    where fewer than 2 points. ``x_sums``: (Σx, Σx²) when already known (``year_sums``)."""
    n = (hi - lo).astype(float)
    if x_sums is None:
        x_sums = (window_reduce(np.add, x, lo, hi, 0.0), window_reduce(np.add, x * x, lo, hi, 0.0))
    sx, sxx_raw = x_sums
    sy, sxy_raw = window_reduce(np.add, y, lo, hi, 0.0), window_reduce(np.add, x * y, lo, hi, 0.0)
    with np.errstate(all="ignore"):
        x_mean, y_mean = sx / n, sy / n
        sxx = sxx_raw - n * x_mean * x_mean
        sxy = sxy_raw - n * x_mean * y_mean
        ok = (n >= 2) & (sxx > 0)
        slope = np.where(ok, sxy / sxx, np.nan)
        intercept = np.where(ok, y_mean - slope * x_mean, np.nan)
        if residuals:
            syy = window_reduce(np.add, y * y, lo, hi, 0.0) - n * y_mean * y_mean
            residual = np.where(ok, np.maximum(syy - slope * sxy, 0.0), np.nan)
        else:
            residual = np.full(len(n), np.nan)
    return Fit(n=n, slope=slope, intercept=intercept, x_mean=x_mean, sxx=sxx, residual_ss=residual)


def years_from(panel: Panel, as_of: int) -> np.ndarray:
    """The year of every row less the as-of year, as floats (built once per panel)."""
    key = ("x", as_of)
    if key not in panel.cache:
        panel.cache[key] = np.subtract(panel.year, as_of, dtype=float)  # one pass; whole years are exact
    return panel.cache[key]


@dataclass
class Subset:
    """The rows of some series, gathered contiguously so row work is done only for them.

    ``groups`` are the series (indices into the panel's groups), ``rows`` the panel rows in order,
    and ``local(idx)`` turns a panel row index inside series ``groups[i]`` into a subset index.
    """

    groups: np.ndarray
    rows: np.ndarray
    offsets: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray

    def local(self, index: np.ndarray) -> np.ndarray:
        return self.offsets + (np.asarray(index) - self.starts)

    def per_row(self, values: np.ndarray) -> np.ndarray:
        """Broadcast one value per series to its rows."""
        return np.repeat(values, self.lengths)


def subset(panel: Panel, groups: np.ndarray) -> Subset:
    """The rows of the series ``groups`` (indices into the panel's groups, or a mask over them)."""
    groups = np.asarray(groups)
    if groups.dtype == bool:
        groups = np.flatnonzero(groups)
    starts, ends = panel.starts[groups], panel.ends[groups]
    lengths = ends - starts
    offsets = np.cumsum(lengths) - lengths
    rows = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()), dtype=np.int64)
    return Subset(groups=groups, rows=rows, offsets=offsets, starts=starts, lengths=lengths)
