"""Unit conversion: exact decimal factors, the original kept, impossible conversions refused in Chinese."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents.units import (
    UnitError,
    can_convert,
    convert,
    convert_decimal,
    convert_keeping_original,
    factor,
    normalise_unit,
)


def test_airport_cargo_tonnes_become_the_plans_10k_tonnes_exactly():
    """7388.7 吨 ÷ 10000 = 0.73887 万吨 (source 中国民航网; plan unit 万吨, baseline 0.46)."""
    assert convert(7388.7, "吨", "万吨") == 0.73887
    assert convert_decimal("7388.7", "吨", "万吨") == Decimal("0.73887")


def test_conversion_keeps_the_original_value_and_unit():
    result = convert_keeping_original(7388.7, "吨", "万吨")
    assert (result.value, result.unit) == (0.73887, "万吨")
    assert (result.original_value, result.original_unit) == (7388.7, "吨")
    assert result.was_converted


def test_county_bulletin_10k_yuan_become_100m_yuan():
    """石城县 2022 GDP 1042331 万元 ÷ 10000 = 104.2331 亿元 (bulletins/shicheng_2022.txt)."""
    assert convert(1042331, "万元", "亿元") == 104.2331


def test_foreign_investment_10k_dollars_become_100m_dollars():
    """37300 万美元 ÷ 10000 = 3.73 亿美元 (the plan's 2022 实际利用外资)."""
    assert convert(37300, "万美元", "亿美元") == 3.73


def test_grain_10k_tonnes_become_100m_jin():
    """1 斤 = 0.5 kg, so 1 万吨 = 10^7 kg = 2×10^7 斤 = 0.2 亿斤; 石城 12.33 万吨 = 2.466 亿斤."""
    assert convert(12.33, "万吨", "亿斤") == 2.466
    assert convert(51.7, "亿斤", "万吨") == 258.5


def test_people_visits_area_and_trillions():
    """193.8 万人次 = 1938000 人次; 0.635 亿人次 = 6350 万人次; 39.5 万亩 = 395000 亩; 140 兆元 = 1400000 亿元."""
    assert convert(193.8, "万人次", "人次") == 1938000
    assert convert(0.635, "亿人次", "万人次") == 6350
    assert convert(39.5, "万亩", "亩") == 395000
    assert convert(898.81, "万人", "人") == 8988100
    assert convert(140, "兆元", "亿元") == 1400000
    assert convert(1, "公顷", "亩") == 15


def test_no_float_drift_beyond_twelve_decimals():
    """0.1 + 0.2 style drift does not appear: 4606.2 万元 = 0.46062 亿元 to the last digit."""
    assert convert(4606.2, "万元", "亿元") == 0.46062
    assert round(convert(0.46062, "亿元", "万元"), 12) == 4606.2
    for v in (0.1, 0.7, 1.1, 3.3, 123.45, 5814.2):
        assert convert(v, "万元", "元") == float(Decimal(repr(v)) * 10000)


def test_same_unit_and_identity_units_pass_through():
    for unit in ("%", "个", "张", "岁", "年", "亿元"):
        assert convert(77.37, unit, unit) == 77.37
    assert convert(4.5, "‰", "%") == 0.45


def test_traditional_and_fullwidth_spellings_are_understood():
    assert normalise_unit("萬人") == "万人"
    assert normalise_unit(" (億元) ") == "亿元"
    assert normalise_unit("％") == "%"
    assert convert(898.81, "萬人", "万人") == 898.81


def test_tonnes_cannot_become_money_and_the_message_names_both_units():
    with pytest.raises(UnitError) as refused:
        convert(7388.7, "吨", "亿元")
    assert str(refused.value) == "单位「吨」无法换算为「亿元」"
    assert (refused.value.from_unit, refused.value.to_unit) == ("吨", "亿元")


def test_yuan_and_dollars_are_not_converted_without_an_exchange_rate():
    with pytest.raises(UnitError, match="^单位「亿元」无法换算为「亿美元」$"):
        convert(3.73, "亿元", "亿美元")
    assert not can_convert("万美元", "万元")


def test_people_are_not_visits():
    with pytest.raises(UnitError, match="^单位「万人」无法换算为「万人次」$"):
        factor("万人", "万人次")


def test_counts_of_different_things_do_not_convert():
    assert not can_convert("个", "张")
    assert not can_convert("岁", "年")
    assert not can_convert("%", "")


def test_unknown_unit_is_named_in_the_message():
    with pytest.raises(UnitError, match="^未知单位「桶」,无法换算为「万吨」$"):
        convert(1, "桶", "万吨")
    with pytest.raises(UnitError, match="^单位「吨」无法换算为未知单位「桶」$"):
        convert(1, "吨", "桶")


def test_a_value_that_is_not_a_number_is_refused():
    with pytest.raises(UnitError, match="^数值「12,3」不是有效数字$"):
        convert("12,3", "吨", "万吨")


def test_every_same_dimension_pair_round_trips_to_twelve_decimals():
    """Property: convert(convert(v, a, b), b, a) == v to 12 decimals, for any v and any pair of one dimension.

    Factors are exact decimals except 公顷 ↔ 亩 (1 亩 = 1/15 公顷 does not terminate); there the
    28-digit decimal context leaves an error near 1e-28, far inside 12 decimals.
    """
    from hypothesis import given
    from hypothesis import strategies as st

    from planwatch.documents.units import dimension_of, known_units

    units = known_units()
    pairs = [(a, b) for a in units for b in units if dimension_of(a) == dimension_of(b)]

    @given(st.sampled_from(pairs), st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False))
    def round_trip(pair, value):
        a, b = pair
        back = convert_decimal(convert_decimal(value, a, b), b, a)
        assert abs(back - value) <= Decimal("1e-12")

    round_trip()
