"""The truth fixes of issue 12, each worked by hand in its docstring."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from planwatch.evaluation import evaluate
from planwatch.evaluation.international import limit_coefficient
from planwatch.evaluation.text import number, percent
from planwatch.numbers import round_half_up, scaled_half_up
from planwatch.reports.formatting import format_number, format_percent
from tests.evaluation.helpers import observations, one, spec

# --- UN progress chart when the base is already past the target -------------------------------------------


def test_unsd_a_target_met_stays_met_when_the_base_was_already_past_it():
    """130 (2021) → 135 (2023), target 125 by 2025, higher is better.

    The old CR = (projected − b)/(T − b) with projected = 135 · (135/130)^(2/2) = 140.19 gives
    (140.19 − 130)/(125 − 130) = −2.04 → "stagnation or regression", though 135 ≥ 125. The target is
    met, so it stays met whatever the trend (EUSTAT): on track; CR is not given (its denominator
    has the wrong sign). The national grade is 提前实现 and Open SDG "target achieved": no disagreement.
    """
    row = one(spec(target=125, baseline=130), [(2023, 135)])
    assert row.grade == "提前实现"
    assert row.unsd_status == "on track"
    assert math.isnan(row.unsd_ratio)
    assert row.opensdg_status == "target achieved"
    assert not row.methods_disagree


def test_unsd_a_series_fallen_below_a_target_its_base_had_met_is_not_on_track():
    """130 (2021) → 124 (2023), target 125, higher is better.

    The old CR: projected = 124 · (124/130) = 118.28, CR = (118.28 − 130)/(125 − 130) = 2.34 →
    "on track", for a series that fell below its target. Now: stagnation or regression (CR not
    given); national grade 逆向 (base met, latest no longer), Open SDG R < 0 → deterioration.
    """
    row = one(spec(target=125, baseline=130), [(2023, 124)])
    assert row.grade == "逆向"
    assert row.unsd_status == "stagnation or regression"
    assert math.isnan(row.unsd_ratio)
    assert row.opensdg_status == "deterioration"


def test_unsd_ordinary_series_keep_their_ratio():
    """Example 1 of docs/evaluation.md: 100 → 110 (2021→2023), target 125: projected 110·1.0488² = 121,
    CR = 21/25 = 0.84 → acceleration needed (unchanged by the fix)."""
    row = one(spec(target=125, baseline=100), [(2023, 110)])
    assert row.unsd_ratio == pytest.approx(0.84, abs=1e-9)
    assert row.unsd_status == "acceleration needed"


# --- Open SDG limit ------------------------------------------------------------------------------------------


def test_opensdg_limit_scales_the_no_target_thresholds():
    """A coverage rate with no target, limit 100: 98 (2021) → 98.5 (2023).

    CAGR = (98.5/98)^(1/2) − 1 = 0.0025478. Without a limit: 0.0025 < 0.005 → limited progress,
    score 500·0.0025478 − 2.5 = −1.2261. With L = 100: C = 1 − (98/100)^4.44 = 1 − 0.91421 = 0.085795;
    thresholds 0.015·C = 0.0012869, 0.005·C = 0.00042897 → on track; score min(500·r/C − 5, 5) =
    min(14.85 − 5, 5) = 5.
    """
    without = one(spec(kind="unspecified", baseline=98), [(2023, 98.5)])
    assert without.opensdg_status == "limited progress"
    assert without.opensdg_score == pytest.approx(-1.2261, abs=1e-4)
    assert math.isnan(without.opensdg_limit_coefficient)
    row = one(spec(kind="unspecified", baseline=98, limit=100), [(2023, 98.5)])
    assert row.opensdg_ratio == pytest.approx(0.0025478, abs=1e-7)
    assert row.opensdg_limit_coefficient == pytest.approx(0.085795, abs=1e-6)
    assert row.opensdg_status == "on track"
    assert row.opensdg_score == 5.0


def test_opensdg_limit_coefficient_within_past_and_beyond_twice_the_limit():
    """sdg-build (sdg/ProgressMeasure.py, get_progress_thresholds): |b| ≤ |L|: 1 − (b/L)^4.44;
    L < |b| < 2L: 1 − ((2L − b)/L)^4.44; |b| ≥ 2L: 1. b = 50, L = 100: 1 − 0.5^4.44 = 0.95393;
    b = 150: 1 − (50/100)^4.44 = 0.95393; b = 100: 0; b = 250: 1. (0.5^4.44 = e^(4.44·ln 0.5) = e^(−3.0776) = 0.046071.)"""
    c = limit_coefficient([50, 150, 100, 250, 98], [100, 100, 100, 100, np.nan])
    assert c[:4] == pytest.approx([0.95393, 0.95393, 0.0, 1.0], abs=1e-5)
    assert math.isnan(c[4])


def test_opensdg_limit_is_ignored_with_a_target():
    """sdg-build ignores the limit when a target is given: C is not output, the ratio method applies."""
    row = one(spec(target=100, baseline=98, limit=100), [(2023, 98.5)])
    assert math.isnan(row.opensdg_limit_coefficient)
    assert row.opensdg_status in ("on track", "acceleration needed", "limited progress", "deterioration")


def test_opensdg_limit_held_exactly_scores_five():
    """b = L = 100 (C = 0), 100 → 100: r = 0 ≥ 0·thresholds → on track, score 5 (sdg-build's coeff == 0)."""
    row = one(spec(kind="unspecified", baseline=100, limit=100), [(2023, 100)])
    assert row.opensdg_limit_coefficient == 0.0
    assert row.opensdg_status == "on track"
    assert row.opensdg_score == 5.0


# --- Price basis -----------------------------------------------------------------------------------------------


def _per_capita_gdp(**extra) -> dict:
    return spec("PGDP", target=60000, baseline=50000, base_year=2020, unit="元", price_basis="可比价", **extra)


def test_a_constant_price_target_is_compared_with_deflated_figures():
    """人均GDP target 60000 元 by 2025 at 2020 prices, base 50000 (2020); 2023 at current prices 60000.

    Deflator 2020 = 100, 2023 = 112: 60000 · 100/112 = 53571.43 at 2020 prices. 完成度 =
    (53571.43 − 50000)/(60000 − 50000) = 0.3571, 时序进度 = 3/5 = 0.6 → 滞后. Compared at current
    prices it would read (60000 − 50000)/10000 = 1 → 提前实现: inflation counted as progress.
    """
    deflators = pd.DataFrame({"region": ["赣州市", "赣州市"], "year": [2020, 2023], "deflator": [100.0, 112.0]})
    specs = pd.DataFrame([_per_capita_gdp()])
    obs = pd.DataFrame(observations("PGDP", [(2020, 50000.0), (2023, 60000.0)]))
    row = evaluate(specs, obs, 2024, deflators=deflators).iloc[0]
    assert row.latest_value == pytest.approx(53571.43, abs=0.01)
    assert row.completion == pytest.approx(0.3571, abs=1e-4)
    assert row.grade == "滞后"
    assert row.price_basis_used == "可比价(平减指数)"
    assert row.reason.endswith("目标为可比价,现价观测值已按平减指数折算后比较")


def test_a_constant_price_target_is_compared_with_figures_chained_by_real_growth():
    """Same target; 比上年实际增长 5%, 4%, 3% in 2021—2023, base 50000 (2020):
    50000 · 1.05 · 1.04 · 1.03 = 56238.0 at 2020 prices; 完成度 0.6238, 时序进度 0.6 → 基本符合预期."""
    specs = pd.DataFrame([_per_capita_gdp()])
    rows = observations("PGDP", [(2020, 50000.0), (2021, 54000.0), (2022, 57000.0), (2023, 61000.0)])
    for row, growth in zip(rows, [np.nan, 5.0, 4.0, 3.0], strict=True):
        row["real_growth"] = growth
    row = evaluate(specs, pd.DataFrame(rows), 2024).iloc[0]
    assert row.latest_value == pytest.approx(56238.0, abs=0.01)
    assert row.completion == pytest.approx(0.6238, abs=1e-4)
    assert row.grade == "基本符合预期"
    assert row.price_basis_used == "可比价(实际增速)"


def test_without_deflator_or_real_growth_the_sentence_says_the_prices_differ():
    """No deflator and no real growth: the current-price figures are compared as they are (completion 1.0,
    提前实现) and both the column and the sentence say the prices differ."""
    specs = pd.DataFrame([_per_capita_gdp()])
    obs = pd.DataFrame(observations("PGDP", [(2020, 50000.0), (2023, 60000.0)]))
    row = evaluate(specs, obs, 2024).iloc[0]
    assert row.grade == "提前实现"
    assert row.price_basis_used == "现价(未折算,缺平减指数或实际增速)"
    assert "缺平减指数或实际增速,按现价观测值比较" in row.reason


def test_an_unknown_price_basis_is_refused_by_name():
    from planwatch.evaluation import InputProblem

    specs = pd.DataFrame([spec(target=1, baseline=0, price_basis="当年价格")])
    with pytest.raises(InputProblem, match="price_basis.*当年价格"):
        evaluate(specs, pd.DataFrame(observations("I01", [(2023, 1.0)])), 2024)


# --- Change of a rate in 百分点 ---------------------------------------------------------------------------------


def test_the_change_of_a_rate_is_in_percentage_points():
    """城镇化率 56.35 (2021) → 57.0 (2023), target 60 (2025), unit %.

    Change = +0.65 个百分点 (not (57.0/56.35)^(2/2)·… ≈ +1.2%); 0.65/2 = 0.325 → 0.33 per year
    (half up); still needed (60 − 57)/2 = 1.50 个百分点 a year. 完成度 0.65/3.65 = 17.8%, 时序进度
    50% → 滞后.
    """
    row = one(spec(target=60, baseline=56.35, unit="%", decimals=2), [(2023, 57.0)])
    assert row.change_points == pytest.approx(0.65)
    assert row.required_points == pytest.approx(1.50)  # (60 − 57)/2, the column the report states
    assert row.grade == "滞后"
    assert row.reason == "2023年完成度17.8%,低于时序进度50.0%;余下两年需年均提高1.50个百分点,高于以往年均0.33个百分点"


@pytest.mark.parametrize("unit", ["%", "％", "(%)", "百分比", "百分数"])
def test_a_per_cent_unit_in_any_spelling_moves_in_points(unit):
    """The engine knows a per-cent unit as the readers and the entry form do (units.is_percent_unit):
    百分数 was a growth rate to the engine and points to the form. 56.35 → 57.0: +0.65 个百分点."""
    row = one(spec(target=60, baseline=56.35, unit=unit, decimals=2), [(2023, 57.0)])
    assert row.change_points == pytest.approx(0.65)


def test_a_rate_without_target_reports_its_trend_in_points():
    row = one(spec(kind="unspecified", baseline=56.35, unit="%", decimals=2), [(2023, 57.0)])
    assert row.reason == "无目标值;2023年为57.00,2021年以来年均提高0.33个百分点"


def test_a_value_indicator_still_reads_in_per_cent():
    """Unit 亿元: the change is a growth rate, change_points is not given."""
    row = one(spec(target=125, baseline=100, unit="亿元"), [(2023, 110)])
    assert math.isnan(row.change_points)
    assert math.isnan(row.required_points)
    assert "需年均增长6.60%" in row.reason


# --- One number format ------------------------------------------------------------------------------------------


def test_one_rounding_rule_half_up_in_sentences_and_tables():
    """0.3125 → 31.25% → 31.3% at one decimal, in the sentences and in the reports alike (half-even gave
    31.2% in the sentences); 0.35 → 0.4 (stored as 0.34999…); −0.25 → −0.3 (away from zero)."""
    assert percent([0.3125])[0] == format_percent(0.3125) == "31.3%"
    assert list(scaled_half_up([0.35, -0.25, 2.5, 0.125], 1)) == [4, -3, 25, 1]
    assert str(round_half_up(2.675, 2)) == "2.68" == format_number(2.675, 2)
    row = one(spec(target=116, baseline=100), [(2023, 105)])  # 完成度 5/16 = 0.3125
    assert row.reason.startswith("2023年完成度31.3%")


def test_figures_at_their_published_precision():
    """0.73887 published with 2 decimals reads 0.74; 4716.0 with 0 reads 4716; without a stated
    precision at most four decimals, trailing zeros dropped (4716.0 → 4716, never 4716.0)."""
    assert list(number([0.73887, 4716.0, 57.0], [2, 0, 1])) == ["0.74", "4716", "57.0"]
    assert list(number([4716.0, 0.73887])) == ["4716", "0.7389"]
    assert list(number([np.nan], [2])) == ["—"]
    row = one(spec(target=0.75, baseline=0.8, direction="lower", decimals=2), [(2023, 0.73887)])
    assert row.reason == "2023年为0.74,已达到目标值0.75"


def test_no_sentence_says_none_or_nan():
    """Missing text in the specs or judgements (None, NaN) never reaches a sentence."""
    specs = pd.DataFrame([
        spec("A", kind="qualitative", baseline=100, text="量稳质升", quality=None, quality_by=None),
        spec("B", target=125, baseline=None, base_year=None, name=None),
        spec("C", kind="unspecified"),
    ])
    obs = pd.DataFrame(observations("A", [(2022, 101)]) + observations("B", [(2022, 100), (2023, 110)])
                       + observations("C", [(2023, 5)]))
    result = evaluate(specs, obs, 2024, regions=["赣州市", "章贡区"])
    text = " ".join(result["reason"].tolist() + result["disagreement"].tolist())
    assert "None" not in text and "nan" not in text


def test_reasons_for_writes_sentences_only_for_the_indicators_asked():
    specs = pd.DataFrame([spec("A", target=125, baseline=100), spec("B", target=125, baseline=100)])
    obs = pd.DataFrame(observations("A", [(2023, 110)]) + observations("B", [(2023, 110)]))
    result = evaluate(specs, obs, 2024, reasons_for=["B"]).set_index("indicator")
    assert result.loc["A", "reason"] == ""
    assert result.loc["B", "reason"].startswith("2023年完成度40.0%")
    assert (result["grade"] == "滞后").all()
    none = evaluate(specs, obs, 2024, reasons_for=())
    assert (none["reason"] == "").all() and list(none["grade"]) == ["滞后", "滞后"]
