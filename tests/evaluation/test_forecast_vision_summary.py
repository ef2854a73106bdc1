"""Forecasts with their intervals, the 2035 vision gap on real figures, and the pillar summaries."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from planwatch.evaluation import evaluate, forecast, summarize, vision_gap
from tests.evaluation.helpers import observations, one, spec

DATA = Path(__file__).resolve().parent.parent / "data"


def test_loglinear_forecast_of_exact_exponential_growth_is_exact_with_a_zero_width_interval():
    """100 · 1.05^k for 2019–2024 (6 points): ln y is a straight line; 2025 = 100 · 1.05⁷ = 140.71."""
    years = np.arange(2019, 2025)
    values = 100 * 1.05 ** (years - 2018)
    frame = forecast(years, values, [2025, 2035])
    assert list(frame["method"]) == ["loglinear", "loglinear"]
    assert frame["value"].iloc[0] == pytest.approx(100 * 1.05**7)
    assert frame["high"].iloc[0] - frame["low"].iloc[0] == pytest.approx(0, abs=1e-6)


def test_loglinear_interval_matches_the_t_formula():
    """Points x = 0…3 (2020–2023), ln y = 0, 0.1, 0.3, 0.3: x̄ = 1.5, ȳ = 0.175, Sxx = 5,
    Sxy = (−1.5)(−0.175) + (−0.5)(−0.075) + (0.5)(0.125) + (1.5)(0.125) = 0.55 → slope 0.11, intercept
    0.175 − 0.165 = 0.01; fitted 0.01, 0.12, 0.23, 0.34; residuals −0.01, −0.02, 0.07, −0.04; RSS = 0.007;
    s² = 0.007/2 = 0.0035. At x₀ = 5 (2025): ŷ = 0.01 + 0.55 = 0.56;
    se = √(0.0035 · (1 + 1/4 + 3.5²/5)) = √(0.0035 · 3.7) = 0.113798; t₀.₉ with 2 d.f. = 1.885618;
    80% interval exp(0.56 ± 0.214580) = [1.4126, 2.1697], point e^0.56 = 1.7507.
    """
    frame = forecast([2020, 2021, 2022, 2023], np.exp([0, 0.1, 0.3, 0.3]), [2025])
    row = frame.iloc[0]
    assert row.method == "loglinear"
    assert row.value == pytest.approx(math.exp(0.56), abs=1e-9)
    assert row.low == pytest.approx(math.exp(0.56 - 1.885618 * math.sqrt(0.0035 * 3.7)), abs=1e-5)
    assert row.high == pytest.approx(math.exp(0.56 + 1.885618 * math.sqrt(0.0035 * 3.7)), abs=1e-5)
    assert (row.low, row.high) == pytest.approx((1.4126, 2.1697), abs=1e-4)


def test_ets_is_used_only_from_ten_points():
    years = np.arange(2010, 2020)
    values = 100 + 3.0 * np.arange(10) + np.array([0.5, -0.3, 0.2, -0.4, 0.1, 0.3, -0.2, 0.4, -0.1, 0.0])
    ten = forecast(years, values, [2025])
    nine = forecast(years[1:], values[1:], [2025])
    assert ten["method"].item() == "ets_holt"
    assert ten["low"].item() < ten["value"].item() < ten["high"].item()
    assert ten["value"].item() == pytest.approx(100 + 3.0 * 15, rel=0.03)
    assert nine["method"].item() == "loglinear"


def test_short_series_use_the_growth_projection_without_an_interval():
    """Two points 100 (2021) → 110 (2023): 10% in two years; 2025 = 110 · 1.1 = 121; no interval."""
    frame = forecast([2021, 2023], [100, 110], [2025])
    assert frame["method"].item() == "growth"
    assert frame["value"].item() == pytest.approx(121)
    assert math.isnan(frame["low"].item())


def test_evaluate_names_the_forecast_method_and_gives_the_interval_from_four_points():
    row = one(spec(target=150, base_year=2020), [(2020, 100), (2021, 105), (2022, 110.25), (2023, 115.7625)],
              vision_year=2035)
    assert row.forecast_method == "loglinear"
    assert row.forecast_value == pytest.approx(100 * 1.05**5)
    assert row.vision_forecast_value == pytest.approx(100 * 1.05**15)
    short = one(spec(target=125, baseline=100), [(2023, 110)])
    assert short.forecast_method == "growth"
    assert short.forecast_value == pytest.approx(121)


TWELVE = [100, 104.2, 109.1, 112.8, 118.5, 121.9, 127.4, 133.0, 136.2, 142.7, 147.1, 152.9]  # 2013–2024


def _statsmodels_holt(values, horizon: int):
    """The same model fitted directly: additive error and trend, 80% prediction interval."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    fit = ETSModel(pd.Series(values, dtype=float), error="add", trend="add").fit(disp=False)
    return fit.get_prediction(start=len(values), end=len(values) + horizon - 1).summary_frame(alpha=0.2).iloc[-1]


