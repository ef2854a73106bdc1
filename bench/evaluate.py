"""Benchmark: 3,000 regions × 300 indicators × 10 years (9 million observations).

Evaluates them all with ``planwatch.evaluation.evaluate`` — grades, statuses, 预警 and forecasts,
no reason sentences (``reasons_for=()``; a page asks for the sentences of the one indicator it
shows) — three times, and takes the median. In the same run it times the plain per-series pandas
``groupby().apply()`` of the same rules (``tests/evaluation/reference.py``) and checks that both
give the same grades, 预警 and statuses. The baseline takes about two minutes per 900,000 series on
an idle core, so by default it is timed on a random sample of ``--baseline-sample`` series and
scaled to the whole (the output says so); ``--baseline-sample 0`` runs it on every series.

    .venv/bin/python bench/evaluate.py                      # full size, baseline on a 20,000-series sample
    .venv/bin/python bench/evaluate.py --regions 300        # a tenth, for a quick look

Targets (printed as met or not): evaluate under 1.2 s and at least 50× the baseline. The machine
is shared: the load average is printed, and CPU time next to the wall clock.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the oracle lives in tests/

from planwatch.evaluation import evaluate  # noqa: E402
from tests.evaluation.reference import evaluate_by_series  # noqa: E402

YEARS = np.arange(2015, 2025)
AS_OF = 2024
# The plan states baselines for its own region; the other 2,999 take their 2020 figure as base.
PLAN_REGION = "地区0000"
# Kinds in the mix, one per indicator in turn (level-like kinds are most of a real plan).
MIX = (
    ("level", "higher", ""), ("level", "higher", ""), ("level", "lower", ""), ("about", "higher", ""),
    ("level", "higher", ""), ("annual_growth", "higher", "左右"), ("cumulative_reduction", "higher", ""),
    ("floor", "higher", ""), ("qualitative", "higher", "稳中有升"), ("qualitative", "higher", "保持稳定"),
    ("qualitative", "higher", "量稳质升"), ("level", "higher", ""), ("cumulative", "higher", ""),
    ("assigned", "higher", ""), ("unspecified", "higher", ""),
)


def build_specs(n_indicators: int) -> pd.DataFrame:
    rows = []
    for i in range(n_indicators):
        kind, direction, word = MIX[i % len(MIX)]
        target = {"annual_growth": 6.0, "cumulative_reduction": 13.5, "cumulative": 500.0, "floor": 90.0}.get(kind, 130.0)
        if direction == "lower" and kind == "level":
            target = 80.0
        rows.append({
            "indicator": f"I{i:03d}", "name": f"指标{i}", "unit": "", "pillar": f"类别{i % 6}",
            "attribute": "约束性" if i % 4 == 0 else "预期性", "direction": direction, "kind": kind,
            "target_value": np.nan if kind in ("qualitative", "assigned", "unspecified") else target,
            "target_year": 2025, "target_text": word, "qualifier": "左右" if kind in ("about", "annual_growth") else "",
            "strict": False, "baseline": 100.0 if kind in ("level", "about", "floor", "qualitative") else np.nan,
            "base_year": 2020,
        })
    return pd.DataFrame(rows)


def build_observations(specs: pd.DataFrame, n_regions: int, seed: int = 20240101) -> pd.DataFrame:
    """Random walks with drift per series, two decimals as statistics are published; rates in per cent."""
    rng = np.random.default_rng(seed)
    n_ind, n_years = len(specs), len(YEARS)
    shape = (n_ind, n_regions, n_years)
    level = 100.0 * np.exp(np.cumsum(rng.normal(0.03, 0.04, shape), axis=2))
    kinds = specs["kind"].to_numpy()
    rates = np.isin(kinds, ["annual_growth", "cumulative_reduction"])[:, None, None]
    rate_values = rng.normal(5.0, 2.5, shape)
    additions = np.isin(kinds, ["cumulative"])[:, None, None]
    values = np.round(np.where(rates, rate_values, np.where(additions, np.abs(rate_values) * 20.0, level)), 2)
    indicator = pd.Categorical.from_codes(np.repeat(np.arange(n_ind), n_regions * n_years),
                                          categories=specs["indicator"].tolist())
    regions = [f"地区{r:04d}" for r in range(n_regions)]
    region = pd.Categorical.from_codes(np.tile(np.repeat(np.arange(n_regions), n_years), n_ind), categories=regions)
    return pd.DataFrame({
        "indicator": indicator, "region": region, "year": np.tile(YEARS, n_ind * n_regions).astype(np.int64),
        "value": values.ravel(), "vintage": np.ones(values.size, dtype=np.int64),
    })


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024  # ru_maxrss is in KiB on Linux


def compare(fast: pd.DataFrame, slow: pd.DataFrame) -> int:
    """Number of series where the two implementations differ in grade, 预警 or a status."""
    keys = ["indicator", "region"]
    left = fast.assign(indicator=fast["indicator"].astype(str), region=fast["region"].astype(str))
    right = slow.assign(indicator=slow["indicator"].astype(str), region=slow["region"].astype(str))
    both = left.merge(right, on=keys, suffixes=("", "_ref"), how="outer", indicator="_merge")
    missing = int((both["_merge"] != "both").sum())
    diff = 0
    for name in ("grade", "warning", "opensdg_status", "unsd_status"):
        diff_here = both[name].astype(str) != both[f"{name}_ref"].astype(str)
        diff += int(diff_here.sum())
        if diff_here.any():
            print(f"  {name} differs in {int(diff_here.sum())} series, e.g.:", file=sys.stderr)
            print(both.loc[diff_here, [*keys, name, f"{name}_ref"]].head(5).to_string(), file=sys.stderr)
    return missing + diff


TARGET_SECONDS = 1.2
TARGET_RATIO = 50.0


def timed(function, *args, **kwargs):
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start, time.process_time() - cpu


def sample_observations(observations: pd.DataFrame, size: int, seed: int = 7) -> pd.DataFrame:
    """The observations of ``size`` random series (indicator × region), every year of each."""
    codes = observations["indicator"].cat.codes.to_numpy().astype(np.int64) * len(
        observations["region"].cat.categories) + observations["region"].cat.codes.to_numpy()
    series = np.unique(codes)
    chosen = np.random.default_rng(seed).choice(series, size=min(size, len(series)), replace=False)
    return observations[np.isin(codes, chosen)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3, help="runs of evaluate; the median is reported")
    parser.add_argument("--baseline-sample", type=int, default=20_000,
                        help="time the per-series baseline on this many random series and scale (0: all)")
    parser.add_argument("--skip-baseline", action="store_true", help="time the vectorised engine only")
    args = parser.parse_args()
    specs = build_specs(args.indicators)
    observations = build_observations(specs, args.regions)
    gc.collect()
    print(f"observations: {len(observations):,} ({args.indicators} indicators × {args.regions} regions × "
          f"{len(YEARS)} years); memory after building them {peak_gb():.2f} GB")
    print(f"load average before the run: {os.getloadavg()[0]:.2f} (2 cores, shared; other work slows the wall clock)")
    walls, cpus = [], []
    fast = None
    for _ in range(args.runs):
        del fast  # free the last result before the next run
        gc.collect()
        fast, wall, cpu = timed(evaluate, specs, observations, AS_OF, plan_region=PLAN_REGION, reasons_for=())
        walls.append(wall)
        cpus.append(cpu)
    fast_seconds, fast_cpu = float(np.median(walls)), float(np.median(cpus))
    print(f"vectorised evaluate (grades, statuses, 预警, forecasts): median of {args.runs} "
          f"{fast_seconds:.2f} s wall, {fast_cpu:.2f} s CPU for {len(fast):,} series "
          f"(runs: {', '.join(f'{w:.2f}' for w in walls)} s wall); peak memory so far {peak_gb():.2f} GB")
    print("grades:", fast["grade"].value_counts().to_dict())
    print(f"target under {TARGET_SECONDS} s: {'MET' if fast_seconds < TARGET_SECONDS else 'NOT MET'} by the wall clock, "
          f"{'MET' if fast_cpu < TARGET_SECONDS else 'NOT MET'} by CPU time; load average now {os.getloadavg()[0]:.2f}")
    if args.skip_baseline:
        return
    sample = observations if args.baseline_sample <= 0 else sample_observations(observations, args.baseline_sample)
    n_sample = len(sample) // len(YEARS)
    slow, slow_wall, slow_cpu = timed(evaluate_by_series, specs, sample, AS_OF, plan_region=PLAN_REGION)
    scale = len(fast) / max(len(slow), 1)
    slow_seconds, slow_cpu_all = slow_wall * scale, slow_cpu * scale
    how = "every series" if scale == 1 else f"a random sample of {n_sample:,} series, scaled ×{scale:.1f} to all"
    print(f"per-series groupby().apply(): {slow_seconds:.1f} s wall, {slow_cpu_all:.1f} s CPU ({how}; "
          f"measured {slow_wall:.1f} s wall)")
    ratio, cpu_ratio = slow_seconds / fast_seconds, slow_cpu_all / fast_cpu
    print(f"ratio: {ratio:.1f}× faster by the wall clock, {cpu_ratio:.1f}× by CPU time; "
          f"peak memory of the whole run {peak_gb():.2f} GB")
    print(f"target at least {TARGET_RATIO:.0f}×: {'MET' if ratio >= TARGET_RATIO else 'NOT MET'} by the wall clock, "
          f"{'MET' if cpu_ratio >= TARGET_RATIO else 'NOT MET'} by CPU time")
    keys = set(zip(slow["indicator"].astype(str), slow["region"].astype(str), strict=True))
    mine = fast[[k in keys for k in zip(fast["indicator"].astype(str), fast["region"].astype(str), strict=True)]]
    differences = compare(mine, slow)
    print(f"both agree on grade, 预警 and statuses for every one of the {len(slow):,} series compared"
          if differences == 0 else f"DISAGREEMENTS: {differences}")
    if differences:
        sys.exit(1)


if __name__ == "__main__":
    main()
