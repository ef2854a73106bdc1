"""From the caller's tables to sorted arrays: one pass, no Python loop per series.

The tables are DataFrames or plain columns (``planwatch.evaluation.tables``). ``read_specs`` checks the indicator specs and turns them into arrays; ``build_panel`` codes the
observations against them, keeps one vintage per (indicator, region, year), sorts by indicator,
region and year and finds where each series starts and ends. Everything after this works on the
panel's arrays with ``reduceat``/``searchsorted``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planwatch.documents.units import is_percent_unit
from planwatch.evaluation.tables import (
    Table,
    column_names,
    first_seen_codes,
    is_missing,
    is_pandas,
    numbers,
    row_count,
    texts,
)
from planwatch.evaluation.vocabulary import BINDING, EXPECTED, KINDS, QUALITATIVE_WORDS

SPEC_COLUMNS = ("indicator", "kind", "direction", "target_value", "target_year", "baseline", "base_year")
OPTIONAL_SPEC_COLUMNS: dict[str, str | bool | float] = {
    "name": "", "unit": "", "pillar": "", "attribute": EXPECTED, "target_text": "", "qualifier": "",
    "strict": False, "quality": "", "quality_by": "", "limit": np.nan, "decimals": np.nan,
    "price_basis": "", "price_base_year": np.nan,
}
# Price bases of a value indicator: 现价 (current prices) or 可比价 (constant prices of a base year).
CURRENT_PRICES, CONSTANT_PRICES = "current", "constant"
PRICE_BASIS_WORDS = {"": "", "current": CURRENT_PRICES, "现价": CURRENT_PRICES, "constant": CONSTANT_PRICES,
                     "可比价": CONSTANT_PRICES, "不变价": CONSTANT_PRICES}
OBSERVATION_COLUMNS = ("indicator", "region", "year", "value")
NO_YEAR = -(10**6)


class InputProblem(ValueError):
    """Bad input to the evaluation, with a message in Chinese that names the column."""


def require_columns(table: Table, needed: Sequence[str], what: str) -> None:
    """Refuse a table without the columns the engine needs, naming them: "观测值表缺少列:year"."""
    missing = [c for c in needed if c not in column_names(table)]
    if missing:
        raise InputProblem(f"{what}缺少列:{'、'.join(missing)}")


@dataclass
class Specs:
    """The indicator specs as arrays, one entry per indicator, in the caller's order."""

    code: np.ndarray
    name: np.ndarray
    pillar: np.ndarray
    attribute: np.ndarray  # 预期性 / 约束性
    kind: np.ndarray
    direction: np.ndarray  # +1 higher is better, −1 lower is better
    target: np.ndarray
    target_year: np.ndarray  # float, NaN where none
    baseline: np.ndarray
    base_year: np.ndarray  # float, NaN where none
    binding: np.ndarray
    strict: np.ndarray
    qualifier: np.ndarray
    word: np.ndarray  # 稳中有升 / 保持稳定 / 量稳质升 or ""
    kind_code: np.ndarray  # index into KINDS
    word_code: np.ndarray  # 0 for "", else 1 + index into QUALITATIVE_WORDS
    quality: np.ndarray
    quality_by: np.ndarray
    limit: np.ndarray  # Open SDG limit (natural ceiling/floor) for a series without target, NaN
    decimals: np.ndarray  # published decimals of the indicator's figures, NaN where not given
    percent_unit: np.ndarray  # the unit is %: a change is in 百分点
    price_basis: np.ndarray  # CURRENT_PRICES / CONSTANT_PRICES / "" (not a value at prices)
    price_base_year: np.ndarray  # the base year of constant prices (NaN: the plan's base year)

    def __len__(self) -> int:
        return len(self.code)


