"""How long reading the Ganzhou plan takes, against a baseline measured in the same run.

    .venv/bin/python bench/parse_plan.py [runs]

The baseline is what any reader must do anyway: read the file, decode it and split
it into lines. The ratio parse / baseline says how much the reading rules cost on
top, and stays comparable between machines where the absolute times do not.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from planwatch.data import GANZHOU_PLAN
from planwatch.documents import read_plan


def _times(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main(runs: int = 20) -> None:
    start = time.perf_counter()
    plan = read_plan(GANZHOU_PLAN)
    first = time.perf_counter() - start  # includes loading the region list and compiling patterns
    baseline = _times(lambda: GANZHOU_PLAN.read_bytes().decode("utf-8").splitlines(), runs)
    parse = _times(lambda: read_plan(GANZHOU_PLAN), runs)
    base_ms, parse_ms = statistics.median(baseline) * 1000, statistics.median(parse) * 1000
    print(
        f"{GANZHOU_PLAN.name}: {len(plan.indicators)} indicators, {len(plan.chapters)} chapters, {len(plan.boxes)} boxes"
    )
    print(f"first call            {first * 1000:8.2f} ms")
    print(f"parse (median of {runs})  {parse_ms:8.2f} ms  (min {min(parse) * 1000:.2f})")
    print(f"baseline read+split   {base_ms:8.3f} ms  (min {min(baseline) * 1000:.3f})")
    print(f"ratio parse/baseline  {parse_ms / base_ms:8.0f} x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
