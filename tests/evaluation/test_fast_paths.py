"""The engine's shortcuts give exactly what the general computation gives.

- ``formulas.pick`` (grades and statuses chosen in int8 arithmetic) against ``np.select``;
- for series without gaps, the first row at or after a year and the sums of the years (Σx, Σx²) of
  a least-squares window, from the years alone, against the row search and the row sums;
- observations already in order with one figure a year (no sort, no vintage rule) against the same
  observations shuffled, with revisions added.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planwatch.evaluation import formulas as f
from planwatch.evaluation.frame import Panel, build_panel, read_specs
from planwatch.evaluation.groups import first_at_or_after, window_reduce, year_sums, years_from


def test_pick_is_np_select_for_codes() -> None:
    rng = np.random.default_rng(1)
    conditions = [rng.random(5000) < p for p in (0.1, 0.5, 0.3, 0.9)]
    codes = [7, 0, 3, 5]
    expected = np.select(conditions, codes, default=2)
    assert f.pick(conditions, codes, 2).tolist() == expected.tolist()
    # A scalar condition broadcasts as in np.select.
    assert f.pick([np.bool_(False), conditions[1]], [4, 1], 6).tolist() == np.select(
        [np.zeros(5000, bool), conditions[1]], [4, 1], 6).tolist()


def _panel_without_gaps() -> Panel:
    """Three series: 2016–2024, 2020–2024 and 2023 alone (sorted, no gaps)."""
    year = np.concatenate([np.arange(2016, 2025), np.arange(2020, 2025), [2023]])
    starts, ends = np.array([0, 9, 14]), np.array([9, 14, 15])
    return Panel(year=year, value=np.linspace(1.0, 3.0, len(year)), qual=np.zeros(len(year), np.int8),
                 qual_labels=np.array([""], dtype=object), starts=starts, ends=ends, spec=np.array([0, 1, 2]),
                 region=np.zeros(3, np.int64), region_names=np.array(["甲"], dtype=object))


def _general(panel: Panel) -> Panel:
    """The same panel, told it may have gaps: the row search and the row sums run."""
    twin = Panel(**{name: getattr(panel, name) for name in ("year", "value", "qual", "qual_labels", "starts", "ends",
                                                            "spec", "region", "region_names")})
    twin.cache["without_gaps"] = False
    return twin


def test_first_row_at_or_after_a_year_from_the_years_alone() -> None:
    panel = _panel_without_gaps()
    assert panel.without_gaps()
    for years in ([2020, 2020, 2020], [2015, 2019.0, 2030], [np.nan, 2024, 2023.5], [2025, 2021, 2022]):
        wanted = np.array(years, dtype=float)
        assert first_at_or_after(panel, wanted).tolist() == first_at_or_after(_general(panel), wanted).tolist()
    # Hand-checked: 2020 is row 4 of the first series, the first row (9) of the second; 2023 the third's only row.
    assert first_at_or_after(panel, np.array([2020.0, 2020.0, 2023.0])).tolist() == [4, 9, 14]


def test_sums_of_the_years_by_formula_are_the_row_sums() -> None:
    panel = _panel_without_gaps()
    x = years_from(panel, 2024)
    lo = np.maximum(panel.starts, panel.ends - 6)
    sums = year_sums(panel, 2024, lo, panel.ends)
    assert sums is not None
    assert sums[0].tolist() == window_reduce(np.add, x, lo, panel.ends, 0.0).tolist()
    assert sums[1].tolist() == window_reduce(np.add, x * x, lo, panel.ends, 0.0).tolist()
    # Hand-checked, first series' last six years 2019–2024: x = −5 … 0, Σx = −15, Σx² = 55.
    assert (sums[0][0], sums[1][0]) == (-15.0, 55.0)
    assert year_sums(_general(panel), 2024, lo, panel.ends) is None


def test_observations_in_order_and_shuffled_give_one_panel() -> None:
    specs = read_specs(pd.DataFrame({
        "indicator": ["A", "B"], "kind": ["level", "level"], "direction": ["higher", "higher"],
        "target_value": [10.0, 10.0], "target_year": [2025, 2025], "baseline": [1.0, 1.0], "base_year": [2020, 2020]}))
    rows = [(code, region, year) for code in "AB" for region in ("甲", "乙") for year in range(2019, 2025)]
    ordered = pd.DataFrame(rows, columns=["indicator", "region", "year"]).assign(
        value=np.arange(len(rows), dtype=float), vintage=1)
    revised = ordered.iloc[::5].assign(value=lambda d: d["value"] + 100.0, vintage=2)
    shuffled = pd.concat([ordered, revised]).sample(frac=1.0, random_state=3)
    regions = ["甲", "乙"]  # one region order for all three (else the order of first appearance)
    first = build_panel(specs, pd.concat([ordered, revised]), 2024, vintage="first", regions=regions)
    latest = build_panel(specs, shuffled, 2024, vintage="latest", regions=regions)
    plain = build_panel(specs, ordered, 2024, regions=regions)
    for panel in (first, latest):
        assert panel.year.tolist() == plain.year.tolist()
        assert panel.starts.tolist() == plain.starts.tolist() and panel.ends.tolist() == plain.ends.tolist()
        assert panel.spec.tolist() == plain.spec.tolist() and panel.region.tolist() == plain.region.tolist()
    assert first.value.tolist() == plain.value.tolist()  # the first releases are the ordered ones
    assert (latest.value - plain.value).tolist() == [100.0 if i % 5 == 0 else 0.0 for i in range(len(rows))]
