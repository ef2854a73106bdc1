from __future__ import annotations

from datetime import datetime

import pytest

from planwatch.collection.units import convert
from planwatch.collection.values import ParsedNumber, Period, parse_number, parse_period


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(4524, 4524.0), (4524.5, 4524.5), ("4524", 4524.0), ("1,234.5", 1234.5), ("12,345,678", 12345678.0),
     ("-3.1", -3.1), ("+7.5", 7.5), (".5", 0.5), ("1e3", 1000.0), ("１２３", 123.0), (" 56.35 ", 56.35)],
)
def test_numbers_as_reporters_write_them(raw, expected):
    assert parse_number(raw) == ParsedNumber(expected)


def test_percent_sign_is_kept_as_a_flag():
    assert parse_number("85%") == ParsedNumber(85.0, percent_sign=True)


@pytest.mark.parametrize("raw", ["12,3", "1,2345", "abc", "12.3.4", "", "-", "4524亿元", "NaN", "inf", True])
def test_not_numbers_are_refused_with_the_cell_quoted(raw):
    assert parse_number(raw) == f"数值「{raw}」不是有效数字"


@pytest.mark.parametrize(
    ("raw", "key"),
    [(2023, "2023"), (2023.0, "2023"), ("2023", "2023"), ("2023年", "2023"), ("2023Q1", "2023Q1"),
     ("2023q4", "2023Q4"), ("2023年第2季度", "2023Q2"), ("2023年一季度", "2023Q1"), ("2023-03", "2023M03"),
     ("2023/3", "2023M03"), ("2023.05", "2023M05"), ("2023M11", "2023M11"), ("2023年3月", "2023M03"), ("2023年十二月", "2023M12"),
     (datetime(2023, 3, 1), "2023M03")],
)
def test_periods_in_their_usual_spellings(raw, key):
    period = parse_period(raw)
    assert isinstance(period, Period) and period.key == key


@pytest.mark.parametrize("raw", ["20x3", "2023Q5", "2023-13", "二〇二三", 2023.5])
def test_unreadable_periods_say_how_to_write_them(raw):
    assert parse_period(raw) == f"年份「{raw}」无法识别,应写作 2023、2023Q1 或 2023-03"


def test_previous_year_keeps_the_sub_period():
    assert Period(2024, quarter=2).previous_year().key == "2023Q2"
    assert Period(2024, month=3).label == "2024年3月"


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (45240000, "万元", "亿元", 4524.0),  # 45,240,000 万元 × 1e4 ÷ 1e8 = 4524 亿元
        (4600, "吨", "万吨", 0.46),  # 4600 吨 ÷ 1e4 = 0.46 万吨 (机场货邮吞吐量 2021)
        (35800, "万美元", "亿美元", 3.58),  # 35800 万美元 ÷ 1e4 = 3.58 亿美元 (实际使用外资 2021)
        (897.0, "万人", "万人", 897.0),
        (56.35, "", "%", 56.35),
        (56.35, "％", "%", 56.35),
        (51.7, "亿斤", "万吨", 258.5),  # 1 斤 = 0.0005 吨: 51.7 亿斤 = 51.7e8 × 0.0005 吨 = 258.5 万吨
    ],
)
def test_units_convert_by_chinese_magnitudes(value, source, target, expected):
    assert convert(value, source, target) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("source", "target"), [("公斤", "亿元"), ("万元", "万美元"), ("元", "%"), ("人次", "万人"), ("亩", "个")])
def test_units_that_do_not_convert_give_none(source, target):
    assert convert(1.0, source, target) is None
