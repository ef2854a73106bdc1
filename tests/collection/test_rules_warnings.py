"""The rules that are data (yoy_change, outlier, ratio, range), each with a worked example."""

from __future__ import annotations

from planwatch.collection import (
    HistoryPoint,
    ObservationRow,
    Severity,
    check_observations,
    clean_observations,
)
from planwatch.collection.checks import number, percent, render_message, rule_problems, year_on_year
from planwatch.collection.settings import DEFAULT_RULES
from planwatch.collection.workbook import COLUMNS

YOY = {"kind": "yoy_change", "indicator": None, "threshold": 0.30}
OUTLIER = {"kind": "outlier", "indicator": None, "threshold": 3.5}
GDP_PER_CAPITA = {"kind": "ratio", "indicator": "人均GDP", "numerator": "GDP", "denominator": "常住人口",
                  "factor": 10000, "threshold": 0.02}
INCOME_RATIO = {"kind": "ratio", "indicator": "城乡居民人均可支配收入比", "numerator": "城镇居民人均可支配收入",
                "denominator": "农村居民人均可支配收入", "factor": 1, "threshold": 0.01}


def row(line, indicator, value, period="2023", region="章贡区") -> ObservationRow:
    return ObservationRow(indicator, region, period, value, sheet="填报", line=line, columns=COLUMNS)


def check(rows, context, rules, history=()):
    return [p.text for p in check_observations(rows, **{**context, "rules": rules, "history": history})]


# --- year-on-year change ---------------------------------------------------------------------------

def test_yoy_rise_of_35_percent_beyond_30_is_a_warning(context):
    """135 ÷ 100 − 1 = +35% > 30%."""
    problems = check_observations([row(2, "GDP", 135)], **{**context, "rules": [YOY],
                                                            "history": [("GDP", "章贡区", "2022", 100)]})
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert problems[0].text == "第2行 D列:「GDP」章贡区2023年数值 135 较上年同期 100 变动 +35%,超过 30%,请在备注(预警说明)中说明原因"


def test_yoy_change_of_exactly_30_percent_is_not_beyond_the_threshold(context):
    """130 ÷ 100 − 1 = 0.30000000000000004 in floating point; rounded to 12 decimals it is 0.3, not > 0.3."""
    assert check([row(2, "GDP", 130)], context, [YOY], [("GDP", "章贡区", "2022", 100)]) == []


def test_yoy_previous_year_may_come_from_the_same_upload(context):
    """2022: 100, 2023: 60 → 60 ÷ 100 − 1 = −40%."""
    assert check([row(2, "GDP", 100, "2022"), row(3, "GDP", 60)], context, [YOY]) == [
        "第3行 D列:「GDP」章贡区2023年数值 60 较上年同期 100 变动 -40%,超过 30%,请在备注(预警说明)中说明原因"]


def test_an_indicators_own_yoy_threshold_replaces_the_default(context):
    """GDP may move 50% (135 ÷ 100 − 1 = 35% passes); 人均GDP keeps 30% (70000 ÷ 50000 − 1 = 40% warns)."""
    rules = [YOY, {**YOY, "indicator": "I01", "threshold": 0.5}]
    history = [("GDP", "章贡区", "2022", 100), ("人均GDP", "章贡区", "2022", 50000)]
    problems = check([row(2, "GDP", 135), row(3, "人均GDP", 70000)], context, rules, history)
    assert problems == ["第3行 D列:「人均GDP」章贡区2023年数值 70000 较上年同期 50000 变动 +40%,超过 30%,请在备注(预警说明)中说明原因"]


