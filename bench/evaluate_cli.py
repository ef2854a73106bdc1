"""Time ``planwatch evaluate --as-of 2024`` on the demo database: ``.venv/bin/python bench/evaluate_cli.py``.

Loads the README demo (``planwatch demo``: the Ganzhou plan, the real figures, the demo cast) into a
temporary var directory, then runs, each as a fresh process as a user would and alternately so that a
busy machine slows all alike:
- the command: ``planwatch evaluate --as-of 2024`` (the table, every region with figures);
- baseline 1: ``python -c pass``, the interpreter alone;
- baseline 2: ``planwatch --help``, the command line's own start-up.
Prints the median of ``--runs`` (default 7) of each, the command's ratio to each baseline, and whether
the issue's bound (under 0.6 s) is met. Run it on a quiet machine: the figure is a wall-clock time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BOUND = 0.6
PLANWATCH = [sys.executable, "-c", "from planwatch.cli import main; main()"]


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[3:]) or command[-1]} failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        # As a user runs it: the demo's own settings, not a test run's database or settings module.
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        env["PLANWATCH_VAR_DIR"] = folder
        demo = subprocess.run([*PLANWATCH, "demo"], env=env, capture_output=True, text=True, timeout=600)
        if demo.returncode != 0:
            raise SystemExit(f"planwatch demo failed:\n{demo.stderr[-2000:]}")
        commands = {
            "baseline: python -c pass": [sys.executable, "-c", "pass"],
            "baseline: planwatch --help": [*PLANWATCH, "--help"],
            "planwatch evaluate --as-of 2024": [*PLANWATCH, "evaluate", "--as-of", "2024"],
        }
        timed(commands["planwatch evaluate --as-of 2024"], env)  # one unmeasured run: the OS file cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name}: median {median:.3f} s (min {min(times[name]):.3f}, max {max(times[name]):.3f}, {runs} runs)")
    ours = medians["planwatch evaluate --as-of 2024"]
    print(f"ratio evaluate / python start-up {ours / medians['baseline: python -c pass']:.1f}x, "
          f"evaluate / planwatch --help {ours / medians['baseline: planwatch --help']:.1f}x")
    print(f"bound: under {BOUND} s — {'met' if ours < BOUND else 'NOT met'} ({ours:.3f} s)")


if __name__ == "__main__":
    main()
