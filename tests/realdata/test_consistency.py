"""A stated level, change and rate must agree; the airport cargo figures of 2025 do not."""

from __future__ import annotations

from planwatch.documents.consistency import ConsistencySettings, StatedChange, check_stated_change

CARGO = StatedChange(
    indicator="机场货邮吞吐量", region="赣州市", year=2025, level=7388.7, unit="吨", change=1574.5, rate_pct=32.7
)


def test_airport_cargo_2025_is_flagged_with_the_figures_named():
    """7388.7 − 1574.5 = 5814.2; 1574.5 ÷ 5814.2 = 0.270802… = 27.08% vs 32.7%: gap 5.62 pp > 0.1.

    By the rate instead: 7388.7 ÷ 1.327 = 5568.03 → 5568.0 吨, change 1820.7 吨.
    """
    result = check_stated_change(CARGO)
    assert not result.consistent
    assert result.message == (
        "赣州市机场货邮吞吐量2025年:所述水平7388.7吨、增量+1574.5吨、增速+32.7%不能同时成立:"
        "按水平与增量,上年为7388.7−1574.5=5814.2吨,增速应为1574.5÷5814.2=27.08%,"
        "与所述32.7%相差5.62个百分点(容差0.1个百分点);"
        "若增速32.7%属实,上年应为7388.7÷1.327=5568.0吨,增量应为1820.7吨。"
    )
    assert round(result.figures["implied_prior"], 6) == 5814.2
    assert round(result.figures["implied_rate_pct"], 2) == 27.08


def test_a_consistent_population_change_passes():
    """江西 2022: 4527.98 − 10.58 = 4517.40; 10.58 ÷ 4517.40 = 0.2342% vs 0.23%: gap 0.004 pp ≤ 0.1."""
    result = check_stated_change(
        StatedChange(indicator="年末常住人口", region="江西省", year=2022, level=4527.98, unit="万人",
                     change=10.58, rate_pct=0.23)
    )
    assert result.consistent, result.message


def test_a_percentage_point_change_is_checked_against_the_prior_level():
    """赣州 城镇化率 2022: 56.35 + 0.65 = 57.00 = 57.0 stated."""
    result = check_stated_change(
        StatedChange(indicator="常住人口城镇化率", region="赣州市", year=2022, level=57.0, unit="%",
                     change=0.65, change_unit="个百分点", prior=56.35)
    )
    assert result.consistent
    assert "上年56.35+增量0.65=57.00%" in result.message


def test_a_wrong_prior_plus_change_is_flagged():
    """898.00 + 0.91 = 898.91 ≠ 898.81; roundings allow 3 × 0.005 = 0.015 < 0.10.

    Figures given as text keep their stated precision (the float 898.00 would read as 898.0).
    """
    result = check_stated_change(
        StatedChange(indicator="年末常住人口", region="赣州市", year=2022, level="898.81", unit="万人",
                     change="0.91", prior="898.00")
    )
    assert not result.consistent
    assert "上年898.00+增量0.91=898.91万人,而所述水平为898.81万人" in result.message


def test_a_real_growth_rate_is_not_compared_with_nominal_levels():
    """江西 2022 GDP 32074.7, 增量2246.9, 增长4.7% (可比价): 2246.9 ÷ 29827.8 = 7.53% nominal — not a fault.

    The prior check still holds: 29827.8 (revised 2021) + 2246.9 = 32074.7.
    """
    result = check_stated_change(
        StatedChange(indicator="地区生产总值", region="江西省", year=2022, level=32074.7, unit="亿元",
                     change=2246.9, rate_pct=4.7, rate_basis="real", prior=29827.8)
    )
    assert result.consistent, result.message
    assert len(result.checks) == 1


def test_the_2024_nominal_rate_fits_the_revised_2023_gdp_not_the_first_release():
    """4940.47 ÷ 4606.20 − 1 = 7.26% ≠ 4.76% (first release); 4940.47 ÷ 4716 − 1 = 4.760% (revised)."""
    first = check_stated_change(
        StatedChange(indicator="GDP", region="赣州市", year=2024, level=4940.47, unit="亿元", rate_pct=4.76, prior=4606.20)
    )
    revised = check_stated_change(
        StatedChange(indicator="GDP", region="赣州市", year=2024, level=4940.47, unit="亿元", rate_pct=4.76, prior=4716)
    )
    assert not first.consistent and "7.26%" in first.message
    assert revised.consistent


def test_the_tolerance_is_a_setting():
    """Gap 0.004 pp: consistent at 0.1, inconsistent at 0.001."""
    stated = StatedChange(indicator="年末常住人口", region="江西省", year=2022, level=4527.98, unit="万人",
                          change=10.58, rate_pct=0.23)
    assert check_stated_change(stated, ConsistencySettings(rate_tolerance_pp=0.1)).consistent
    assert not check_stated_change(stated, ConsistencySettings(rate_tolerance_pp=0.001)).consistent


def test_figures_that_allow_no_check_say_so():
    result = check_stated_change(StatedChange(indicator="GDP", region="赣州市", year=2024, level=4940.47, unit="亿元"))
    assert result.consistent
    assert result.message.endswith("无可核对的组合")