def test_growth_rates_are_compared_in_percentage_points(context):
    """增速 11.6 → 7.5 is −4.1 points (≤ 10: fine, although −35% relative); 11.6 → −0.5 is −12.1 points."""
    history = [("规模以上工业增加值增速", "章贡区", "2022", 11.6), ("规模以上工业增加值增速", "南康区", "2022", 11.6)]
    problems = check([row(2, "I03", 7.5), row(3, "I03", -0.5, region="南康区")], context, [YOY], history)
    assert problems == ["第3行 D列:「规模以上工业增加值增速」南康区2023年数值 -0.5 较上年同期 11.6 变动 -12.1 个百分点,"
                        "超过 10 个百分点,请在备注(预警说明)中说明原因"]


def test_quarterly_yoy_compares_the_same_quarter(context):
    """2023Q1 against 2022Q1 (100 → 140, +40%), not against 2022Q4 (138)."""
    history = [("GDP", "章贡区", "2022Q1", 100), ("GDP", "章贡区", "2022Q4", 138)]
    assert check([row(2, "GDP", 140, "2023Q1")], context, [YOY], history) == [
        "第2行 D列:「GDP」章贡区2023年第1季度数值 140 较上年同期 100 变动 +40%,超过 30%,请在备注(预警说明)中说明原因"]


# --- distance from the series' own history --------------------------------------------------------

HISTORY = [("GDP", "章贡区", str(year), value) for year, value in
           [(2017, 100), (2018, 108), (2019, 118.8), (2020, 129.492), (2021, 143.73612), (2022, 158.109732)]]


def test_a_change_far_from_the_series_own_changes_is_a_warning(context):
    """Yearly changes 8, 10, 9, 11, 10 %: median 10%, |deviations| 2, 0, 1, 1, 0 → MAD 1%.
    2023 = 158.109732 × 1.25 = 197.637165 (+25%): z = 0.6745 × (25 − 10) ÷ 1 = 10.1 > 3.5.
    The yoy rule (30%) alone would not have caught it."""
    problems = check([row(2, "GDP", 197.637165)], context, [YOY, OUTLIER], HISTORY)
    assert problems == ["第2行 D列:「GDP」章贡区2023年较上年变动 +25%,远离该序列历年变动(中位数 +10%,稳健 z 值 10.1,"
                        "阈值 3.5),请核实或在备注(预警说明)中说明"]


def test_outlier_compares_changes_not_levels_so_steady_growth_passes(context):
    """+11% (z = 0.6745 × (11 − 10) ÷ 1 = 0.67) is a record level but an ordinary change."""
    assert check([row(2, "GDP", 158.109732 * 1.11)], context, [OUTLIER], HISTORY) == []


def test_outlier_needs_five_earlier_values(context):
    assert check([row(2, "GDP", 500)], context, [OUTLIER], HISTORY[-4:]) == []


# --- consistency between indicators ---------------------------------------------------------------

def test_gdp_per_capita_within_two_percent_of_gdp_over_population_passes(context):
    """4524 亿元 × 10⁸ ÷ (897.0 万人 × 10⁴) = 50434.78 元; |50000 − 50434.78| ÷ 50434.78 = 0.86% ≤ 2%."""
    rows = [row(2, "GDP", 4524), row(3, "常住人口", 897.0), row(4, "人均GDP", 50000)]
    assert check(rows, context, [GDP_PER_CAPITA]) == []


def test_gdp_per_capita_nine_percent_off_is_a_warning(context):
    """|55000 − 50434.78| ÷ 50434.78 = 9.05% > 2%."""
    rows = [row(2, "GDP", 4524), row(3, "常住人口", 897.0), row(4, "人均GDP", 55000)]
    assert check(rows, context, [GDP_PER_CAPITA]) == [
        "第4行 D列:「人均GDP」章贡区2023年数值 55000 与「GDP」÷「常住人口」× 10000 = 50434.78 相差 9.05%,"
        "超过 2%,请核实"]


