"""Hand-worked examples for every target kind, on the Ganzhou plan's own indicators where possible."""

from __future__ import annotations

import pandas as pd
import pytest

from planwatch.evaluation import evaluate
from tests.evaluation.helpers import observations, one, spec


def test_lower_is_better_ratio_behind_and_the_reason_says_decline():
    """城乡居民人均可支配收入比 2.74 (2021) → 2.68 (2023), target 2.6 in 2025, lower is better.

    完成度 = (2.68 − 2.74)/(2.6 − 2.74) = −0.06/−0.14 = 0.4286; 时序进度 = 2/4 = 0.5; 0.4286 < 0.45 → 滞后.
    required = (2.6/2.68)^(1/2) − 1 = 0.970149^0.5 − 1 = −1.5038% (a decline of 1.50% a year);
    actual = (2.68/2.74)^(1/2) − 1 = −1.1010%: the remaining years must fall faster than before.
    """
    row = one(spec(direction="lower", target=2.6, baseline=2.74), [(2023, 2.68)])
    assert row.completion == pytest.approx(0.428571, abs=1e-6)
    assert row.grade == "滞后"
    assert row.required_growth == pytest.approx(-0.015038, abs=1e-6)
    assert row.actual_growth == pytest.approx(-0.011010, abs=1e-6)
    assert row.reason == "2023年完成度42.9%,低于时序进度50.0%;余下两年需年均下降1.50%,快于以往年均下降1.10%"


def test_lower_is_better_target_met_when_at_or_below_it():
    """Same indicator at 2.58 in 2024: 2.58 ≤ 2.6 → 提前实现."""
    row = one(spec(direction="lower", target=2.6, baseline=2.74), [(2024, 2.58)])
    assert row.grade == "提前实现"
    assert row.reason == "2024年为2.58,已达到目标值2.6"


def test_indicator_with_2020_base_uses_its_own_time_share():
    """战略性新兴产业增加值占规上工业比重 30.3 (2020) → 32.0 (2023), target 33 in 2025.

    完成度 = (32.0 − 30.3)/(33 − 30.3) = 1.7/2.7 = 0.6296; 时序进度 = (2023 − 2020)/(2025 − 2020) = 3/5 = 0.6;
    |0.6296 − 0.6| ≤ 0.05 → 基本符合预期. (With the plan's 2021 the time share would be 0.5 and the grade
    快于预期: the indicator's own base year matters.)
    """
    row = one(spec(target=33, baseline=30.3, base_year=2020), [(2023, 32.0)])
    assert row.time_share == pytest.approx(0.6)
    assert row.completion == pytest.approx(0.629630, abs=1e-6)
    assert row.grade == "基本符合预期"
    assert row.base_year_used == 2020


def test_growth_target_is_chained_not_averaged():
    """规模以上工业增加值增速 年均7.5左右; base 2021; rates 2022 8.0, 2023 10 (以上), 2024 6.0 (左右).

    chained: 1.08 · 1.10 · 1.06 = 1.259280; average = 1.259280^(1/3) − 1 = 7.9877%.
    The band for 7.5左右 is 7.0%–8.0% (±0.5 percentage points): 7.9877% inside → 基本符合预期.
    The arithmetic mean (8 + 10 + 6)/3 = 8.0% would have said 快于预期.
    still needed in 2025: 1.075⁴ / 1.259280 − 1 = 1.335469/1.259280 − 1 = 6.0502%.
    """
    row = one(spec(kind="annual_growth", target=7.5, baseline=11.6, qualifier="左右", text="年均7.5左右"),
              [(2022, 8.0), (2023, 10, "以上"), (2024, 6.0, "左右")])
    assert row.actual_growth == pytest.approx(0.079877, abs=1e-6)
    assert row.required_growth == pytest.approx(0.060502, abs=1e-6)
    assert row.grade == "基本符合预期"
    assert row.latest_qualifier == "左右"
    assert row.reason == ("2022—2024年年均增长7.99%(逐年连乘),目标年均7.5%左右(7.0%—8.0%),符合目标;"
                          "余下一年需年均增长6.05%;评价依据2024年「左右」限定数")


def test_growth_target_without_about_must_reach_the_rate():
    """年均7.5 (no 左右): the band's lower edge is 7.5% itself; 7.2% chained → 滞后.

    rates 7.2, 7.2: (1.072²)^(1/2) − 1 = 7.2% < 7.5% → 滞后.
    """
    row = one(spec(kind="annual_growth", target=7.5), [(2022, 7.2), (2023, 7.2)])
    assert row.actual_growth == pytest.approx(0.072)
    assert row.grade == "滞后"


