"""Blocking errors: every problem of every row, each with its row, column and reason in Chinese."""

from __future__ import annotations

import pytest

from planwatch.collection import ObservationRow, check_observations, clean_observations
from planwatch.collection.workbook import COLUMNS


def row(line=2, **values) -> ObservationRow:
    base = {"indicator": "GDP", "region": "章贡区", "period": "2023", "value": 4524}
    return ObservationRow(**{**base, **values}, sheet="填报", line=line, columns=COLUMNS)


def texts(problems) -> list[str]:
    return [p.text for p in problems]


def test_a_row_with_four_faults_reports_all_four_in_column_order(context):
    bad = row(5, indicator="GDP总量", region="瑞金", period=2019, value="12,3")
    assert texts(check_observations([bad], **context)) == [
        "第5行 A列:指标「GDP总量」不在本规划的指标中",
        "第5行 B列:地区「瑞金」不是已登记的地区",
        "第5行 C列:年份 2019 不在规划期 2021–2025 内",
        "第5行 D列:数值「12,3」不是有效数字",
    ]


def test_one_bad_row_makes_the_whole_batch_not_ok_and_the_good_rows_are_still_cleaned(context):
    result = clean_observations([row(2), row(3, region="南康区", value="abc")], **context)
    assert not result.ok
    assert texts(result.errors) == ["第3行 D列:数值「abc」不是有效数字"]
    assert [o.region for o in result.observations] == ["章贡区"]


def test_empty_required_fields_are_named(context):
    problems = check_observations([row(indicator="", region=" ", period=None, value="")], **context)
    assert texts(problems) == ["第2行 A列:指标为空", "第2行 B列:地区为空", "第2行 C列:年份为空", "第2行 D列:数值为空"]


def test_percentage_above_100_is_an_error_but_a_negative_growth_rate_is_not(context):
    problems = check_observations([
        row(2, indicator="森林覆盖率", value=120),
        row(3, indicator="规模以上工业增加值增速", value=-3.5),
        row(4, indicator="常住人口城镇化率", value="56.35%"),
    ], **context)
    assert texts(problems) == ["第2行 D列:数值 120 超出百分比范围 0–100"]


def test_excel_percent_cell_is_read_as_percent(context):
    """A cell formatted 0.00% holding 0.5635 shows 56.35%: the reporter means 56.35."""
    result = clean_observations([ObservationRow("常住人口城镇化率", "章贡区", "2023", 0.5635, line=2,
                                                percent_format=True)], **context)
    assert result.ok and result.observations[0].value == pytest.approx(56.35)


def test_percent_sign_on_a_non_percent_indicator_is_refused(context):
    assert texts(check_observations([row(value="85%")], **context)) == [
        "第2行 D列:数值「85%」带百分号,但「GDP」的单位是「亿元」"]


def test_convertible_unit_is_converted_to_the_indicators_unit(context):
    """45,240,000 万元 × 10⁴ ÷ 10⁸ = 4524 亿元."""
    result = clean_observations([row(value="45,240,000", unit="万元")], **context)
    obs = result.observations[0]
    assert (obs.value, obs.unit, obs.original_value, obs.original_unit) == (4524.0, "亿元", "45,240,000", "万元")


def test_unconvertible_unit_is_an_error_in_the_unit_column(context):
    assert texts(check_observations([row(unit="公斤")], **context)) == [
        "第2行 E列:单位「公斤」无法换算为「GDP」的单位「亿元」"]


def test_the_same_indicator_region_and_period_twice_is_an_error(context):
    problems = check_observations([row(2), row(3, indicator="I01", value=4600)], **context)
    assert texts(problems) == ["第3行 A列:与第2行重复:同一指标、地区、期别只能填一次"]


def test_rows_outside_the_units_assignments_are_refused(context):
    problems = check_observations([row(2), row(3, region="瑞金市")], assignments=[("I01", "章贡区")], **context)
    assert texts(problems) == ["第3行 A列:本单位没有填报「GDP」瑞金市数据的任务"]


def test_indicators_and_regions_are_found_by_code_name_label_or_alias(context):
    result = clean_observations([
        row(2, indicator="I01", region="360781"),
        row(3, indicator="GDP(亿元)", region="龙南县"),
        row(4, indicator=" GDP ", region="于都县", period="2023年"),
    ], **context)
    assert result.ok
    assert [(o.indicator, o.region, o.period) for o in result.observations] == [
        ("I01", "瑞金市", "2023"), ("I01", "龙南市", "2023"), ("I01", "于都县", "2023")]


def test_qualifier_and_text_length_are_checked(context):
    problems = check_observations([row(qualifier="大约", source="公报" * 251)], **context)
    assert texts(problems) == ["第2行 F列:来源超过 500 字(现有 502 字)",
                               "第2行 H列:限定词「大约」无效,可填:以上、左右、约、超过、近、以内、以下"]


def test_rows_may_be_plain_dicts_with_a_year(context):
    result = clean_observations([{"indicator": "GDP", "region": "章贡区", "year": 2024, "value": "5,010.2"}],
                                **context)
    assert result.ok and result.observations[0].value == 5010.2 and result.observations[0].period == "2024"


def test_without_a_region_list_any_region_name_passes_through(context):
    result = clean_observations([row(region="某某县")], **{**context, "regions": None})
    assert result.ok and result.observations[0].region == "某某县"


def test_a_percent_cell_showing_5635_percent_is_refused_quoting_what_the_cell_shows(context):
    """56.35 typed into a cell formatted 0.00% shows 5635.00% (56.35 × 100): the refusal quotes 5635%,
    what the clerk sees, not the stored 56.35."""
    problems = check_observations([ObservationRow("常住人口城镇化率", "章贡区", "2023", 56.35, line=2,
                                                  columns=COLUMNS, percent_format=True)], **context)
    assert texts(problems) == ["第2行 D列:数值 5635% 超出百分比范围 0–100"]
