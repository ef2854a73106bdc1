"""The edge cases of the issue, each with its rule in the test name."""

from __future__ import annotations

import pandas as pd
import pytest

from planwatch.evaluation import EvaluationSettings, InputProblem, evaluate
from tests.evaluation.helpers import observations, one, spec


def test_without_baseline_the_first_observed_year_becomes_the_base_and_is_flagged():
    """托位数 has no baseline; observations 3.0 (2022), 3.6 (2023); target 4.5 in 2025.

    Base = 3.0 (2022): 完成度 = (3.6 − 3.0)/(4.5 − 3.0) = 0.4; 时序进度 = (2023 − 2022)/(2025 − 2022) = 1/3;
    0.4 − 0.3333 = 0.0667 ≥ 0.05 → 快于预期.
    """
    row = one(spec(target=4.5), [(2022, 3.0), (2023, 3.6)])
    assert row.base_from_observation
    assert row.base_year_used == 2022
    assert row.base_value == 3.0
    assert row.completion == pytest.approx(0.4)
    assert row.time_share == pytest.approx(1 / 3)
    assert row.grade == "快于预期"
    assert row.reason.startswith("规划未给出基期值,以2022年观测值3为基期;")


def test_a_missing_base_year_observation_moves_the_base_to_the_next_year_and_says_so():
    """Base year 2021 but the first figure is for 2022 (a county without the plan's baseline)."""
    row = one(spec(target=4.5, base_year=2021, baseline=None), [(2022, 3.0), (2023, 3.6)])
    assert row.reason.startswith("规划未给出基期值,以2022年观测值3为基期;")
    county = evaluate(pd.DataFrame([spec(target=125, baseline=100)]),
                      pd.DataFrame(observations("I01", [(2022, 50), (2023, 55)], region="章贡区")), 2024,
                      plan_region="赣州市").iloc[0]
    assert county.base_from_observation and county.base_value == 50
    assert county.reason.startswith("无2021年数据,以2022年观测值50为基期;")


def test_plan_baseline_belongs_to_the_plan_region_only():
    """赣州市 uses the plan's 100; 章贡区 uses its own 2021 figure 40 (40 → 44: 完成度 4/(125 − 40))."""
    obs = pd.DataFrame(observations("I01", [(2023, 110)]) + observations("I01", [(2021, 40), (2023, 44)], "章贡区"))
    result = evaluate(pd.DataFrame([spec(target=125, baseline=100)]), obs, 2024, plan_region="赣州市")
    city, county = result.iloc[0], result.iloc[1]
    assert (city.region, city.base_value, city.base_from_observation) == ("赣州市", 100, False)
    assert (county.region, county.base_value, county.base_from_observation) == ("章贡区", 40, True)
    assert county.completion == pytest.approx(4 / 85)


def test_baseline_already_past_the_target_is_achieved_while_it_holds():
    """每千常住人口医疗床位数 base 7.6 already ≥ target 7.5: 7.7 (2023) → 提前实现."""
    row = one(spec(target=7.5, baseline=7.6), [(2023, 7.7)])
    assert row.grade == "提前实现"


def test_baseline_past_the_target_and_latest_fallen_below_is_reverse():
    """Base 7.6 ≥ 7.5, then 7.4 (2023) < 7.5: moved back across the target → 逆向, with the reason."""
    row = one(spec(target=7.5, baseline=7.6), [(2023, 7.4)])
    assert row.grade == "逆向"
    assert row.reason == "基期7.6已达到目标7.5,2023年为7.4,已不再达到"


def test_moving_away_from_the_target_is_reverse():
    """100 → 95 towards 125: 完成度 = −5/25 = −0.2 < 0 → 逆向."""
    row = one(spec(target=125, baseline=100), [(2023, 95)])
    assert row.completion == pytest.approx(-0.2)
    assert row.grade == "逆向"