def test_ratio_uses_stored_values_and_converted_units(context):
    """GDP typed as 45,240,000 万元 = 4524 亿元; population and 人均GDP already stored: the GDP row is flagged."""
    history = [("常住人口", "章贡区", "2023", 897.0), ("人均GDP", "章贡区", "2023", 55000)]
    problems = check_observations([ObservationRow("GDP", "章贡区", "2023", "45,240,000", unit="万元", line=7,
                                                  columns=COLUMNS)],
                                  **{**context, "rules": [GDP_PER_CAPITA], "history": history})
    assert [p.text for p in problems] == [
        "第7行 D列:「人均GDP」章贡区2023年数值 55000 与「GDP」÷「常住人口」× 10000 = 50434.78 相差 9.05%,"
        "超过 2%,请核实"]


def test_urban_rural_income_ratio_is_urban_over_rural(context):
    """40000 ÷ 14675 = 2.725724; stated 2.74 is 0.52% off (≤ 1%); stated 2.60 is
    (2.725724 − 2.60) ÷ 2.725724 = 4.61% off (> 1%)."""
    def rows(stated, region):
        return [row(2, "城镇居民人均可支配收入", 40000, region=region),
                row(3, "农村居民人均可支配收入", 14675, region=region),
                row(4, "城乡居民人均可支配收入比", stated, region=region)]
    assert check(rows(2.74, "章贡区"), context, [INCOME_RATIO]) == []
    assert check(rows(2.60, "南康区"), context, [INCOME_RATIO]) == [
        "第4行 D列:「城乡居民人均可支配收入比」南康区2023年数值 2.6 与「城镇居民人均可支配收入」÷「农村居民人均可支配收入」"
        "× 1 = 2.73 相差 4.61%,超过 1%,请核实"]


def test_a_ratio_with_a_missing_part_says_nothing(context):
    assert check([row(2, "GDP", 4524), row(4, "人均GDP", 99999)], context, [GDP_PER_CAPITA]) == []


# --- range, severity, rule data -------------------------------------------------------------------

def test_a_range_rule_is_an_error_by_default_and_blocks(context):
    rule = {"kind": "range", "indicator": "森林覆盖率", "min_value": 70, "max_value": 80}
    result = clean_observations([row(2, "森林覆盖率", 65)], **{**context, "rules": [rule]})
    assert not result.ok
    assert [p.text for p in result.errors] == ["第2行 D列:「森林覆盖率」章贡区2023年数值 65 超出允许范围 70–80"]


def test_rules_may_be_model_like_objects_and_inactive_ones_are_skipped(context):
    class Rule:  # the attributes of the monitoring app's ValidationRule
        def __init__(self, **kw):
            self.__dict__.update({"indicator": None, "threshold": None, "min_value": None, "max_value": None,
                                  "numerator": None, "denominator": None, "factor": 1.0, "active": True,
                                  "severity": "warning", **kw})

    class Indicator:
        code = "I01"

    rules = [Rule(kind="range", indicator=Indicator(), max_value=100, severity="warning"),
             Rule(kind="yoy_change", threshold=0.1, active=False)]
    problems = check([row(2, "GDP", 135)], context, rules, [("GDP", "章贡区", "2022", 100)])
    assert problems == ["第2行 D列:「GDP」章贡区2023年数值 135 超出允许范围 不高于 100"]


def test_warnings_travel_with_the_clean_row_and_do_not_block(context):
    result = clean_observations([row(2, "GDP", 135)], **{**context, "rules": [YOY],
                                                          "history": [HistoryPoint("I01", "章贡区", "2022", 100)]})
    assert result.ok
    assert [w.rule for w in result.observations[0].warnings] == ["yoy_change"]


def test_rules_none_means_the_default_rules(context):
    problems = check_observations([row(2, "GDP", 135)], **{**context, "rules": None,
                                                           "history": [("GDP", "章贡区", "2022", 100)]})
    assert [p.rule for p in problems] == ["yoy_change"]
    assert {r["kind"] for r in DEFAULT_RULES} == {"yoy_change", "outlier", "ratio"}


