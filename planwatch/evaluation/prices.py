"""Price basis: compare a value indicator's figures with its target at the same prices.

A value indicator is published at current prices (现价); a target may be set at constant prices
(可比价/不变价 of a base year): the Ganzhou 人均GDP target of 54403 元 for 2025 is at 2020 prices,
while the 统计公报 print each year's 人均GDP at that year's prices. Comparing the two would count
inflation as progress. An indicator's spec says its target's basis (``price_basis``: 现价 /
可比价, ``price_base_year``: the year whose prices, default the plan's base year). For a
constant-price indicator the observations (taken as current prices, as published, unless their own
``price_basis`` column says 可比价) are converted before grading, with

1. a deflator series (``deflators``: ``region``, ``year``, ``deflator`` — a price index of any
   base, optionally per ``indicator``): v at base-year prices = v · D(base year) / D(year); or
2. the stated real growth rates (an observations column ``real_growth``, 比上年实际增长 in per
   cent, in every year from the price base year on): v at base-year prices =
   v(base year) · Π(1 + gᵢ/100).

The ``price_basis_used`` column says which was used: 可比价(平减指数) / 可比价(实际增速), or
现价(未折算,缺平减指数或实际增速) when neither is available — then the grade compares figures at
different prices and the sentence says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from planwatch.evaluation.frame import CONSTANT_PRICES, CURRENT_PRICES, Specs, require_columns
from planwatch.evaluation.tables import Table, as_frame

if TYPE_CHECKING:
    import pandas as pd

BASIS_CURRENT = "现价"
BASIS_DEFLATOR = "可比价(平减指数)"
BASIS_REAL_GROWTH = "可比价(实际增速)"
BASIS_UNCONVERTED = "现价(未折算,缺平减指数或实际增速)"
PRICE_BASIS_LABELS = ("", BASIS_CURRENT, BASIS_DEFLATOR, BASIS_REAL_GROWTH, BASIS_UNCONVERTED)


def to_constant_prices(specs: Specs, observations: Table,
                       deflators: Table | None) -> tuple[Table, dict[tuple[str, str], int]]:
    """(observations with constant-price indicators converted, {(indicator, region): code into
    ``PRICE_BASIS_LABELS``} for the indicators that state a price basis).

    Only the rows of constant-price indicators are touched (a plan's few), so the rest of the
    observations pass through without a copy.
    """
    basis: dict[tuple[str, str], int] = {}
    stated = specs.price_basis != ""
    if not stated.any():
        return observations, basis
    import pandas as pd

    observations = as_frame(observations)
    deflators = None if deflators is None else as_frame(deflators)
    codes = observations["indicator"].astype(str)
    regions = observations["region"].astype(str)
    for i in np.flatnonzero(specs.price_basis == CURRENT_PRICES):
        for region in pd.unique(regions[codes == specs.code[i]]):
            basis[(specs.code[i], region)] = PRICE_BASIS_LABELS.index(BASIS_CURRENT)
    constant = np.flatnonzero(specs.price_basis == CONSTANT_PRICES)
    if not len(constant):
        return observations, basis
    frame = observations.copy()
    values = frame["value"].astype(float).to_numpy().copy()
    own = frame["price_basis"].astype(str).str.strip() if "price_basis" in frame.columns else None
    for i in constant:
        code = str(specs.code[i])
        base_year = specs.price_base_year[i] if np.isfinite(specs.price_base_year[i]) else specs.base_year[i]
        for region in pd.unique(regions[codes == code]):
            rows = np.flatnonzero(((codes == code) & (regions == region)).to_numpy())
            if own is not None:
                rows = rows[~own.iloc[rows].isin(["可比价", "不变价", "constant"]).to_numpy()]
            years = frame["year"].to_numpy()[rows].astype(float)
            factor = _deflator_factor(deflators, code, region, years, base_year)
            label = BASIS_DEFLATOR
            if factor is None:
                factor = _real_growth_factor(frame, rows, years, values, base_year)
                label = BASIS_REAL_GROWTH
            if factor is None:
                basis[(code, region)] = PRICE_BASIS_LABELS.index(BASIS_UNCONVERTED)
                continue
            values[rows] = values[rows] * factor
            basis[(code, region)] = PRICE_BASIS_LABELS.index(label)
    frame["value"] = values
    return frame, basis


def _deflator_factor(deflators: pd.DataFrame | None, code: str, region: str, years: np.ndarray,
                     base_year: float) -> np.ndarray | None:
    """D(base year) / D(year) for each year, from the region's deflator (the indicator's own first)."""
    import pandas as pd

    if deflators is None or not len(deflators) or not np.isfinite(base_year):
        return None
    require_columns(deflators, ("region", "year", "deflator"), "平减指数表")
    table = deflators[deflators["region"].astype(str) == region]
    if "indicator" in table.columns:
        mine = table[table["indicator"].astype(str) == code]
        table = mine if len(mine) else table[table["indicator"].isna() | (table["indicator"].astype(str) == "")]
    index = pd.Series(pd.to_numeric(table["deflator"], errors="coerce").to_numpy(),
                      index=pd.to_numeric(table["year"], errors="coerce").to_numpy())
    index = index[~index.index.duplicated(keep="last")].dropna()
    wanted = np.append(years, base_year)
    if not np.isin(wanted, index.index.to_numpy()).all() or (index <= 0).any():
        return None
    return float(index[base_year]) / index.reindex(years).to_numpy(dtype=float)


def _real_growth_factor(frame: pd.DataFrame, rows: np.ndarray, years: np.ndarray, values: np.ndarray,
                        base_year: float) -> np.ndarray | None:
    """Constant-price value / published value from 比上年实际增长 in every year after the price base year."""
    import pandas as pd

    if "real_growth" not in frame.columns or not np.isfinite(base_year):
        return None
    growth = pd.to_numeric(frame["real_growth"].iloc[rows], errors="coerce").to_numpy(dtype=float)
    order = np.argsort(years)
    years, growth, rows = years[order], growth[order], rows[order]
    at_base = np.flatnonzero(years == base_year)
    later = years > base_year
    expected = np.arange(base_year + 1, years.max() + 1) if later.any() else np.array([])
    if not len(at_base) or not np.array_equal(years[later], expected) or not np.isfinite(growth[later]).all():
        return None
    base_value = values[rows[at_base[0]]]
    constant = np.full(len(years), np.nan)
    constant[years <= base_year] = np.where(years[years <= base_year] == base_year, base_value, np.nan)
    constant[later] = base_value * np.cumprod(1.0 + growth[later] / 100.0)
    factor = np.empty(len(years))
    factor[order] = constant / values[rows]
    return factor