def test_cumulative_reduction_is_chained():
    """单位GDP能源消耗 累计降低13.5% by 2025, base 2020; yearly cuts 3.1%, 2.5%, 3.0% (2021–2023).

    remaining intensity = 0.969 · 0.975 · 0.970 = 0.916432; cumulative cut = 1 − 0.916432 = 8.3568%;
    完成度 = 8.3568/13.5 = 0.6190; 时序进度 = 3/5 = 0.6 → 基本符合预期.
    yearly cut still needed = 1 − ((1 − 0.135)/0.916432)^(1/2) = 1 − 0.943879^0.5 = 2.8466%.
    """
    row = one(spec(kind="cumulative_reduction", target=13.5, base_year=2020, attribute="约束性"),
              [(2021, 3.1), (2022, 2.5), (2023, 3.0)])
    assert row.achieved == pytest.approx(8.356825, abs=1e-6)
    assert row.completion == pytest.approx(0.619024, abs=1e-6)
    assert row.grade == "基本符合预期"
    assert row.required_growth == pytest.approx(0.028466, abs=1e-6)
    assert not row.warning
    assert row.reason == ("2021—2023年累计降低8.4%,2023年完成度61.9%,高于时序进度60.0%;"
                          "余下两年需年均降低2.85%,以往年均降低2.87%")


def test_floor_held_every_year_but_projected_to_break_raises_a_warning():
    """耕地保有量 ≥ 536.86 (binding), no baseline: 2022 540.1, 2023 538.0, 2024 537.5.

    Every year ≥ 536.86 → 提前实现. Base from the first observation (2022): growth
    (537.5/540.1)^(1/2) − 1 = −0.2410% a year; 2025: 537.5 · 0.997590 = 536.20 < 536.86 → projected to break,
    and the indicator is binding → 预警.
    """
    row = one(spec(kind="floor", target=536.86, attribute="约束性", text="536.86"),
              [(2022, 540.1), (2023, 538.0), (2024, 537.5)])
    assert row.grade == "提前实现"
    assert row.projected_by_growth == pytest.approx(536.2047, abs=1e-4)
    assert row.projected_miss
    assert row.warning
    assert "按趋势预计2025年将突破下限" in row.reason


def test_floor_broken_in_one_year_is_behind_with_a_warning():
    """2022 540.1, 2023 530.0, 2024 537.0 (base: the 2022 observation): 2023 < 536.86 → 滞后, binding → 预警."""
    row = one(spec(kind="floor", target=536.86, attribute="约束性"), [(2022, 540.1), (2023, 530.0), (2024, 537.0)])
    assert row.grade == "滞后"
    assert row.warning
    assert "有一年低于下限536.86(最低530)" in row.reason


def test_strict_floor_is_not_held_at_the_bound():
    """基本养老保险参保率 >95 (strict): exactly 95 does not hold → 滞后."""
    row = one(spec(kind="floor", target=95, strict=True), [(2021, 95.5), (2022, 95.0)])
    assert row.grade == "滞后"


def test_steady_rise_tolerates_a_small_dip():
    """省级及以上革命文物保护单位 稳中有升: 114 (2021) → 116, 115, 118.

    116 → 115 is −0.86%, within the 1% tolerance; 118 ≥ 114 → 基本符合预期.
    """
    row = one(spec(kind="qualitative", text="稳中有升", baseline=114), [(2022, 116), (2023, 115), (2024, 118)])
    assert row.grade == "基本符合预期"
    assert row.reason == "2024年为118,不低于基期114,期间无超过1%的回落(稳中有升)"


def test_steady_rise_with_a_fall_beyond_tolerance_is_behind():
    """116 → 112 is −3.45% > 1% → not steady → 滞后 (118 ≥ 114 still)."""
    row = one(spec(kind="qualitative", text="稳中有升", baseline=114), [(2022, 116), (2023, 112), (2024, 118)])
    assert row.grade == "滞后"
    assert "但期间有一次回落超过1%" in row.reason


def test_steady_rise_below_base_is_reverse():
    """爱国主义教育基地 18 (2021) → 17 (2024): below the base → 逆向."""
    row = one(spec(kind="qualitative", text="稳中有升", baseline=18), [(2024, 17)])
    assert row.grade == "逆向"


@pytest.mark.parametrize(
    ("latest", "grade"),
    [(3.73, "基本符合预期"), (3.30, "滞后"), (4.00, "快于预期")],
)
def test_keep_stable_band_around_the_base(latest, grade):
    """实际使用外资金额 保持稳定, base 3.58 (2021); band ±5% = ±0.179.

    3.73: +4.19% inside → 基本符合预期; 3.30: −7.82% below → 滞后; 4.00: +11.73% above → 快于预期.
    """
    row = one(spec(kind="qualitative", text="保持稳定", baseline=3.58), [(2022, latest)])
    assert row.grade == grade


def test_volume_steady_quality_rising_without_judgement_grades_volume_and_says_so():
    """出口总额 量稳质升, base 576.47 → 590 (+2.35%, inside ±5%): no quality judgement → volume only."""
    row = one(spec(kind="qualitative", text="量稳质升", baseline=576.47), [(2023, 590)])
    assert row.grade == "基本符合预期"
    assert row.reason.endswith("质的方面尚无评判,仅按数量部分评定")