def test_zero_base_has_completion_but_no_growth_rate():
    """0 → 2 towards 10: 完成度 = 2/10 = 0.2 (time share 0.5 → 滞后); growth from 0 is undefined (NaN).

    Open SDG replaces the zero base by 0.001, as sdg-build does: CAGR_obs = (2/0.001)^(1/2) − 1 = 43.72.
    """
    row = one(spec(target=10, baseline=0), [(2023, 2)])
    assert row.completion == pytest.approx(0.2)
    assert row.grade == "滞后"
    assert pd.isna(row.actual_growth)
    assert pd.isna(row.projected_by_growth)
    assert row.opensdg_status == "on track"


def test_negative_values_on_both_ends_are_graded_by_completion():
    """A deficit −50 → −30 towards −10 (higher is better): 完成度 = 20/40 = 0.5, time share 0.5 → 基本符合预期.

    Open SDG: sign = −1 (negative base); CAGR_obs = (−30/−50)^(1/2) − 1 = −0.22540;
    CAGR_req = (−10/−50)^(1/4) − 1 = −0.33126; R = (−1)(1)(−0.22540)/0.33126 = 0.6804 → acceleration needed.
    """
    row = one(spec(target=-10, baseline=-50), [(2023, -30)])
    assert row.completion == pytest.approx(0.5)
    assert row.grade == "基本符合预期"
    assert row.opensdg_ratio == pytest.approx(0.6804, abs=1e-4)
    assert row.opensdg_status == "acceleration needed"


def test_a_sign_change_is_not_assessable_by_growth_and_says_why():
    """−5 → 3 towards 10: 完成度 = 8/15 = 0.5333 still grades (≥ 0.45 → 基本符合预期), but growth,
    projection and both international methods are not assessable, and the reason says so."""
    row = one(spec(target=10, baseline=-5), [(2023, 3)])
    assert row.grade == "基本符合预期"
    assert pd.isna(row.actual_growth)
    assert row.opensdg_status == "not assessable"
    assert row.unsd_status == "not assessable"
    assert row.reason.endswith("基期值与最新值符号相反,增速与国际方法不可评估")


def test_a_single_observation_without_baseline_cannot_show_progress():
    """Only 3.0 (2022) and no baseline: the base and the latest are the same point → 无法评估."""
    row = one(spec(target=4.5), [(2022, 3.0)])
    assert row.grade == "无法评估"
    assert row.reason.endswith("仅有2022年(基期)数据3,尚无法计算进度")


def test_a_single_observation_with_a_plan_baseline_is_graded():
    """Baseline 100 (2021) and one figure 104 (2022): 完成度 4/25 = 0.16 < 0.25 − 0.05 → 滞后."""
    row = one(spec(target=125, baseline=100), [(2022, 104)])
    assert row.grade == "滞后"


def test_gaps_between_years_use_calendar_years_not_points():
    """100 (2021) → 121 (2023) with 2022 missing: growth = (121/100)^(1/2) − 1 = 10%, not 21%."""
    row = one(spec(target=150), [(2021, 100), (2023, 121)])
    assert row.actual_growth == pytest.approx(0.10)


def test_gaps_in_a_growth_series_are_filled_at_the_average_and_said():
    """年均7.5: 8% (2022), 2023 missing, 7% (2024): average of the observed = (1.08·1.07)^(1/2) − 1 = 1.1556^0.5 − 1 = 7.4988%,
    taken for the three years 2022–2024 as well; the reason notes the missing year."""
    row = one(spec(kind="annual_growth", target=7.5, qualifier="左右"), [(2022, 8.0), (2024, 7.0)])
    assert row.actual_growth == pytest.approx(0.074988, abs=1e-6)
    assert "缺一个年份的数据,按已有年份的平均推算" in row.reason


def test_revised_figures_grade_on_the_latest_vintage_by_default_or_on_first_releases():
    """Ganzhou GDP 2023: first release 4606.20, revised ~4716 after the 5th economic census.

    latest: 完成度 (4716 − 4169.4)/1330.6 = 0.4108 (时序 0.5 → 滞后, 0.4108 < 0.45);
    first:  (4606.2 − 4169.4)/1330.6 = 0.3283 → 滞后.
    """
    specs = pd.DataFrame([spec("GDP", target=5500, baseline=4169.4)])
    obs = pd.DataFrame(observations("GDP", [(2023, 4606.20)], vintage=1) + observations("GDP", [(2023, 4716.0)], vintage=2))
    latest = evaluate(specs, obs, 2024).iloc[0]
    first = evaluate(specs, obs, 2024, vintage="first").iloc[0]
    assert latest.latest_value == 4716.0
    assert latest.completion == pytest.approx(0.410792, abs=1e-6)
    assert first.latest_value == 4606.2
    assert first.completion == pytest.approx(0.328273, abs=1e-6)


