"""Target cells, baseline cells and the desired direction, one rule per test."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.documents.normalize import normalize
from planwatch.documents.targets import infer_direction, parse_baseline, parse_target
from planwatch.plan.model import Attribute, Direction, TargetKind

BINDING, EXPECTED = Attribute.BINDING, Attribute.EXPECTED
# Full-width signs as Word documents type them (written as escapes to stay visible here).
FULL = str.maketrans({">": "\uff1e", "<": "\uff1c", "(": "\uff08", ")": "\uff09"})

# cell, attribute, indicator name → kind, value, qualifier, strict
CASES = [
    ("5500", EXPECTED, "GDP", TargetKind.LEVEL, 5500.0, "", False),
    ("年均7.5 左右", EXPECTED, "规模以上工业增加值增速", TargetKind.ANNUAL_GROWTH, 7.5, "左右", False),
    ("年均增长6%左右", EXPECTED, "地区生产总值增长", TargetKind.ANNUAL_GROWTH, 6.0, "左右", False),
    ("年均增长6%以上", EXPECTED, "地区生产总值增长", TargetKind.ANNUAL_GROWTH, 6.0, "以上", False),
    ("52左右", BINDING, "粮食综合生产能力", TargetKind.ABOUT, 52.0, "左右", False),
    ("量稳质升", EXPECTED, "出口总额", TargetKind.QUALITATIVE, None, "", False),
    ("保持稳定", EXPECTED, "实际使用外资金额", TargetKind.QUALITATIVE, None, "", False),
    ("稳中有升", EXPECTED, "省级及以上爱国主义教育基地", TargetKind.QUALITATIVE, None, "", False),
    ("", BINDING, "单位GDP能源消耗降幅", TargetKind.ASSIGNED, None, "", False),
    ("", EXPECTED, "森林覆盖率", TargetKind.UNSPECIFIED, None, "", False),
    ("—", EXPECTED, "森林覆盖率", TargetKind.UNSPECIFIED, None, "", False),
    ("完成省下达任务", BINDING, "单位地区生产总值能耗降低", TargetKind.ASSIGNED, None, "", False),
    ("536.86", BINDING, "耕地保有量", TargetKind.FLOOR, 536.86, "", False),
    (
        "累计降低13.5%",
        BINDING,
        "单位地区生产总值能源消耗降低",
        TargetKind.CUMULATIVE_REDUCTION,
        13.5,
        "",
        False,
    ),
    ("〔18〕", BINDING, "单位地区生产总值二氧化碳排放降低", TargetKind.CUMULATIVE_REDUCTION, 18.0, "", False),
    ("〔6〕", EXPECTED, "城镇新增就业", TargetKind.CUMULATIVE, 6.0, "", False),
    ("[12]", EXPECTED, "新增造林面积", TargetKind.CUMULATIVE, 12.0, "", False),
    (">95", BINDING, "地表水达到或好于Ⅲ类水体比例", TargetKind.FLOOR, 95.0, ">", True),
    (">95".translate(FULL), BINDING, "地表水达到或好于Ⅲ类水体比例", TargetKind.FLOOR, 95.0, "\uff1e", True),
    ("≥90", BINDING, "城市空气质量优良天数比率", TargetKind.FLOOR, 90.0, "≥", False),
    ("93以上", BINDING, "受污染耕地安全利用率", TargetKind.FLOOR, 93.0, "以上", False),
    ("<5.5", EXPECTED, "城镇调查失业率", TargetKind.FLOOR, 5.5, "<", True),
    ("4.5以内", EXPECTED, "城镇登记失业率", TargetKind.FLOOR, 4.5, "以内", False),
    ("5,500", EXPECTED, "GDP", TargetKind.LEVEL, 5500.0, "", False),
    ("与经济增长同步", EXPECTED, "居民人均可支配收入增长", TargetKind.QUALITATIVE, None, "", False),
    # When the figure is due, written before it, is not part of what is asked.
    (
        "“十四五”期间累计下降13.5%",
        BINDING,
        "单位地区生产总值能源消耗降低",
        TargetKind.CUMULATIVE_REDUCTION,
        13.5,
        "",
        False,
    ),
    ("到2025年达到5500亿元", EXPECTED, "GDP", TargetKind.LEVEL, 5500.0, "", False),
    ("十四五时期年均增长7%左右", EXPECTED, "GDP", TargetKind.ANNUAL_GROWTH, 7.0, "左右", False),
    ("“十四五”期间稳中有升", EXPECTED, "出口总额", TargetKind.QUALITATIVE, None, "", False),
]


@pytest.mark.parametrize(
    "cell,attribute,name,kind,value,qualifier,strict", CASES, ids=[c[0] or "empty" for c in CASES]
)
def test_target_cell_kinds(cell, attribute, name, kind, value, qualifier, strict):
    target = parse_target(cell, year=2025, attribute=attribute, name=name)
    assert (target.kind, target.value, target.qualifier, target.strict) == (kind, value, qualifier, strict)
    assert target.year == 2025


def test_target_text_is_kept_as_written_with_spaces_collapsed():
    assert parse_target("年均7.5 左右", year=2025).text == "年均7.5左右"
    assert parse_target("  量稳 质升 ", year=2025).text == "量稳质升"


def test_full_width_digits_read_like_ascii_digits():
    assert parse_target("\uff15\uff15\uff10\uff10", year=2025).value == 5500.0


@pytest.mark.parametrize(
    "text,default,expected",
    [
        ("4169.4", 2021, (4169.4, 2021, "4169.4")),
        ("30.3 (2020)", 2021, (30.3, 2020, "30.3 (2020)")),
        ("77.6(2019年)".translate(FULL), 2020, (77.6, 2019, "77.6\uff082019年\uff09")),
        ("", 2021, (None, None, "")),
        ("—", 2020, (None, None, "—")),
    ],
)
def test_baseline_cell_carries_its_own_year_when_printed(text, default, expected):
    assert parse_baseline(text, default) == expected


@pytest.mark.parametrize("cell", ["5.5%左右", "5.5%上下", "5.5以上", "5.5%以内", "5.5以下"])
def test_a_baseline_closed_by_a_qualifier_is_read_as_its_figure_and_shown_as_printed(cell):
    assert parse_baseline(cell, 2020) == (5.5, 2020, cell)


def _target(cell: str, name: str = "", attribute: Attribute = EXPECTED):
    return parse_target(cell, year=2025, attribute=attribute, name=name)


def test_direction_is_lower_when_the_target_is_below_the_baseline():
    """城乡居民人均可支配收入比 2.74 → 2.6."""
    assert infer_direction("城乡居民人均可支配收入比", _target("2.6"), 2.74) is Direction.LOWER


def test_direction_of_a_reduction_rate_is_higher_even_below_its_baseline():
    """单位GDP能源消耗降幅 3.1 → 2.5 is a smaller cut than before, still a cut: bigger is better."""
    assert infer_direction("单位GDP能源消耗降幅", _target("2.5"), 3.1) is Direction.HIGHER
    assert infer_direction("单位地区生产总值能耗降低", _target("累计降低13.5%"), None) is Direction.HIGHER


def test_direction_of_a_growth_target_below_the_base_year_rate_is_higher():
    """规模以上工业增加值增速 11.6 → 年均7.5左右: a rate to sustain, not a level to fall to."""
    assert infer_direction("规模以上工业增加值增速", _target("年均7.5左右"), 11.6) is Direction.HIGHER


def test_direction_of_a_floor_below_the_baseline_is_higher_and_of_a_ceiling_lower():
    assert infer_direction("地表水达到或好于Ⅲ类水体比例", _target(">95"), 96.7) is Direction.HIGHER
    assert infer_direction("城镇调查失业率", _target("<5.5"), 4.6) is Direction.LOWER


def test_equal_baseline_and_target_is_a_level_to_hold_with_higher_direction():
    """ "100 → 100" (困难残疾人…覆盖率)."""
    target = _target("100")
    assert (target.kind, target.value) == (TargetKind.LEVEL, 100.0)
    assert infer_direction("覆盖率", target, 100.0) is Direction.HIGHER


def test_direction_override_wins():
    assert infer_direction("森林覆盖率", _target("80"), 76.0, {"森林覆盖率": "lower"}) is Direction.LOWER


@given(text=st.text(max_size=60), name=st.text(max_size=20), binding=st.booleans())
def test_target_parser_never_raises_and_keeps_the_text(text, name, binding):
    attribute = BINDING if binding else EXPECTED
    target = parse_target(text, year=2025, attribute=attribute, name=name)
    assert isinstance(target.kind, TargetKind)
    assert target.text == normalize(text)
    assert target.value is None or isinstance(target.value, float)


@given(text=st.text(max_size=40), year=st.integers(min_value=1990, max_value=2100))
def test_baseline_parser_never_raises(text, year):
    value, baseline_year, shown = parse_baseline(text, year)
    assert (value is None) == (baseline_year is None)


simple_numbers = st.decimals(min_value=0, max_value=10**7, allow_nan=False, allow_infinity=False, places=3)


@given(number=simple_numbers)
def test_a_plain_number_round_trips_as_a_level(number: Decimal):
    text = f"{number:f}"
    target = parse_target(text, year=2025)
    assert (target.kind, target.value, target.text) == (TargetKind.LEVEL, float(text), text)


@given(number=simple_numbers)
def test_a_number_with_zuoyou_round_trips_as_about(number: Decimal):
    target = parse_target(f"{number:f}左右", year=2025)
    assert (target.kind, target.value, target.qualifier) == (TargetKind.ABOUT, float(f"{number:f}"), "左右")


@given(number=simple_numbers)
def test_an_annual_rate_round_trips(number: Decimal):
    target = parse_target(f"年均{number:f}%", year=2025)
    assert (target.kind, target.value) == (TargetKind.ANNUAL_GROWTH, float(f"{number:f}"))


@given(text=st.text(max_size=80))
def test_normalising_twice_changes_nothing(text):
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    "words",
    ["稳中有升", "保持稳定", "量稳质升", "稳步提升", "持续改善", "只增不减", "不降低", "保持在合理区间"],
)
def test_the_qualitative_words_of_plans_are_known_from_the_shipped_list(words):
    """planwatch/data/reading/qualitative.txt: a target in these words is qualitative and no warning."""
    from planwatch.documents.targets import is_known_wording

    assert parse_target(words, year=2025).kind is TargetKind.QUALITATIVE
    assert is_known_wording(words)
    assert not is_known_wording("稳中求进") and is_known_wording("稳中求进", ("稳中求进",))