def test_a_planners_message_template_is_used(context):
    rule = {**YOY, "message": "{indicator}{period}变动{change},请说明"}
    assert check([row(2, "GDP", 135)], context, [rule], [("GDP", "章贡区", "2022", 100)]) == [
        "第2行 D列:GDP2023年变动+35%,请说明"]


def test_a_template_reaching_into_attributes_falls_back_to_the_default():
    text = render_message("{value.__class__}", "range", {"indicator": "GDP", "region": "", "period": "",
                                                          "value": "1", "bounds": "0–100"})
    assert text == "「GDP」数值 1 超出允许范围 0–100"


def test_rule_problems_explain_unusable_rules_to_the_planner():
    assert rule_problems({"kind": "bogus"}) == ["未知的规则类型「bogus」"]
    assert rule_problems({"kind": "ratio", "indicator": "人均GDP"}) == ["比例规则需要指定指标、分子和分母"]
    assert rule_problems({"kind": "range"}) == ["范围规则至少需要下限或上限之一"]
    assert rule_problems({"kind": "yoy_change", "threshold": -1, "message": "{oops}"}) == [
        "阈值不能为负数", "提示语中有未知占位符:oops"]
    assert rule_problems(GDP_PER_CAPITA) == []


def test_warnings_attach_to_their_row_even_without_line_numbers(context):
    """Rows from a form or the API carry no line: each warning still lands on its own row."""
    rows = [{"indicator": "GDP", "region": "章贡区", "period": "2023", "value": 135},
            {"indicator": "GDP", "region": "南康区", "period": "2023", "value": 101}]
    history = [("GDP", "章贡区", "2022", 100), ("GDP", "南康区", "2022", 100)]
    result = clean_observations(rows, **{**context, "rules": [YOY], "history": history})
    assert [len(o.warnings) for o in result.observations] == [1, 0]
    assert result.warnings[0].text == "「GDP」章贡区2023年数值 135 较上年同期 100 变动 +35%,超过 30%,请在备注(预警说明)中说明原因"


def test_default_rules_find_indicators_spelled_as_the_bulletins_spell_them():
    """The statistics bulletin's 地区生产总值 / 人均地区生产总值 are the plan's GDP / 人均GDP:
    4524 ÷ 897.0 × 10⁴ = 50434.78; 55000 is 9.05% off → the default ratio rule warns."""
    from planwatch.collection import IndicatorSpec

    indicators = [IndicatorSpec("I01", "地区生产总值", "亿元"), IndicatorSpec("I02", "人均地区生产总值", "元"),
                  IndicatorSpec("I03", "常住人口", "万人")]
    rows = [row(2, "GDP", 4524), row(3, "常住人口", 897.0), row(4, "人均GDP", 55000)]
    problems = check_observations(rows, indicators=indicators, plan_years=range(2021, 2026), rules=None)
    assert [p.text for p in problems] == [
        "第4行 D列:「人均地区生产总值」章贡区2023年数值 55000 与「地区生产总值」÷「常住人口」× 10000 = 50434.78 "
        "相差 9.05%,超过 2%,请核实"]


def test_figures_in_messages_round_half_up_as_every_other_figure_does():
    """The one rounding rule (planwatch.numbers): 56.35 − 55.70 = 0.65 个百分点 is +0.7 (binary 0.6499… gave
    +0.6); 0.0905 is 9.05% (binary 9.0499… gave 9.04%); 1.00005 at four decimals is 1.0001."""
    assert year_on_year(56.35, 55.70, points=True) == "+0.7 个百分点"
    assert year_on_year(55.70, 56.35, points=True) == "-0.7 个百分点"
    assert year_on_year(56.37, 56.40, points=True) == "0.0 个百分点"
    assert percent(0.0905) == "9.05%"
    assert number(1.00005) == "1.0001"
    assert year_on_year(110.0, 100.0, points=False) == "+10%"