@dataclass
class Panel:
    """Observations sorted by (indicator, region, year), one vintage per year, year ≤ as-of.

    Row arrays: ``year``, ``value``, ``qual`` (code into ``qual_labels``). Group arrays (one per
    series that has rows): ``starts``, ``ends`` (exclusive), ``spec`` (row of the specs) and
    ``region`` (index into ``region_names``).
    """

    year: np.ndarray
    value: np.ndarray
    qual: np.ndarray
    qual_labels: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    spec: np.ndarray
    region: np.ndarray
    region_names: np.ndarray
    cache: dict = field(default_factory=dict, repr=False)

    @property
    def groups(self) -> int:
        return len(self.starts)

    def blocks(self, max_rows: int) -> Iterator[Panel]:
        """The panel cut into runs of whole series of about ``max_rows`` rows (views, not copies).

        Working block by block keeps every temporary array small enough to be reused from the
        heap instead of being mapped, and page-faulted, afresh for each of nine million rows.
        """
        g0 = 0
        while True:
            g1 = self.groups
            if g0 < self.groups:
                g1 = max(int(np.searchsorted(self.ends, self.starts[g0] + max_rows, side="right")), g0 + 1)
            yield self._slice(g0, g1)
            g0 = g1
            if g0 >= self.groups:
                return

    def _slice(self, g0: int, g1: int) -> Panel:
        a = int(self.starts[g0]) if g0 < self.groups else 0
        b = int(self.ends[g1 - 1]) if g1 > g0 else a
        return Panel(
            year=self.year[a:b], value=self.value[a:b], qual=self.qual[a:b], qual_labels=self.qual_labels,
            starts=self.starts[g0:g1] - a, ends=self.ends[g0:g1] - a, spec=self.spec[g0:g1],
            region=self.region[g0:g1], region_names=self.region_names,
        )

    def without_gaps(self) -> bool:
        """Whether every series has one row for each year from its first to its last (cached).

        Years within a series are distinct and sorted, so that is last − first = rows − 1. Then a
        row's place in its series follows from its year, and sums of the years from a formula: the
        common case (annual figures), which ``groups`` computes without a pass over the rows.
        """
        if "without_gaps" not in self.cache:
            rows = self.ends - self.starts
            self.cache["without_gaps"] = bool(((rows > 0) & (self.last_year() - self.first_year() == rows - 1)).all())
        return self.cache["without_gaps"]

    def first_year(self) -> np.ndarray:
        """The first year of each series (cached: several measures start from it)."""
        if "first_year" not in self.cache:
            self.cache["first_year"] = self.year[self.starts]
        return self.cache["first_year"]

    def last_year(self) -> np.ndarray:
        """The last year of each series, the latest figure's (cached)."""
        if "last_year" not in self.cache:
            self.cache["last_year"] = self.year[self.ends - 1]
        return self.cache["last_year"]

    def row_group(self) -> np.ndarray:
        """The group number of every row (built once, on demand: 9M rows cost 70 MB)."""
        if "row_group" not in self.cache:
            self.cache["row_group"] = np.repeat(np.arange(self.groups, dtype=np.int64), self.ends - self.starts)
        return self.cache["row_group"]


def _spec_column(specs: Table, name: str, rows: int) -> Any:
    """A column of the specs, or the optional column's default in every row."""
    if name in column_names(specs):
        return specs[name]
    return np.full(rows, OPTIONAL_SPEC_COLUMNS[name], dtype=object)


def _text_column(specs: Table, name: str, rows: int) -> np.ndarray:
    return texts(_spec_column(specs, name, rows))


def _float_column(specs: Table, name: str, rows: int) -> np.ndarray:
    values = _spec_column(specs, name, rows)
    try:
        if is_pandas(values):
            import pandas as pd

            return pd.to_numeric(values, errors="raise").to_numpy(dtype=float, na_value=np.nan)
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    except (ValueError, TypeError) as problem:
        raise InputProblem(f"指标设定表「{name}」列含有非数字的值:{problem}") from problem


def read_specs(specs: Table) -> Specs:
    """Check the specs columns and values; fill optional columns with their defaults."""
    require_columns(specs, SPEC_COLUMNS, "指标设定表")
    rows = row_count(specs)
    code = np.array([str(c) for c in specs["indicator"]], dtype=object)
    seen: set[str] = set()
    for c in code:
        if c in seen:
            raise InputProblem(f"指标设定表「indicator」列有重复编号:{c}")
        seen.add(c)
    kind = _text_column(specs, "kind", rows)
    bad = ~np.isin(kind, KINDS)
    if bad.any():
        raise InputProblem(f"指标设定表第{int(np.flatnonzero(bad)[0]) + 1}行「kind」列:未知的目标类型「{kind[bad][0]}」")
    direction_text = _text_column(specs, "direction", rows)
    if (~np.isin(direction_text, ("higher", "lower"))).any():
        raise InputProblem("指标设定表「direction」列只能是 higher 或 lower")
    basis_text = _text_column(specs, "price_basis", rows)
    unknown_basis = ~np.isin(basis_text, list(PRICE_BASIS_WORDS))
    if unknown_basis.any():
        raise InputProblem(f"指标设定表第{int(np.flatnonzero(unknown_basis)[0]) + 1}行「price_basis」列:"
                           f"未知的价格口径「{basis_text[unknown_basis][0]}」(可用:现价、可比价)")
    text, qualifier = _text_column(specs, "target_text", rows), _text_column(specs, "qualifier", rows)
    word = _qualitative_word(text, qualifier)
    return Specs(
        code=code,
        name=_labels(_spec_column(specs, "name", rows)),
        pillar=_labels(_spec_column(specs, "pillar", rows)),
        attribute=_labels(_spec_column(specs, "attribute", rows)),
        kind=kind,
        direction=np.where(direction_text == "lower", -1.0, 1.0),
        target=_float_column(specs, "target_value", rows),
        target_year=_float_column(specs, "target_year", rows),
        baseline=_float_column(specs, "baseline", rows),
        base_year=_float_column(specs, "base_year", rows),
        binding=_text_column(specs, "attribute", rows) == BINDING,
        strict=np.array([False if is_missing(v) else bool(v) for v in _spec_column(specs, "strict", rows)], dtype=bool),
        qualifier=qualifier,
        word=word,
        kind_code=np.array([KINDS.index(k) for k in kind], dtype=np.int8),
        word_code=np.array([QUALITATIVE_WORDS.index(x) + 1 if x else 0 for x in word], dtype=np.int8),
        quality=_text_column(specs, "quality", rows),
        quality_by=_text_column(specs, "quality_by", rows),
        limit=_float_column(specs, "limit", rows),
        decimals=_float_column(specs, "decimals", rows),
        percent_unit=_percent_units(_text_column(specs, "unit", rows)),
        price_basis=np.array([PRICE_BASIS_WORDS[b] for b in basis_text], dtype=object),
        price_base_year=_float_column(specs, "price_base_year", rows),
    )


