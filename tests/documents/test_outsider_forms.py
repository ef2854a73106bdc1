"""Plans written the way other counties publish them, tried as a new user would (no Ganzhou data).

Each document is inline; every expected figure is read off the document text above it. The forms: a
county 十五五 outline as a Markdown pipe table (序号 and 单位 columns, 2025年基期 | 2030年目标 | 年均/累计,
〔〕 period totals, a starred baseline, "城乡…" with two figures a cell), a tab-separated sectoral table,
and an annual plan report whose title names two years and whose bullets say "城镇和农村…分别增长".
"""

from __future__ import annotations

from planwatch.documents.plan_reader import read_plan_text
from planwatch.documents.prose_targets import split_names
from tests.documents.facts import indicator_facts

COUNTY_15TH = """\
# 会宁县国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要

会宁县人民政府

## 第二章 主要目标

专栏1　"十五五"时期经济社会发展主要指标

| 类别 | 序号 | 指标 | 单位 | 2025年基期 | 2030年目标 | 年均/累计 | 属性 |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 经济发展 | 1 | 地区生产总值 | 亿元 | 128.6 | 180 | 7%左右 | 预期性 |
| | 2 | 常住人口城镇化率 | % | 38.5* | 45 | — | 预期性 |
| 民生福祉 | 3 | 城镇新增就业 | 万人 | — | — | 〔1.5〕 | 预期性 |
| | 4 | 城乡居民人均可支配收入 | 元 | 14230/10150 | — | 7.5/8 | 预期性 |
| | 5 | 城镇调查失业率 | % | 5.3 | — | <5.5 | 预期性 |
| 绿色生态 | 6 | 单位地区生产总值能耗降低 | % | — | — | 〔省下达〕 | 约束性 |
| | 7 | 森林覆盖率 | % | 12.8 | 14.5 | 〔1.7〕 | **约束性** |
| | 8 | 耕地保有量 | 万亩 | 423.9 | ≥423.9 | — | 约束性 |

注：带*的为2024年数据；〔〕内为五年累计数。
"""


def test_a_county_fifteenth_outline_as_a_markdown_table_reads_every_field():
    """Row 4 is two indicators: 城乡 → 城镇, 农村 (distributive.csv), 14230 and 10150 their baselines, 7.5 and
    8 their yearly rates (a plain figure in a 年均/累计 column; a period total there is printed 〔〕)."""
    plan = read_plan_text(COUNTY_15TH, source_name="huining-15th.md")
    assert (plan.title, plan.region, plan.base_year, plan.target_year, plan.vision_year) == (
        "会宁县国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要",
        "会宁县",
        2025,
        2030,
        2035,
    )
    assert indicator_facts(plan, direction=True) == [
        ("经济发展", "地区生产总值", "亿元", 128.6, 2025, "level", 180.0, "", "预期性", "higher"),
        ("经济发展", "常住人口城镇化率", "%", 38.5, 2024, "level", 45.0, "", "预期性", "higher"),
        ("民生福祉", "城镇新增就业", "万人", None, None, "cumulative", 1.5, "", "预期性", "higher"),
        (
            "民生福祉",
            "城镇居民人均可支配收入",
            "元",
            14230.0,
            2025,
            "annual_growth",
            7.5,
            "",
            "预期性",
            "higher",
        ),
        (
            "民生福祉",
            "农村居民人均可支配收入",
            "元",
            10150.0,
            2025,
            "annual_growth",
            8.0,
            "",
            "预期性",
            "higher",
        ),
        ("民生福祉", "城镇调查失业率", "%", 5.3, 2025, "floor", 5.5, "<", "预期性", "lower"),
        ("绿色生态", "单位地区生产总值能耗降低", "%", None, None, "assigned", None, "", "约束性", "higher"),
        ("绿色生态", "森林覆盖率", "%", 12.8, 2025, "level", 14.5, "", "约束性", "higher"),
        ("绿色生态", "耕地保有量", "万亩", 423.9, 2025, "floor", 423.9, "≥", "约束性", "higher"),
    ]
    assert [i.code for i in plan.indicators] == [f"I{n:02d}" for n in range(1, 10)]
    assert plan.warnings == ()


