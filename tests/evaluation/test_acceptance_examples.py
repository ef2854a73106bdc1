"""The worked values of the issue's acceptance list, each checked against its hand arithmetic."""

from __future__ import annotations

import pytest

from tests.evaluation.helpers import one, spec


def test_opensdg_fixture_lower_is_better_deteriorating_scores_minus_five():
    """sdg-build's own fixture: base 10 (2015) → 30 (2016), lower is better, target 1 by 2030.

    CAGR_obs = 30/10 − 1 = 2.0; CAGR_req = (1/10)^(1/15) − 1 = −0.14230;
    R = sign · d · CAGR_obs / |CAGR_req| = 1 · (−1) · 2.0 / 0.14230 = −14.054 < 0 → deterioration;
    score = max(4.1667 · (−14.054) − 2.5, −5) = −5.
    """
    row = one(spec(direction="lower", target=1, target_year=2030, base_year=2015), [(2015, 10), (2016, 30)], 2016)
    assert row.opensdg_status == "deterioration"
    assert row.opensdg_ratio == pytest.approx(-14.0544, abs=1e-4)
    assert row.opensdg_score == -5


def test_opensdg_fixture_higher_is_better_on_track_scores_five():
    """sdg-build's own fixture: base 5 (2015) → 6 (2016), higher is better, target 9 by 2030.

    CAGR_obs = 6/5 − 1 = 0.2; CAGR_req = (9/5)^(1/15) − 1 = 0.039960;
    R = 0.2 / 0.039960 = 5.0050 ≥ 0.95 → on track; score = min(7.1429 · 5.005 − 4.2857, 5) = 5.
    """
    row = one(spec(target=9, target_year=2030, base_year=2015), [(2015, 5), (2016, 6)], 2016)
    assert row.opensdg_status == "on track"
    assert row.opensdg_ratio == pytest.approx(5.0045, abs=1e-4)
    assert row.opensdg_score == 5


def test_hundred_to_hundred_ten_against_125_is_behind_with_every_figure():
    """100 (2021) → 110 (2023), target 125 in 2025.

    完成度 = (110 − 100)/(125 − 100) = 10/25 = 0.40; 时序进度 = (2023 − 2021)/(2025 − 2021) = 2/4 = 0.50;
    0.40 < 0.50 − 0.05 = 0.45 → 滞后.
    actual growth = (110/100)^(1/2) − 1 = 1.0488088 − 1 = 4.8809%;
    required = (125/110)^(1/2) − 1 = 1.0660036 − 1 = 6.6004%.
    Open SDG: CAGR_req from base = 1.25^(1/4) − 1 = 5.7371%; R = 4.8809/5.7371 = 0.8508 → acceleration needed;
    score = 7.1429 · 0.85075 − 4.2857 = 1.7912.
    UN: projected 2025 = 110 · 1.0488088² = 121.0; CR = (121 − 100)/(125 − 100) = 0.84 → acceleration needed.
    """
    row = one(spec(target=125, baseline=100, base_year=2021), [(2023, 110)])
    assert row.completion == pytest.approx(0.40)
    assert row.time_share == pytest.approx(0.50)
    assert row.grade == "滞后"
    assert row.actual_growth == pytest.approx(0.048809, abs=1e-6)
    assert row.required_growth == pytest.approx(0.066004, abs=1e-6)
    assert row.opensdg_ratio == pytest.approx(0.8508, abs=1e-4)
    assert row.opensdg_status == "acceleration needed"
    assert row.opensdg_score == pytest.approx(1.7912, abs=1e-4)
    assert row.unsd_ratio == pytest.approx(0.84)
    assert row.unsd_status == "acceleration needed"
    assert row.projected_by_growth == pytest.approx(121.0)
    assert not row.methods_disagree
    assert row.reason == "2023年完成度40.0%,低于时序进度50.0%;余下两年需年均增长6.60%,高于以往年均4.88%"


def test_gdp_stated_in_the_plan_is_on_track_and_needs_6_728_percent():
    """GDP 4169.4 (2021) → 4524 (2022, stated in the plan), target 5500 in 2025.

    完成度 = (4524 − 4169.4)/(5500 − 4169.4) = 354.6/1330.6 = 0.2665; 时序进度 = 1/4 = 0.25;
    |0.2665 − 0.25| ≤ 0.05 → 基本符合预期.
    required = (5500/4524)^(1/3) − 1 = 1.215738^(1/3) − 1 = 6.728%.
    """
    row = one(spec(target=5500, baseline=4169.4, base_year=2021), [(2022, 4524)])
    assert row.completion == pytest.approx(0.2665, abs=1e-4)
    assert row.time_share == pytest.approx(0.25)
    assert row.required_growth == pytest.approx(0.06728, abs=1e-5)
    assert row.grade == "基本符合预期"
    assert row.reason.startswith("2022年完成度26.6%,高于时序进度25.0%;余下三年需年均增长6.73%")