def test_evaluate_forecasts_a_twelve_point_series_by_holt_as_statsmodels_does():
    """12 consecutive years (2013–2024) ≥ ets_min_points (10) → Holt; 2025 is one step ahead, 2035 eleven."""
    row = one(spec(target=200, baseline=100, base_year=2013), list(zip(range(2013, 2025), TWELVE, strict=True)),
              vision_year=2035)
    direct, vision = _statsmodels_holt(TWELVE, 1), _statsmodels_holt(TWELVE, 11)
    assert row.forecast_method == "ets_holt"
    assert (row.forecast_value, row.forecast_low, row.forecast_high) == pytest.approx(
        (direct["mean"], direct["pi_lower"], direct["pi_upper"]), rel=1e-9)
    assert (row.vision_forecast_value, row.vision_forecast_low, row.vision_forecast_high) == pytest.approx(
        (vision["mean"], vision["pi_lower"], vision["pi_upper"]), rel=1e-9)
    assert row.forecast_low < row.forecast_value < row.forecast_high


def test_holt_on_an_exact_line_continues_the_line():
    """100, 105, …, 155 (2013–2024): level 155 and trend 5 → 2025 = 160, with no spread to speak of."""
    row = one(spec(target=200, baseline=100, base_year=2013), [(2013 + k, 100 + 5 * k) for k in range(12)])
    assert row.forecast_method == "ets_holt"
    assert row.forecast_value == pytest.approx(160, abs=1e-6)
    assert row.forecast_high - row.forecast_low == pytest.approx(0, abs=1e-4)


def test_holt_is_skipped_beyond_ets_max_series_and_for_gappy_or_short_series():
    """Two 12-point series with ets_max_series = 1: too many to fit one by one → both log-linear; with 2 → Holt.
    A 12-point series missing 2018 is not consecutive and a 9-point one is short: log-linear either way."""
    from planwatch.evaluation import EvaluationSettings

    specs = pd.DataFrame([spec("A", target=200, baseline=100, base_year=2013),
                          spec("B", target=200, baseline=100, base_year=2013)])
    obs = pd.DataFrame(observations("A", list(zip(range(2013, 2025), TWELVE, strict=True)))
                       + observations("B", list(zip(range(2013, 2025), TWELVE, strict=True))))
    capped = evaluate(specs, obs, 2024, settings=EvaluationSettings(ets_max_series=1))
    allowed = evaluate(specs, obs, 2024, settings=EvaluationSettings(ets_max_series=2))
    assert list(capped["forecast_method"]) == ["loglinear", "loglinear"]
    assert list(allowed["forecast_method"]) == ["ets_holt", "ets_holt"]
    gappy = [(y, v) for y, v in zip(range(2012, 2025), [96.0, *TWELVE], strict=True) if y != 2018]
    assert one(spec(target=200, baseline=100, base_year=2012), gappy).forecast_method == "loglinear"
    assert one(spec(target=200, baseline=100, base_year=2016), list(zip(range(2016, 2025), TWELVE[3:], strict=True))
               ).forecast_method == "loglinear"