def _percent_units(units: np.ndarray) -> np.ndarray:
    """Which rows' unit is per cent in any spelling the documents accept (``units.is_percent_unit``),
    each distinct unit read once."""
    percent = [unit for unit in set(units.tolist()) if is_percent_unit(unit)]
    return np.isin(units, percent) if percent else np.zeros(len(units), dtype=bool)


def _labels(values: Any) -> np.ndarray:
    """A label column (name, pillar, attribute) as the output shows it: the caller's text, unstripped."""
    return np.array([str(v) for v in values], dtype=object)


def _qualitative_word(text: np.ndarray, qualifier: np.ndarray) -> np.ndarray:
    word = np.full(len(text), "", dtype=object)
    for candidate in QUALITATIVE_WORDS:
        hit = np.array([candidate in t or candidate in q for t, q in zip(text, qualifier, strict=True)], dtype=bool)
        word[hit & (word == "")] = candidate
    return word


def _codes(column: Any, categories: Sequence[str] | None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (−1 for missing or unknown) and their labels; categoricals cost no hashing."""
    if is_pandas(column) and column.dtype.name == "category":
        labels = column.cat.categories.astype(str).to_numpy(dtype=object)
        codes = column.cat.codes.to_numpy()
    elif is_pandas(column):
        import pandas as pd

        codes, index = pd.factorize(column, sort=False)
        labels = index.astype(str).to_numpy(dtype=object)
    else:
        codes, labels = first_seen_codes(column)
    if categories is None:
        return codes, labels
    position = {str(c): i for i, c in reversed(list(enumerate(categories)))}
    lookup = np.array([position.get(label, -1) for label in labels], dtype=np.int32)
    if len(lookup) == len(categories) and np.array_equal(lookup, np.arange(len(lookup))):
        return codes, np.asarray(list(categories), dtype=object)  # the same order already: no lookup per row
    # A trailing −1 so that the code −1 (missing) looks up −1.
    return np.append(lookup, np.int32(-1))[codes], np.asarray(list(categories), dtype=object)


def _number_column(observations: Table, name: str, default: float, integer: bool) -> np.ndarray:
    """A numeric column without copying when it already has the right type."""
    if name not in column_names(observations):
        return np.full(row_count(observations), default, dtype=np.int64 if integer else float)
    column = observations[name]
    if is_pandas(column):
        if integer and column.dtype.kind in "iu":  # not a categorical, not a nullable integer with gaps
            return column.to_numpy()
        if not integer and column.dtype == np.float64:
            return column.to_numpy()
        import pandas as pd

        values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    else:
        values = np.asarray(column)
        if integer and values.dtype.kind in "iu":
            return values.astype(np.int64, copy=False)
        values = numbers(values)
    if integer:
        bad = ~np.isfinite(values) | (values != np.round(values))
        if bad.any():
            raise InputProblem(f"观测值表第{int(np.flatnonzero(bad)[0]) + 1}行「{name}」列:不是有效的整数")
        return values.astype(np.int64)
    return values


def _qualifiers(observations: Table) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the optional qualifier column (以上/左右/约); a missing qualifier is ""."""
    if "qualifier" not in column_names(observations):
        return np.zeros(row_count(observations), dtype=np.int8), np.array([""], dtype=object)
    codes, labels = _codes(observations["qualifier"], None)
    labels = np.append(np.array([str(x).strip() for x in labels], dtype=object), "")
    return np.where(codes >= 0, codes, len(labels) - 1), labels


def build_panel(specs: Specs, observations: Table, as_of: int, *, vintage: str = "latest",
                regions: Sequence[str] | None = None) -> Panel:
    """Code, filter, sort and split the observations into series (see the module docstring)."""
    require_columns(observations, OBSERVATION_COLUMNS, "观测值表")
    if vintage not in ("latest", "first"):
        raise InputProblem(f"vintage 只能是 latest 或 first,而不是「{vintage}」")
    spec, _ = _codes(observations["indicator"], list(specs.code))
    if regions is not None:
        regions = list(dict.fromkeys(str(r) for r in regions))
    region, region_names = _codes(observations["region"], regions)
    year = _number_column(observations, "year", 0, integer=True)
    value = _number_column(observations, "value", np.nan, integer=False)
    vint = _number_column(observations, "vintage", 1, integer=True)
    qual, qual_labels = _qualifiers(observations)
    keep = _rows_to_keep(spec, region, year, value, as_of)
    if keep is not None:
        spec, region, year, value, vint, qual = (a[keep] for a in (spec, region, year, value, vint, qual))
    return _sorted_panel(spec, region, year, value, vint, qual, qual_labels, region_names, vintage, len(specs))


def _rows_to_keep(spec: np.ndarray, region: np.ndarray, year: np.ndarray, value: np.ndarray,
                  as_of: int) -> np.ndarray | None:
    """Rows of a known indicator and region, up to the as-of year, with a value; None when all are.

    One scratch array for the tests instead of one new array per test: at nine million rows each new
    array costs more in fresh memory than the comparison itself.
    """
    keep = np.isfinite(value)
    test = np.empty_like(keep)
    for column, op, bound in ((year, np.less_equal, as_of), (spec, np.greater_equal, 0), (region, np.greater_equal, 0)):
        keep &= op(column, bound, out=test)
    return None if keep.all() else keep


def _sorted_panel(spec: np.ndarray, region: np.ndarray, year: np.ndarray, value: np.ndarray, vint: np.ndarray,
                  qual: np.ndarray, qual_labels: np.ndarray, region_names: np.ndarray, vintage: str,
                  n_specs: int) -> Panel:
    """Sort by (series, year), keep one vintage per year, and find where each series starts.

    The key of a row is series · years + (year − first year), series = spec · regions + region, built in
    place in one array (4 bytes a row when every key fits). Rows already in order with one figure per
    year (as the database and the benchmark give them) need no sort and no vintage rule.
    """
    n_regions = max(len(region_names), 1)
    y0, y1 = (int(year.min()), int(year.max())) if len(year) else (0, 0)
    years = y1 - y0 + 1
    small = n_specs * n_regions * years + abs(y0) + abs(y1) < 2**31
    key: np.ndarray[tuple[int], np.dtype[np.signedinteger]] = spec.astype(np.int32 if small else np.int64)
    key *= n_regions
    key += region
    key *= years
    np.add(key, year, out=key, dtype=key.dtype, casting="unsafe")  # fits: checked above
    key -= y0
    if len(key) > 1 and not (key[1:] > key[:-1]).all():
        key, year, value, qual = _one_vintage(key, year, value, vint, qual, vintage)
    series = np.floor_divide(key, years, out=key)
    change = np.flatnonzero(series[1:] != series[:-1]) if len(series) else np.zeros(0, dtype=np.int64)
    starts = np.zeros(len(change) + (1 if len(series) else 0), dtype=np.int64)
    np.add(change, 1, out=starts[1:])
    ends = np.empty_like(starts)
    ends[:-1], ends[-1:] = starts[1:], len(series)
    first = series[starts].astype(np.int64)
    return Panel(
        year=year, value=value, qual=qual, qual_labels=qual_labels, starts=starts, ends=ends,
        spec=first // n_regions, region=first % n_regions, region_names=region_names,
    )


def _one_vintage(key: np.ndarray, year: np.ndarray, value: np.ndarray, vint: np.ndarray, qual: np.ndarray,
                 vintage: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows sorted by (series, year, vintage), then one per (series, year): the last of each run is the
    latest vintage, the first the first release."""
    order = np.lexsort((vint, key))  # stable: rows of one vintage keep the caller's order
    key, year, value, qual = (a[order] for a in (key, year, value, qual))
    boundary = key[1:] != key[:-1]
    if not boundary.all():
        keep = np.append(boundary, True) if vintage == "latest" else np.insert(boundary, 0, True)
        key, year, value, qual = (a[keep] for a in (key, year, value, qual))
    return key, year, value, qual
