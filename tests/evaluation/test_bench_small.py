"""The benchmark's own data and check at a small size: every kind of the mix, both implementations agree."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from planwatch.evaluation import evaluate
from tests.evaluation.reference import evaluate_by_series

BENCH = Path(__file__).resolve().parents[2] / "bench" / "evaluate.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_evaluate", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_mix_agrees_with_the_per_series_implementation():
    bench = _bench()
    specs = bench.build_specs(30)
    observations = bench.build_observations(specs, 8)
    assert len(observations) == 30 * 8 * 10
    fast = evaluate(specs, observations, bench.AS_OF, plan_region=bench.PLAN_REGION)
    slow = evaluate_by_series(specs, observations, bench.AS_OF, plan_region=bench.PLAN_REGION)
    assert len(fast) == len(slow) == 240
    assert set(fast["kind"].astype(str)) == {k for k, _, _ in bench.MIX}
    assert bench.compare(fast, slow) == 0