SECTORAL_TABS = (
    '景泰县"十五五"教育事业发展规划\n\n表1  "十五五"时期教育发展主要指标\n\n'
    "序号\t指标\t单位\t2025年基期\t2030年目标\t属性\n"
    "1\t学前三年毛入园率\t%\t91.2\t≥95\t预期性\n"
    "2\t城镇/农村义务教育学校生均仪器设备值\t元\t3200/2100\t4500/3600\t预期性\n"
    "3\t义务教育学校数\t所\t120/80\t110\t预期性\n"
    "4\t新增劳动力平均受教育年限\t年\t13.8\t14.2\t预期性\n"
)


def test_two_figures_in_a_cell_go_to_the_parts_of_the_name_or_are_not_read():
    """ "城镇/农村…" splits like "城乡…"; "120/80" for a name of one thing is two figures for one row: no
    baseline is read (120 would be a misread), and the warning names the row."""
    plan = read_plan_text(SECTORAL_TABS, source_name="jingtai-education.txt")
    assert [(i.name, i.unit, i.baseline, i.target.kind.value, i.target.value) for i in plan.indicators] == [
        ("学前三年毛入园率", "%", 91.2, "floor", 95.0),
        ("城镇义务教育学校生均仪器设备值", "元", 3200.0, "level", 4500.0),
        ("农村义务教育学校生均仪器设备值", "元", 2100.0, "level", 3600.0),
        ("义务教育学校数", "所", None, "level", 110.0),
        ("新增劳动力平均受教育年限", "年", 13.8, "level", 14.2),
    ]
    assert plan.indicators[3].baseline_text == "120/80"
    # no 类别 column: one category "", listed, so the plan can be stored (tests/web/plans/test_cli_load_words.py)
    assert [(p.name, p.order) for p in plan.pillars] == [("", 1)]
    assert plan.warnings == (
        "指标「义务教育学校数」的单元格有两个数值（如「a/b」），名称无法对应拆分：数值未读入",
    )


ANNUAL_REPORT = """\
关于静宁县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告

——2026年1月8日在静宁县第十九届人民代表大会第五次会议上

一、2025年计划执行情况

全县地区生产总值完成98.6亿元，增长6.2%。

二、2026年经济社会发展的主要目标

2026年全县经济社会发展主要预期目标：
● 地区生产总值增长6.5%左右；
● 固定资产投资增长10%以上；
● 城镇和农村居民人均可支配收入分别增长6%和8%；
● 城镇新增就业3500人以上，城镇调查失业率控制在5.5%以内；
● 粮食总产量稳定在28万吨以上；
"""


def test_an_annual_report_is_for_the_later_year_of_its_title_and_splits_names_joined_by_he():
    plan = read_plan_text(ANNUAL_REPORT, source_name="jingning-2026.txt")
    assert (plan.region, plan.base_year, plan.target_year) == ("静宁县", 2025, 2026)
    assert [
        (i.name, i.unit, i.target.kind.value, i.target.value, i.target.qualifier, i.target.text)
        for i in plan.indicators
    ] == [
        ("地区生产总值增长", "%", "annual_growth", 6.5, "左右", "增长6.5%左右"),
        ("固定资产投资增长", "%", "annual_growth", 10.0, "以上", "增长10%以上"),
        ("城镇居民人均可支配收入增长", "%", "annual_growth", 6.0, "", "分别增长6%和8%"),
        ("农村居民人均可支配收入增长", "%", "annual_growth", 8.0, "", "分别增长6%和8%"),
        ("城镇新增就业", "人", "floor", 3500.0, "以上", "3500人以上"),
        ("城镇调查失业率", "%", "floor", 5.5, "以内", "控制在5.5%以内"),
        ("粮食总产量", "万吨", "floor", 28.0, "以上", "稳定在28万吨以上"),
    ]
    # the figures of last year's execution (98.6亿元, 6.2%) are not targets
    assert plan.warnings == ("没有主要指标表：从正文读出 7 项目标（每项附原句）",)


def test_names_split_for_each_figure():
    assert split_names("城镇、农村居民人均可支配收入", 2) == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]
    assert split_names("城镇和农村居民人均可支配收入", 2) == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]
    assert split_names("城乡居民人均可支配收入", 2) == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert split_names("小学、初中净入学率", 2) == ["小学净入学率", "初中净入学率"]
    # a one-character "tail" is no shared word: two whole names
    assert split_names("GDP、财政收入", 2) == ["GDP", "财政收入"]
