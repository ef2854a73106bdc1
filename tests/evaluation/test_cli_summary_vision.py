"""``planwatch evaluate --summary --vision`` run as a user runs it: a real subprocess on a fresh SQLite file.

The real plan and reference data are loaded by ``planwatch dataset load``; the plan's figures come
from a CSV written here (hand-chosen), the national 人均GDP from a CSV of the NBS bulletin figures
(2021 80976, 2023 89358, 2024 95749 元, as in planwatch/data/observations/reference_national.csv) or,
without ``--national``, from the realdata reference table those same rows were loaded into.

Hand-worked, as of 2024 (plan base year 2021, target year 2025):

- I01 GDP 4169.4 → 4940.47 (2024), target 5500: completion 771.07/1330.6 = 57.9% < 75% − 5% → 滞后.
  Open SDG: CAGR_obs = (4940.47/4169.4)^(1/3) − 1 = 5.8193%, CAGR_req = (5500/4169.4)^(1/4) − 1 = 7.1698%,
  R = 0.8116 → score (50/7)·0.8116 − 30/7 = 1.5118.
- I02 人均GDP 46452 → 53614.8 (2023), target 54403: completion 7162.8/7951 = 0.9009 ≥ 0.5 + 0.05 → 快于预期.
  Open SDG: (53614.8/46452)^(1/2) − 1 = 7.434% vs (54403/46452)^(1/4) − 1 = 4.029%: R = 1.845 → score capped at 5.
- 综合实力 (I01, I02): 滞后1, 快于预期1, 预警0, mean score (1.5118 + 5)/2 = 3.2559 → "3.26". Whole plan: 36
  indicators, 滞后1, 快于预期1, 待下达5 (I16–I20, 按省下达), 无数据29, same mean score.
- Vision: ratios 46452/80976 = 0.57365 (2021), 53614.8/89358 = 0.6000 (2023; 2024 has no city figure).
  Trend: slope of ln ratio = (ln 0.6 − ln 0.57365)/2 = 0.022454 → e^0.022454 − 1 = 2.27%/yr; 2035 at that
  trend 0.6 · 1.022708¹² = 78.6%; to reach 1.0 by 2035: (1/0.6)^(1/12) − 1 = 4.35% a year above the nation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

OBSERVATIONS = "indicator,region,year,value\nI01,赣州市,2024,4940.47\nI02,赣州市,2023,53614.8\n"
NATIONAL = "year,value\n2021,80976\n2023,89358\n2024,95749\n"


def _planwatch(*args: str, env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from planwatch.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evaluate-cli")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PLANWATCH_VAR_DIR": str(folder),
                                                                          "COLUMNS": "200"}
    assert _planwatch("dataset", "load", env=env).returncode == 0
    (folder / "obs.csv").write_text(OBSERVATIONS, encoding="utf-8")
    (folder / "national.csv").write_text(NATIONAL, encoding="utf-8")
    return folder, env


def _evaluate(loaded, *extra: str) -> subprocess.CompletedProcess:
    folder, env = loaded
    result = _planwatch("evaluate", "--as-of", "2024", "--region", "赣州市", "--observations",
                        str(folder / "obs.csv"), *extra, env=env)
    assert result.returncode == 0, result.stderr
    return result


def test_summary_prints_counts_by_grade_warnings_and_mean_score_per_pillar_and_plan(loaded):
    out = _evaluate(loaded, "--summary").stdout
    assert "赣州市 综合实力:2项指标(滞后1项、快于预期1项),预警0项,Open SDG平均得分3.26" in out
    assert ("赣州市 全部:36项指标(滞后1项、快于预期1项、待下达5项、无数据29项),预警0项,Open SDG平均得分3.26"
            in out)


def test_summary_and_vision_in_json_carry_the_hand_worked_figures(loaded):
    folder, _ = loaded
    payload = json.loads(_evaluate(loaded, "--summary", "--vision", "--national", str(folder / "national.csv"),
                                   "--format", "json").stdout)
    whole = next(r for r in payload["summary"] if r["pillar"] == "全部")
    assert (whole["indicators"], whole["grades"]["滞后"], whole["grades"]["快于预期"], whole["grades"]["待下达"],
            whole["grades"]["无数据"], whole["warnings"]) == (36, 1, 1, 5, 29, 0)
    assert whole["opensdg_score_mean"] == pytest.approx((1.5118 + 5) / 2, abs=1e-3)
    vision = payload["vision"]
    assert (vision["latest_year"], vision["city"], vision["national"]) == (2023, 53614.8, 89358)
    assert vision["ratio"] == pytest.approx(0.6, abs=1e-9)
    assert vision["trend"] == pytest.approx(0.022708, abs=1e-6)
    assert vision["projected_ratio"] == pytest.approx(0.78554, abs=1e-5)
    assert vision["required_gap"] == pytest.approx(0.043488, abs=1e-6)


def test_vision_reads_the_national_series_from_the_reference_tables_when_no_file_is_given(loaded):
    out = _evaluate(loaded, "--vision").stdout
    assert ("2035年远景:2023年人均GDP为53615元,为全国89358元的60.0%;2021—2023年该比值年均上升2.27%,"
            "按此趋势2035年约为全国的78.6%") in out
    assert "需每年比全国快4.35%" in out


def test_the_forecast_method_is_named_beside_each_projection(loaded):
    """I01 has one figure after the plan base: projected by its average growth from the plan base,
    (4940.47/4169.4)^(1/3) = 1.058193 → 4940.47 · 1.058193 = 5227.97."""
    out = _evaluate(loaded).stdout
    assert "目标年预测5227.97(按年均增速外推)" in out
