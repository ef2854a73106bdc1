"""Properties every grading rule must keep, checked on generated series (hypothesis).

- a better latest value never gives a worse grade;
- mirroring a series and its target (higher ↔ lower is better) gives the same grade;
- multiplying every value, base and target by k > 0 changes no grade;
- the vectorised engine and the plain per-series implementation agree.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.evaluation import evaluate
from planwatch.evaluation.vocabulary import GRADE_RANK
from tests.evaluation.helpers import observations, spec
from tests.evaluation.reference import evaluate_by_series

LEVEL_KINDS = ("level", "about", "floor", "qualitative", "cumulative")
ALL_KINDS = (*LEVEL_KINDS, "annual_growth", "cumulative_reduction", "assigned", "unspecified")
WORDS = ("稳中有升", "保持稳定", "量稳质升")
RUN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cases(draw, kinds=ALL_KINDS):
    """One indicator spec and its (year, value) points, integer-valued so transformations are exact."""
    kind = draw(st.sampled_from(kinds))
    rate = kind in ("annual_growth", "cumulative_reduction")
    direction = "higher" if rate or kind == "cumulative" else draw(st.sampled_from(["higher", "lower"]))
    years = sorted(draw(st.sets(st.integers(2018, 2024), min_size=1, max_size=6)))
    low, high = (-20, 40) if rate else (1, 1000)
    values = [draw(st.integers(low, high)) for _ in years]
    target = draw(st.integers(1, 30)) if rate else draw(st.integers(1, 3000 if kind == "cumulative" else 1000))
    baseline = draw(st.one_of(st.none(), st.integers(1, 1000)))
    row = spec(
        kind=kind, direction=direction, target=target, baseline=baseline, base_year=draw(st.sampled_from([2019, 2020, 2021])),
        attribute=draw(st.sampled_from(["预期性", "约束性"])), text=draw(st.sampled_from(WORDS)) if kind == "qualitative" else "",
        qualifier=draw(st.sampled_from(["", "左右", "以上"])), strict=draw(st.booleans()),
        quality=draw(st.sampled_from(["", "升", "持平"])),
    )
    return row, list(zip(years, values, strict=True))


def grade_of(row: dict, points, as_of: int = 2024) -> str:
    result = evaluate(pd.DataFrame([row]), pd.DataFrame(observations(row["indicator"], points)), as_of)
    return str(result["grade"].iloc[0])


def _not_worse(before: str, after: str) -> bool:
    if before in GRADE_RANK and after in GRADE_RANK:
        return GRADE_RANK[after] >= GRADE_RANK[before]
    return True


@RUN
@given(cases(), st.integers(1, 300))
def test_a_better_latest_value_never_gives_a_worse_grade(case, step):
    row, points = case
    if len(points) < 2 and row["baseline"] is None:
        return  # the only point is also the base: moving it moves the base
    better = [*points[:-1], (points[-1][0], points[-1][1] + (step if row["direction"] == "higher" else -step))]
    assert _not_worse(grade_of(row, points), grade_of(row, better))


@RUN
@given(cases(LEVEL_KINDS[:-1]))
def test_mirroring_series_and_target_for_lower_is_better_gives_the_same_grade(case):
    row, points = case
    flip = {"higher": "lower", "lower": "higher"}[row["direction"]]
    mirrored = {**row, "direction": flip, "target_value": -row["target_value"],
                "baseline": None if row["baseline"] is None else -row["baseline"]}
    assert grade_of(mirrored, [(y, -v) for y, v in points]) == grade_of(row, points)


@RUN
@given(cases(LEVEL_KINDS), st.sampled_from([0.001, 0.37, 3.0, 12.5, 10_000.0]))
def test_scaling_values_and_target_by_k_changes_no_grade(case, k):
    row, points = case
    scaled = {**row, "target_value": row["target_value"] * k,
              "baseline": None if row["baseline"] is None else row["baseline"] * k}
    assert grade_of(scaled, [(y, v * k) for y, v in points]) == grade_of(row, points)


@RUN
@given(st.lists(cases(), min_size=1, max_size=6), st.sampled_from(["latest", "first"]))
def test_vectorised_engine_agrees_with_the_per_series_implementation(case_list, vintage):
    specs, rows = [], []
    for i, (row, points) in enumerate(case_list):
        code = f"I{i:02d}"
        specs.append({**row, "indicator": code})
        rows += observations(code, points, region="赣州市")
        rows += observations(code, [(y, v + 1) for y, v in points[:2]], region="章贡区", vintage=2)
        rows += observations(code, points[:2], region="章贡区", vintage=1)
    specs, obs = pd.DataFrame(specs), pd.DataFrame(rows)
    fast = evaluate(specs, obs, 2024, vintage=vintage, plan_region="赣州市")
    slow = evaluate_by_series(specs, obs, 2024, vintage=vintage, plan_region="赣州市")
    merged = fast.astype({"indicator": str, "region": str}).merge(
        slow.astype({"indicator": str, "region": str}), on=["indicator", "region"], suffixes=("", "_ref"))
    assert len(merged) == len(fast) == len(slow)
    for name in ("grade", "warning", "opensdg_status", "unsd_status", "methods_disagree"):
        assert (merged[name].astype(str) == merged[f"{name}_ref"].astype(str)).all(), merged[[name, f"{name}_ref"]]
    for name in ("completion", "actual_growth", "required_growth", "projected_by_growth", "opensdg_ratio"):
        a, b = merged[name].astype(float), merged[f"{name}_ref"].astype(float)
        same = (a.isna() & b.isna()) | ((a - b).abs() <= 1e-9 * (1 + b.abs()))
        assert same.all(), merged.loc[~same, ["indicator", "region", name, f"{name}_ref"]]