def test_volume_steady_quality_flat_is_behind():
    """Same volume, quality judged 持平 by 市商务局 → 滞后; judged 升 → 基本符合预期."""
    flat = one(spec(kind="qualitative", text="量稳质升", baseline=576.47, quality="持平", quality_by="市商务局"),
               [(2023, 590)])
    rising = one(spec(kind="qualitative", text="量稳质升", baseline=576.47, quality="升"), [(2023, 590)])
    assert flat.grade == "滞后"
    assert "质的方面评判为「持平」(市商务局)" in flat.reason
    assert rising.grade == "基本符合预期"


def test_about_target_met_inside_the_band():
    """粮食综合生产能力 52左右 (binding), base 51.7: band 52 ± 1% = 51.48–52.52; 51.6 (2023) inside → 提前实现."""
    row = one(spec(kind="about", target=52, baseline=51.7, attribute="约束性", qualifier="左右"), [(2023, 51.6)])
    assert row.grade == "提前实现"
    assert not row.warning
    assert row.reason == "2023年为51.6,已达到目标区间51.48—52.52"


def test_assigned_target_awaits_the_province_and_reports_the_trend():
    """单位GDP二氧化碳排放降幅: 按省下达任务执行 → 待下达, whatever the data."""
    row = one(spec(kind="assigned", attribute="约束性", baseline=21, base_year=2020), [(2022, 4.0), (2023, 4.2)])
    assert row.grade == "待下达"
    assert not row.warning
    assert row.reason.startswith("目标待省下达(按省下达任务执行);2023年为4.2")


def test_unspecified_target_reports_growth_without_grade():
    """森林覆盖率, no figure: 76.23 (2021) → 76.4 (2023): growth (76.4/76.23)^(1/2) − 1 = 0.1114%."""
    row = one(spec(kind="unspecified", baseline=76.23), [(2023, 76.4)])
    assert row.grade == "无目标值"
    assert row.actual_growth == pytest.approx(0.001114, abs=1e-6)
    assert row.reason == "无目标值;2023年为76.4,2021年以来年均增长0.11%"


def test_cumulative_total_against_a_period_target():
    """〔500〕 new over 2021–2025 (base 2020): 120, 110, 100 added → 330; 完成度 330/500 = 0.66; 时序 3/5 = 0.6;
    0.66 − 0.6 = 0.06 ≥ 0.05 → 快于预期; still needed (500 − 330)/2 = 85 a year."""
    row = one(spec(kind="cumulative", target=500, base_year=2020), [(2021, 120), (2022, 110), (2023, 100)])
    assert row.completion == pytest.approx(0.66)
    assert row.grade == "快于预期"
    assert row.required_per_year == pytest.approx(85)
    assert row.reason.endswith("余下两年需年均85")


def test_a_quality_judgement_applies_only_to_the_region_it_names():
    """出口总额 量稳质升, base 576.47: 赣州市 590 (+2.35%), 章贡区 base 100 (2021) → 102 (+2%), both inside ±5%.

    A judgement 未升 for 赣州市 (by 市商务局) → 赣州市 滞后; 章贡区 has none → 基本符合预期, volume only.
    """
    specs = pd.DataFrame([spec("I22", kind="qualitative", text="量稳质升", baseline=576.47)])
    obs = pd.DataFrame(observations("I22", [(2023, 590)]) + observations("I22", [(2021, 100), (2023, 102)], "章贡区"))
    judgements = pd.DataFrame([{"indicator": "I22", "region": "赣州市", "year": 2023, "quality": "未升",
                                "quality_by": "市商务局", "measure": "高新技术产品出口占比"}])
    rows = evaluate(specs, obs, 2024, plan_region="赣州市", judgements=judgements).set_index("region")
    assert rows.loc["赣州市", "grade"] == "滞后"
    assert rows.loc["赣州市", "reason"].endswith("质的方面评判为「未升」(市商务局,依据「高新技术产品出口占比」)")
    assert rows.loc["章贡区", "grade"] == "基本符合预期"
    assert rows.loc["章贡区", "reason"].endswith("质的方面尚无评判,仅按数量部分评定")


def test_the_latest_judgement_up_to_the_evaluation_year_counts():
    """2022 judged 未升, 2024 judged 升: as of 2023 the 2022 one counts (滞后), as of 2024 the later one (基本符合预期)."""
    specs = pd.DataFrame([spec("I22", kind="qualitative", text="量稳质升", baseline=576.47)])
    obs = pd.DataFrame(observations("I22", [(2023, 590)]))
    judgements = pd.DataFrame([
        {"indicator": "I22", "region": "赣州市", "year": 2024, "quality": "升", "quality_by": "乙"},
        {"indicator": "I22", "region": "赣州市", "year": 2022, "quality": "未升", "quality_by": "甲"},
    ])
    assert evaluate(specs, obs, 2023, judgements=judgements).iloc[0].grade == "滞后"
    assert evaluate(specs, obs, 2024, judgements=judgements).iloc[0].grade == "基本符合预期"