def test_revisions_out_of_order_still_pick_the_highest_vintage():
    specs = pd.DataFrame([spec("GDP", target=5500, baseline=4169.4)])
    obs = pd.DataFrame(observations("GDP", [(2023, 4716.0)], vintage=2) + observations("GDP", [(2022, 4524)])
                       + observations("GDP", [(2023, 4606.2)], vintage=1))
    assert evaluate(specs, obs, 2024).iloc[0].latest_value == 4716.0


def test_exact_boundary_growth_is_compared_after_rounding():
    """100 → 100.5 in one year: 100.5/100 − 1 = 0.004999999999999893 in floating point; rounded to 12 decimals
    it is 0.005, exactly Open SDG's 0.5% threshold (no target) → acceleration needed, score 250·0.005 − 1.25 = 0."""
    row = one(spec(kind="unspecified", base_year=2023), [(2023, 100), (2024, 100.5)])
    assert row.opensdg_status == "acceleration needed"
    assert row.opensdg_score == pytest.approx(0)


def test_exact_boundary_of_the_time_share_margin_is_on_track():
    """完成度 0.45 = 时序进度 0.5 − margin 0.05 exactly: 100 → 109 of 120 (9/20 = 0.45) at 2023 → 基本符合预期."""
    row = one(spec(target=120, baseline=100), [(2023, 109)])
    assert row.completion == pytest.approx(0.45)
    assert row.grade == "基本符合预期"


def test_margin_is_a_setting():
    """With a 10-point margin 0.40 against 0.50 is on track."""
    row = one(spec(target=125, baseline=100), [(2023, 110)], settings=EvaluationSettings(time_share_margin=0.10))
    assert row.grade == "基本符合预期"


def test_listed_regions_without_figures_are_reported_as_no_data():
    specs = pd.DataFrame([spec("A", target=125, baseline=100), spec("B", kind="assigned")])
    obs = pd.DataFrame(observations("A", [(2023, 110)]))
    result = evaluate(specs, obs, 2024, regions=["赣州市", "章贡区"])
    table = {(r.indicator, r.region): r.grade for r in result.itertuples()}
    assert table == {("A", "赣州市"): "滞后", ("A", "章贡区"): "无数据", ("B", "赣州市"): "待下达",
                     ("B", "章贡区"): "待下达"}
    assert result.loc[(result.indicator == "A") & (result.region == "章贡区"), "reason"].item() == "截至2024年尚无数据"


def test_observations_after_the_as_of_year_are_ignored():
    row = one(spec(target=125, baseline=100), [(2023, 110), (2025, 130)], as_of=2024)
    assert row.latest_year == 2023


def test_unknown_kind_is_refused_with_the_row_named():
    with pytest.raises(InputProblem, match="指标设定表第1行「kind」列:未知的目标类型「goal」"):
        evaluate(pd.DataFrame([spec(kind="goal")]), pd.DataFrame(observations("I01", [(2023, 1)])), 2024)


def test_missing_observation_column_is_refused_in_chinese():
    with pytest.raises(InputProblem, match="观测值表缺少列:value"):
        evaluate(pd.DataFrame([spec(target=1)]), pd.DataFrame({"indicator": ["I01"], "region": ["x"], "year": [2023]}),
                 2024)


def test_no_observations_at_all_gives_an_empty_frame_with_the_columns():
    result = evaluate(pd.DataFrame([spec(target=1)]), pd.DataFrame(columns=["indicator", "region", "year", "value"]),
                      2024)
    assert result.empty
    assert {"grade", "reason", "opensdg_status", "unsd_ratio"} <= set(result.columns)
