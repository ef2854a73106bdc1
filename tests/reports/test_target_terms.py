"""Each target kind in its own terms (pure): a floor with each year's margin, growth achieved against the
target rate, a qualitative target beside the series' direction, 按省下达 with the assigned value."""

from __future__ import annotations

from planwatch.reports.targets_text import direction_word, kind_detail, target_statement


def test_floor_reads_as_not_below_with_each_year_margin():
    assert target_statement("floor", 536.86, 2025, "536.86", "万亩", 2) == "不低于536.86万亩"
    # 540.12 − 536.86 = 3.26; 535.00 − 536.86 = −1.86 (below the floor)
    detail = kind_detail(
        "floor",
        target_value=536.86,
        target_text="536.86",
        unit="万亩",
        decimals=2,
        series=[(2022, 540.12), (2023, 535.0)],
    )
    assert detail == "2022年540.12万亩,高于底线3.26万亩;2023年535.00万亩,低于底线1.86万亩"


def test_growth_target_reads_as_average_achieved_against_the_target_rate():
    assert target_statement("annual_growth", 7.5, 2025, "年均7.5左右", "%", 1) == "年均增长7.5%左右"
    assert (
        kind_detail(
            "annual_growth",
            target_value=7.5,
            target_text="年均7.5左右",
            unit="%",
            decimals=1,
            series=[],
            actual_growth=0.0612,
        )
        == "实际年均6.1%,目标7.5%"
    )


def test_qualitative_target_reads_as_its_words_beside_the_direction():
    assert target_statement("qualitative", None, 2025, "稳中有升", "个", 0) == "稳中有升"
    detail = kind_detail(
        "qualitative",
        target_value=None,
        target_text="稳中有升",
        unit="个",
        decimals=0,
        series=[(2021, 114.0), (2023, 121.0)],
    )
    assert detail == "目标为“稳中有升”;序列上升(由2021年114个到2023年121个)"
    # 3.58 → 3.60 is within 1% of 3.58 (0.56%): flat
    assert direction_word([(2021, 3.58), (2023, 3.60)]) == "基本持平"
    detail = kind_detail(
        "qualitative",
        target_value=None,
        target_text="量稳质升",
        unit="亿元",
        decimals=2,
        series=[(2021, 576.47), (2023, 560.0)],
        quality="升",
        quality_by="王规划",
    )
    assert detail.endswith("序列下降(由2021年576.47亿元到2023年560.00亿元),质量评判:升(王规划)")


def test_assigned_target_waits_for_the_province_then_shows_the_value():
    assert target_statement("assigned", None, 2025, "", "%", 1) == "按省下达(待省下达具体数值)"
    assert target_statement("assigned", 13.5, 2025, "", "%", 1) == "按省下达:13.5%"


def test_level_target_keeps_the_plan_text_and_english_reads_naturally():
    assert target_statement("level", 5500.0, 2025, "5500", "亿元", 1) == "2025年达到5500亿元"
    assert target_statement("about", 52.0, 2025, "52左右", "亿斤", 1) == "2025年达到52亿斤左右"
    assert target_statement("floor", 536.86, 2025, "", "万亩", 2, "en") == "at least 536.86万亩"


def test_a_typed_target_reads_by_the_target_grammar_and_prints_as_stated():
    """What a planner types on the 目标版本 form prints in the kind's words with the figure as typed:
    the digits are never stripped out and the rest never taken as a qualifier (the bug printed
    2025年达到13.5%“十四五”期间累计下降%). Baseline decimals 2 (e.g. 0.45) are not the targets'."""
    cases = [
        ("cumulative_reduction", 13.5, "“十四五”期间累计下降13.5%", "%", "累计降低13.5%", "cumulative reduction of 13.5%"),
        ("annual_growth", 7.0, "年均增长7%左右", "%", "年均增长7%左右", "average growth of 7%"),
        ("level", 5500.0, "5500亿元", "亿元", "2025年达到5500亿元", "reach 5500亿元 by 2025"),
        ("floor", 95.0, ">95", "%", "不低于95%", "at least 95%"),
        ("qualitative", None, "稳中有升", "个", "稳中有升", "稳中有升"),
        ("about", 62.0, "62左右", "%", "2025年达到62%左右", "reach 62% by 2025"),
    ]
    for kind, value, text, unit, zh, en in cases:
        assert target_statement(kind, value, 2025, text, unit, 2) == zh
        assert target_statement(kind, value, 2025, text, unit, 2, "en") == en


def test_a_level_target_never_takes_the_texts_other_words_as_its_qualifier():
    """A level whose text is a sentence (stored before the grammar read typed text) prints its figure and
    unit, without the sentence: never 13.5“十四五”期间累计下降%."""
    assert target_statement("level", 13.5, 2025, "“十四五”期间累计下降13.5%", "%", 1) == "2025年达到13.5%"
    assert target_statement("level", 5500.0, 2025, "比2020年翻一番,达到5500", "亿元", 1) == "2025年达到5500亿元"
