"""The Ganzhou plan's main-indicator table, row by row, against the document itself.

The expected table below was typed from lines 64–253 of
``planwatch/data/plans/ganzhou-2023.txt`` (the table 赣州革命老区高质量发展示范区主要发展
指标), not produced by the parser. Reading rules it encodes:

* base year 2021 and target year 2025 come from the header "2021年 基期值 | 2025年 目标值";
* "30.3 (2020)" carries its own base year; an empty baseline cell has no value and no year;
* an empty target on a 约束性 row is ``assigned`` (注:约束性指标具体数值按省下达任务执行),
  on a 预期性 row (森林覆盖率) ``unspecified``;
* 耕地保有量 (a stock with no baseline) is a ``floor``;
* 城乡居民人均可支配收入比 2.74 → 2.6 is "lower is better"; the 降幅 rows are "higher"
  (a bigger cut is better) although their target is still to come.
"""

from __future__ import annotations

import csv
import io

import pytest

from planwatch.data import GANZHOU_PLAN
from planwatch.documents import read_plan
from planwatch.documents.plan_reader import read_plan_text
from planwatch.plan.model import plan_from_dict

EXPECTED = """\
code,pillar,name,unit,baseline,baseline_year,baseline_text,target_text,kind,value,qualifier,attribute,direction
I01,综合实力,GDP,亿元,4169.4,2021,4169.4,5500,level,5500,,预期性,higher
I02,综合实力,人均GDP,元,46452,2021,46452,54403,level,54403,,预期性,higher
I03,现代产业聚集区,规模以上工业增加值增速,%,11.6,2021,11.6,年均7.5左右,annual_growth,7.5,左右,预期性,higher
I04,现代产业聚集区,数字经济核心产业增加值占GDP比重,%,7.4,2021,7.4,9.6,level,9.6,,预期性,higher
I05,现代产业聚集区,社会消费品零售总额,亿元,1987.68,2021,1987.68,2475,level,2475,,预期性,higher
I06,现代产业聚集区,全社会研发投入占GDP比重,%,1.71,2021,1.71,2.5,level,2.5,,预期性,higher
I07,现代产业聚集区,战略性新兴产业增加值占规上工业比重,%,30.3,2020,30.3 (2020),33,level,33,,预期性,higher
I08,乡村振兴示范区,粮食综合生产能力,亿斤,51.7,2021,51.7,52左右,about,52,左右,约束性,higher
I09,乡村振兴示范区,主要农作物耕种收综合机械化水平,%,76.3,2021,76.3,80,level,80,,预期性,higher
I10,乡村振兴示范区,高标准农田面积,万亩,310,2021,310,430,level,430,,约束性,higher
I11,乡村振兴示范区,农产品加工转化率,%,62,2021,62,70,level,70,,预期性,higher
I12,乡村振兴示范区,农村生活污水处理率,%,30,2021,30,40,level,40,,预期性,higher
I13,乡村振兴示范区,农村居民人均可支配收入,元,14675,2021,14675,19600,level,19600,,预期性,higher
I14,乡村振兴示范区,常住人口城镇化率,%,56.35,2021,56.35,60,level,60,,预期性,higher
I15,生态文明建设典范区,耕地保有量,万亩,,,,536.86,floor,536.86,,约束性,higher
I16,生态文明建设典范区,单位GDP能源消耗降幅,%,3.1,2021,3.1,,assigned,,,约束性,higher
I17,生态文明建设典范区,非化石能源占一次能源消费比重,%,28.8,2021,28.8,,assigned,,,约束性,higher
I18,生态文明建设典范区,单位GDP二氧化碳排放降幅,%,21,2020,21 (2020),,assigned,,,约束性,higher
I19,生态文明建设典范区,县级及以上城市空气质量优良天数比例,%,99.1,2021,99.1,,assigned,,,约束性,higher
I20,生态文明建设典范区,地表水达到或好于Ⅲ类水体比例,%,98.6,2021,98.6,,assigned,,,约束性,higher
I21,生态文明建设典范区,森林覆盖率,%,76.23,2021,76.23,,unspecified,,,预期性,higher
I22,革命老区改革开放先行区,出口总额,亿元,576.47,2021,576.47,量稳质升,qualitative,,,预期性,higher
I23,革命老区改革开放先行区,实际使用外资金额,亿美元,3.58,2021,3.58,保持稳定,qualitative,,,预期性,higher
I24,革命老区改革开放先行区,机场货邮吞吐量,万吨,0.46,2021,0.46,1,level,1,,预期性,higher
I25,革命老区改革开放先行区,机场旅客吞吐量,万人次,180.8,2021,180.8,300,level,300,,预期性,higher
I26,革命老区共同富裕试验区,城乡居民人均可支配收入比,%,2.74,2021,2.74,2.6,level,2.6,,预期性,lower
I27,革命老区共同富裕试验区,每千人口拥有3岁以下婴幼儿托位数,个,,,,4.5,level,4.5,,预期性,higher
I28,革命老区共同富裕试验区,劳动年龄人口平均受教育年限,年,10.24,2020,10.24 (2020),11.3,level,11.3,,预期性,higher
I29,革命老区共同富裕试验区,每千常住人口医疗床位数,张,6.7,2021,6.7,7.5,level,7.5,,预期性,higher
I30,革命老区共同富裕试验区,人均预期寿命,岁,77.37,2020,77.37 (2020),78.6,level,78.6,,预期性,higher
I31,革命老区共同富裕试验区,基本养老保险参保率,%,95,2021,95,95.5,level,95.5,,预期性,higher
I32,革命老区共同富裕试验区,困难残疾人生活补贴和重度残疾人护理补贴目标人群覆盖率,%,100,2021,100,100,level,100,,约束性,higher
I33,传承红色基因样板区,红色旅游接待总人数,亿人次,0.635,2021,0.635,0.8,level,0.8,,预期性,higher
I34,传承红色基因样板区,红色旅游总收入,亿元,613.5,2021,613.5,800,level,800,,预期性,higher
I35,传承红色基因样板区,省级及以上革命文物保护单位,个,114,2021,114,稳中有升,qualitative,,,预期性,higher
I36,传承红色基因样板区,省级及以上爱国主义教育基地,个,18,2021,18,稳中有升,qualitative,,,预期性,higher
"""

