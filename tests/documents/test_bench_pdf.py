"""bench/parse_plan_pdf.py still runs (at 6 pages here; its 300-page figures are read by people)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_pdf_benchmark_builds_its_plan_and_prints_time_and_ratios():
    done = subprocess.run(
        [sys.executable, "bench/parse_plan_pdf.py", "6"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "6 pages: 9 indicators, 6 chapters, 2 boxes" in done.stdout
    for line in ("read_plan ", "baseline pdfplumber text only", "ratio read_plan/baseline", "limit 5 s:"):
        assert line in done.stdout, done.stdout