def _national_per_capita() -> pd.Series:
    table = pd.read_csv(DATA / "reference_national.csv")
    rows = table[(table.region == "全国") & (table.indicator_name_zh == "人均国内生产总值")]
    return rows.set_index("year")["value"]


def test_vision_gap_from_the_plan_baseline_needs_4_05_percent_a_year_above_the_nation():
    """Ganzhou 人均GDP 46452 元 (2021, plan); national 80976 元 (2021, NBS bulletin).

    ratio = 46452/80976 = 57.37%; to reach 100% by 2035: (80976/46452)^(1/14) − 1 = 1.743219^(1/14) − 1 = 4.05%
    faster than the nation every year.
    """
    gap = vision_gap({2021: 46452}, _national_per_capita(), 2035)
    assert gap.ratio == pytest.approx(0.573651, abs=1e-6)
    assert gap.required_gap == pytest.approx(0.040494, abs=1e-6)
    assert math.isnan(gap.trend)
    assert gap.on_course is None
    assert gap.reason == ("2021年人均GDP为46452元,为全国80976元的57.4%;要在2035年达到全国平均水平,"
                          "余下十四年人均GDP需每年比全国快4.05%")


def test_vision_gap_if_the_2025_target_is_met_the_ratio_still_falls():
    """Plan target 54403 元 (2025) against the nation's 99665 元 (2025): ratio 54.59% < 57.37% (2021).

    trend = exp(ln(0.545859/0.573651)/4) − 1 = exp(−0.012415) − 1 = −1.2339% a year;
    2035 by trend: 0.545859 · (1 − 0.012339)^10 = 48.3%; gap needed from 2025: (1/0.545859)^(1/10) − 1 = 6.24%.
    """
    gap = vision_gap({2021: 46452, 2025: 54403}, _national_per_capita(), 2035)
    assert gap.ratio == pytest.approx(0.545859, abs=1e-6)
    assert gap.trend == pytest.approx(-0.012339, abs=1e-6)
    assert gap.projected_ratio == pytest.approx(0.545859 * (1 - 0.012339) ** 10, abs=1e-5)
    assert gap.required_gap == pytest.approx(0.062410, abs=1e-6)
    assert gap.on_course is False


def test_summary_counts_grades_warnings_and_mean_score_per_pillar_and_plan():
    """Three indicators in two pillars: A 滞后 (binding → 预警), B 提前实现, C 待下达.

    Open SDG scores: A 1.7912 (see the acceptance example), B 5 (target achieved), C none (no target) →
    pillar 综合实力 mean (1.7912 + 5)/2 = 3.3956; whole plan the same.
    """
    specs = pd.DataFrame([
        spec("A", target=125, baseline=100, attribute="约束性"), spec("B", target=5500, baseline=4169.4),
        spec("C", kind="assigned", pillar="生态文明"),
    ])
    obs = pd.DataFrame(observations("A", [(2023, 110)]) + observations("B", [(2024, 5600)]))
    table = summarize(evaluate(specs, obs, 2024, regions=["赣州市"]), specs)
    assert list(table["pillar"]) == ["综合实力", "生态文明", "全部"]
    whole = table[table.pillar == "全部"].iloc[0]
    assert (whole["indicators"], whole["滞后"], whole["提前实现"], whole["待下达"], whole["warnings"]) == (3, 1, 1, 1, 1)
    assert whole["opensdg_score_mean"] == pytest.approx((1.791153 + 5) / 2, abs=1e-5)
    assert table[table.pillar == "生态文明"].iloc[0]["with_data"] == 1
