"""The benchmark scripts still run (their figures are read by people, not asserted here).

``bench/pages.py`` requests every page it times and insists on a 200: a page that starts refusing
its user (as the dashboard did once it needed a role) must fail here, not in the next person's
measurement. ``bench/evaluate.py`` is checked at a small size by ``tests/evaluation/test_bench_small.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    done = subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_page_benchmark_times_every_page_it_names():
    out = _run("bench/pages.py")
    for page in ("baseline: login page", "dashboard", "indicator page (signed in)", "indicator page (portal)",
                 "county view", "portal home"):
        assert page in out, out


def test_parse_benchmark_reads_the_whole_plan():
    out = _run("bench/parse_plan.py")
    assert "36 indicators, 9 chapters, 9 boxes" in out
    assert "ratio parse/baseline" in out


def test_review_queue_benchmark_pages_5000_pending_figures():
    out = _run("bench/review_queue.py", "--runs", "2")
    assert "5000 figures waiting for review, 50 rows on a page" in out
    for page in ("baseline: login page", "review queue, page 1", "review queue, page 60", "review queue, one region"):
        assert page in out, out
def test_import_benchmark_imports_and_reimports_every_row():
    out = _run("bench/import_rows.py", "--rows", "400")
    assert "baseline: bulk_create of 400 rows" in out
    assert "first import (new drafts): 400 rows" in out
    assert "re-import, every figure corrected (drafts updated): 400 rows" in out
    assert "re-import of the same file (nothing to write): 400 rows" in out
    # 2 × 400 rows written (the same file again writes nothing), plus the plan load, the importer's account
    # and its role
    assert "stored: 400 observations, 803 audit entries, 800 history rows" in out, out


def test_evaluate_cli_benchmark_times_the_command_against_its_baselines():
    out = _run("bench/evaluate_cli.py", "--runs", "1")
    for line in ("baseline: python -c pass: median", "baseline: planwatch --help: median",
                 "planwatch evaluate --as-of 2024: median", "ratio evaluate / python start-up", "bound: under 0.6 s"):
        assert line in out, out