PILLARS = [
    "综合实力",
    "现代产业聚集区",
    "乡村振兴示范区",
    "生态文明建设典范区",
    "革命老区改革开放先行区",
    "革命老区共同富裕试验区",
    "传承红色基因样板区",
]


def _number(text: str) -> float | None:
    return float(text) if text else None


def _year(text: str) -> int | None:
    return int(text) if text else None


EXPECTED_ROWS = list(csv.DictReader(io.StringIO(EXPECTED)))


@pytest.fixture(scope="module")
def plan():
    return read_plan(GANZHOU_PLAN)


def test_ganzhou_table_has_exactly_36_indicators_coded_in_table_order(plan):
    assert len(plan.indicators) == 36
    assert [i.code for i in plan.indicators] == [f"I{n:02d}" for n in range(1, 37)]
    assert [i.order for i in plan.indicators] == list(range(1, 37))


@pytest.mark.parametrize("row", EXPECTED_ROWS, ids=[r["code"] for r in EXPECTED_ROWS])
def test_each_ganzhou_indicator_reads_as_printed(plan, row):
    indicator = plan.indicators[int(row["code"][1:]) - 1]
    got = {
        "code": indicator.code,
        "pillar": indicator.pillar,
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "baseline_text": indicator.baseline_text,
        "target_text": indicator.target.text,
        "kind": indicator.target.kind.value,
        "value": indicator.target.value,
        "qualifier": indicator.target.qualifier,
        "attribute": indicator.attribute.value,
        "direction": indicator.direction.value,
        "target_year": indicator.target.year,
        "strict": indicator.target.strict,
    }
    want = {
        **row,
        "baseline": _number(row["baseline"]),
        "baseline_year": _year(row["baseline_year"]),
        "value": _number(row["value"]),
        "target_year": 2025,
        "strict": False,
    }
    assert got == want


def test_plan_years_come_from_the_table_header_and_the_vision_from_the_text(plan):
    """2021年 基期值 / 2025年 目标值 in the header; "远期展望至2035年" and "展望到2035年" in the text."""
    assert (plan.base_year, plan.target_year, plan.vision_year) == (2021, 2025, 2035)


def test_title_and_region_are_derived_from_the_document(plan):
    """ "科学谋划赣州革命老区高质量发展示范区建设,特制定本规划" names the plan; its title begins with 赣州."""
    assert plan.title == "赣州革命老区高质量发展示范区建设规划"
    assert plan.region == "赣州"
    assert plan.source_name == "ganzhou-2023.txt"


def test_pillars_are_the_seven_categories_with_spaces_removed(plan):
    """ "现代产业 聚集区" and "革命老区 改革开放 先行区" are printed split; the names are joined."""
    assert [(p.name, p.order) for p in plan.pillars] == [(name, n) for n, name in enumerate(PILLARS, 1)]


def test_the_note_under_the_table_is_kept_as_a_plan_note(plan):
    assert plan.notes == ("注:约束性指标具体数值按省下达任务执行。",)


def test_the_repeated_header_after_the_page_break_is_not_an_indicator(plan):
    """Lines 174–178 repeat 类 别 | 指 标 | … ; the next row (出口总额) is still I22 under a new pillar."""
    assert all("类别" not in i.name and "指标" != i.name for i in plan.indicators)
    assert plan.indicator("出口总额").code == "I22"


def test_caller_may_override_title_region_and_directions():
    plan = read_plan(GANZHOU_PLAN, title="示范区规划", region="赣州市", directions={"森林覆盖率": "lower"})
    assert (plan.title, plan.region) == ("示范区规划", "赣州市")
    assert plan.indicator("森林覆盖率").direction.value == "lower"
    assert plan.indicator("GDP").direction.value == "higher"


def test_text_in_memory_reads_the_same_as_the_file():
    text = GANZHOU_PLAN.read_text(encoding="utf-8")
    assert read_plan_text(text, source_name="ganzhou-2023.txt") == read_plan(GANZHOU_PLAN)


def test_parsed_plan_survives_the_json_round_trip_used_by_the_cli_and_web(plan):
    assert plan_from_dict(plan.to_dict()) == plan
