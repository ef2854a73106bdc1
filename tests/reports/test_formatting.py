"""Chinese number formats, each figure worked out by hand."""

from __future__ import annotations

import math

import pytest

from planwatch.reports.formatting import (
    decimals_of,
    format_as_stored,
    format_number,
    format_percent,
    format_period,
    format_rate,
    format_stated,
    format_value,
    format_wan_yuan,
    format_year,
    format_yuan,
)


def test_number_keeps_the_indicators_decimals_without_thousands_separators():
    """统计公报 print 4524.01, not 4,524.01."""
    assert format_number(4524.006, 2) == "4524.01"
    assert format_number(4169.4, 1) == "4169.4"
    assert format_number(52, 0) == "52"


def test_rounding_is_half_up_not_bankers():
    """0.25 → 0.3 and 0.35 → 0.4 at one decimal (Python's round gives 0.2 and 0.3)."""
    assert format_number(0.25, 1) == "0.3"
    assert format_number(0.35, 1) == "0.4"
    assert format_number(2.5, 0) == "3"


def test_missing_value_prints_a_dash():
    assert format_number(None) == "—"
    assert format_number(math.nan) == "—"
    assert format_value(None, "亿元") == "—"


def test_negative_zero_prints_as_zero():
    assert format_number(-0.04, 1) == "0.0"


def test_value_glues_the_unit():
    assert format_value(4169.4, "亿元", 1) == "4169.4亿元"
    assert format_value(52, "%", 0) == "52%"


def test_yuan_scales_to_yi_and_wan():
    """452,401,000,000 元 ÷ 10^8 = 4524.01 亿元; 35,000 元 ÷ 10^4 = 3.50 万元; 9,999 元 stays 元."""
    assert format_yuan(452_401_000_000) == "4524.01亿元"
    assert format_yuan(35_000) == "3.50万元"
    assert format_yuan(9_999) == "9999元"


def test_wan_yuan_investment_shows_yi_from_ten_thousand_wan():
    """120,000 万元 = 12 亿元; 8,500 万元 stays 万元."""
    assert format_wan_yuan(120_000) == "12.00亿元"
    assert format_wan_yuan(8_500) == "8500.00万元"


def test_percent_of_a_share():
    """(4524 − 4169.4) / (5500 − 4169.4) = 354.6 / 1330.6 = 0.266496 → 26.6% (1330.6 × 0.2665 = 354.605 > 354.6)."""
    assert format_percent((4524 - 4169.4) / (5500 - 4169.4), 1) == "26.6%"
    assert format_percent(0.5, 0) == "50%"


def test_signed_rate_shows_plus_for_rises_only():
    assert format_rate(0.075, 1, signed=True) == "+7.5%"
    assert format_rate(-0.012, 1, signed=True) == "-1.2%"
    assert format_rate(0.0, 1, signed=True) == "0.0%"


@pytest.mark.parametrize(
    ("text", "decimals"), [("4169.4", 1), ("52", 0), ("30.3 (2020)", 1), ("0.45", 2), ("", 1), ("—", 1)]
)
def test_decimals_are_read_from_the_printed_figure(text, decimals):
    assert decimals_of(text) == decimals


def test_year_and_period_follow_the_language():
    assert format_year(2024) == "2024年"
    assert format_year(2024, "en") == "2024"
    assert format_period(2021, 2025) == "2021—2025年"
    assert format_period(2021, 2025, "en") == "2021–2025"


@pytest.mark.parametrize(
    "stored,shown",
    [(4716.5, "4716.5"), (5300.0, "5300"), (0.73887, "0.73887"), (1e-05, "0.00001"), (0.1 + 0.2, "0.30000000000000004"),
     ("18650", "18650"), (-2.50, "-2.5")],
)
def test_a_stored_figure_is_shown_as_typed_with_no_padding_and_no_exponent(stored, shown):
    """What a clerk typed comes back as typed (the float's own shortest repr, never 5300.0 or 1e-05);
    rounding to published precision is format_number's rule, not this one."""
    assert format_as_stored(stored) == shown


@pytest.mark.parametrize(
    ("value", "stated", "baseline_decimals", "shown"),
    [
        (220.0, "220", 1, "220"),  # published as 220: not 220.0 from a baseline written 4169.4
        (4716.0, "4716", 1, "4716"),
        (4716.5, "4716.50", 0, "4716.50"),  # written with two decimals: kept
        (5500.0, "到2025年达到5500亿元", 1, "5500"),  # the figure that is the value, not the year 2025
        (13.5, "“十四五”期间累计下降13.5%", 0, "13.5"),
        (0.73887, "7388.7", 2, "0.74"),  # typed in 吨, kept in 万吨: converted, so the indicator's 2
        (57.0, "", 1, "57.0"),  # nothing stated: the indicator's precision
        (None, "220", 1, "—"),
    ],
)
def test_a_stated_figure_prints_with_the_decimals_it_was_stated_with(value, stated, baseline_decimals, shown):
    assert format_stated(value, stated, baseline_decimals) == shown


def test_one_stated_figure_is_equal_but_for_binary_error_and_a_last_digit_apart_is_another():
    """The one rule (planwatch.numbers.same_figure) by which a target's text, a stated figure's decimals and an
    unchanged re-import each decide that a stored float is the figure that was written."""
    from planwatch.numbers import same_figure

    assert same_figure(0.1 + 0.2, 0.3) and same_figure(5500.0, 5500.000000001) and same_figure(0.0, 0.0)
    assert not same_figure(5500.0, 5500.01) and not same_figure(13.5, 135.0) and not same_figure(0.0, 0.001)
