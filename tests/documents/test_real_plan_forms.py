"""One test per bullet of issue 13's "What real plans look like", each with the exact text form.

The documents are small fictional plans written here in each form (no Ganzhou data); every expected
figure is read off the document text above it.
"""

from __future__ import annotations

import docx
import pytest

from planwatch.documents import read_plan
from planwatch.documents.metadata import plan_years
from planwatch.documents.patterns import five_year_plan_end
from planwatch.documents.plan_reader import read_plan_text
from planwatch.documents.prose_targets import read_clause
from planwatch.documents.targets import parse_baseline, parse_target, strip_references
from planwatch.plan.model import Attribute, TargetKind
from tests.documents.facts import indicator_facts

# ---- Row numbers on names; group rows are the category -------------------------------------------

ROW_NUMBERS = """\
陇南市国民经济和社会发展第十四个五年规划纲要

类别    指标    2020年    2025年    属性
一、经济发展
1.国内生产总值(GDP)增长(%)    2.3    6    预期性
(3)常住人口城镇化率(%)    45.1    52    预期性
二、创新驱动
①每万人口发明专利拥有量(件)    1.2    2.5    预期性
"""


def test_row_numbers_are_dropped_and_group_rows_are_the_category():
    plan = read_plan_text(ROW_NUMBERS, source_name="row-numbers.txt")
    assert [(i.pillar, i.name) for i in plan.indicators] == [
        ("经济发展", "国内生产总值(GDP)增长"),
        ("经济发展", "常住人口城镇化率"),
        ("创新驱动", "每万人口发明专利拥有量"),
    ]
    assert [p.name for p in plan.pillars] == ["经济发展", "创新驱动"]


# ---- Columns: 年均/累计, the 十五五 form, targets only in the 年均/累计 column --------------------

FIFTEENTH = """\
定西市国民经济和社会发展第十五个五年规划纲要

类别\t指标\t2025年基期\t2030年目标\t年均/累计\t属性
经济发展\t1.地区生产总值增长(%)\t5.5\t—\t>7\t预期性
\t2.城镇调查失业率(%)\t5.1\t—\t<5.5\t预期性
绿色生态\t3.单位地区生产总值能源消耗降低(%)\t—\t—\t〔13.5〕\t约束性
\t4.新增城镇就业(万人)\t—\t—\t〔18〕\t预期性
\t5.经济增长\t—\t保持在合理区间\t—\t预期性
\t6.研发经费投入增长(%)\t—\t>7、力争投入强度高于“十三五”时期实际\t—\t预期性
"""


def test_fifteenth_plan_columns_and_targets_in_the_period_column():
    plan = read_plan_text(FIFTEENTH, source_name="fifteenth.txt")
    assert (plan.base_year, plan.target_year) == (2025, 2030)
    assert [(i.name, i.target.kind, i.target.value, i.target.qualifier) for i in plan.indicators] == [
        ("地区生产总值增长", TargetKind.ANNUAL_GROWTH, 7.0, ">"),
        ("城镇调查失业率", TargetKind.FLOOR, 5.5, "<"),
        ("单位地区生产总值能源消耗降低", TargetKind.CUMULATIVE_REDUCTION, 13.5, ""),
        ("新增城镇就业", TargetKind.CUMULATIVE, 18.0, ""),
        ("经济增长", TargetKind.QUALITATIVE, None, ""),
        ("研发经费投入增长", TargetKind.ANNUAL_GROWTH, 7.0, ">"),
    ]
    assert plan.indicators[0].baseline_year == 2025
    assert plan.indicators[5].target.text == ">7、力争投入强度高于“十三五”时期实际"


# ---- Baselines with marks and units -------------------------------------------------------------


def test_starred_baseline_takes_the_year_of_its_footnote():
    assert parse_baseline("60.6*", 2020, {"*": 2019}) == (60.6, 2019, "60.6*")
    assert parse_baseline("60.6*", 2025, {"*": 2024}) == (60.6, 2024, "60.6*")


def test_bracketed_baseline_and_units_after_numbers():
    assert parse_baseline("〔17.7〕", 2020) == (17.7, 2020, "〔17.7〕")
    assert parse_baseline("12.3年以上", 2020) == (12.3, 2020, "12.3年以上")
    assert parse_baseline("11.4年", 2020) == (11.4, 2020, "11.4年")
    target = parse_target("12.3年以上", year=2025, name="劳动年龄人口平均受教育年限")
    assert (target.kind, target.value, target.qualifier) == (TargetKind.FLOOR, 12.3, "以上")


STARRED = """\
天水市国民经济和社会发展第十五个五年规划纲要

指标    2025年    2030年    属性
森林覆盖率(%)    23.2*    24.1    约束性
劳动年龄人口平均受教育年限    11.4年    12.3年以上    预期性

注:带*的为2024年数据。
"""


def test_a_starred_baseline_in_a_table_reads_its_footnote_and_a_unit_after_the_number():
    plan = read_plan_text(STARRED, source_name="starred.txt")
    forest, schooling = plan.indicators
    assert (forest.baseline, forest.baseline_year) == (23.2, 2024)
    assert (schooling.unit, schooling.baseline, schooling.target.kind, schooling.target.value) == (
        "年",
        11.4,
        TargetKind.FLOOR,
        12.3,
    )


# ---- Sub-rows ---------------------------------------------------------------------------------

SUB_ROWS = """\
庆阳市教育事业发展第十四个五年规划

| 指标 | 2020年 | 2025年 | 属性 |
| --- | --- | --- | --- |
| 1.九年义务教育巩固率(%) | 95 | 97 | 约束性 |
| 其中:小学 / 初中 | 99/91 | 100/95 | 约束性 |
| 10.居民人均可支配收入(元) | — | — | 预期性 |
| 城镇 | 36000 | 48000 | 预期性 |
| 农村 | 11000 | 16000 | 预期性 |
"""


def test_sub_rows_are_indicators_named_with_their_parent():
    plan = read_plan_text(SUB_ROWS, source_name="sub-rows.txt")
    assert [(i.name, i.unit, i.baseline, i.target.value) for i in plan.indicators] == [
        ("九年义务教育巩固率", "%", 95.0, 97.0),
        ("九年义务教育巩固率:小学", "%", 99.0, 100.0),
        ("九年义务教育巩固率:初中", "%", 91.0, 95.0),
        ("居民人均可支配收入:城镇", "元", 36000.0, 48000.0),
        ("居民人均可支配收入:农村", "元", 11000.0, 16000.0),
    ]


# ---- Table forms ------------------------------------------------------------------------------

EXPECTED_TWO = [
    ("", "常住人口城镇化率", "%", 52.4, 2022, "level", 60.0, "", "预期性"),
    ("", "耕地保有量", "万亩", 45.6, 2022, "floor", 45.2, "", "约束性"),
]

MARKDOWN = """\
白银市国土空间总体规划(2021—2035年)

专栏1 主要指标

| 指标 | 2022年 | 2035年 | 属性 |
| --- | --- | --- | --- |
| 常住人口城镇化率(%) | 52.4 | 60 | 预期性 |
| 耕地保有量(万亩) | 45.6 | 45.2 | **约束性** |
"""

ONE_CELL_PER_LINE = """\
白银市国土空间总体规划(2021—2035年)

指标
2022年
2035年
属性
常住人口城镇化率(%)
52.4
60
预期性
耕地保有量(万亩)
45.6
45.2
约束性*
"""

SPACES = """\
白银市国土空间总体规划(2021—2035年)

指标                     2022年    2035年    属性
常住人口城镇化率(%)      52.4      60        预期性
耕地保有量(万亩)         45.6      45.2      ★约束性
"""


TABS = (
    "白银市国土空间总体规划(2021—2035年)\n\n指标\t2022年\t2035年\t属性\n"
    "常住人口城镇化率(%)\t52.4\t60\t预期性\n耕地保有量(万亩)\t45.6\t45.2\t★约束性\n"
)


@pytest.mark.parametrize(
    "text", [MARKDOWN, ONE_CELL_PER_LINE, SPACES, TABS], ids=["markdown", "cells", "spaces", "tabs"]
)
def test_text_table_forms_give_the_same_table(text):
    plan = read_plan_text(text, source_name="forms.txt")
    assert indicator_facts(plan) == EXPECTED_TWO
    assert plan.region == "白银市"


def test_zhuanlan_main_indicators_is_a_table_title_not_a_project_box():
    plan = read_plan_text(MARKDOWN, source_name="markdown.txt")
    assert plan.boxes == ()
    assert len(plan.indicators) == 2


def test_docx_table_with_merged_category_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("武威市国民经济和社会发展第十四个五年规划纲要")
    table = document.add_table(rows=4, cols=5)
    rows = [
        ("类别", "指标", "2020年", "2025年", "属性"),
        ("经济发展", "1.地区生产总值(亿元)", "500", "700", "预期性"),
        ("", "2.常住人口城镇化率(%)", "45", "52", "预期性"),
        ("绿色生态", "3.森林覆盖率(%)", "20", "22", "约束性"),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    merged = table.cell(1, 0).merge(table.cell(2, 0))
    merged.text = "经济发展"
    path = tmp_path / "wuwei.docx"
    document.save(str(path))
    plan = read_plan(path)
    assert [(i.pillar, i.name, i.unit, i.baseline, i.target.value) for i in plan.indicators] == [
        ("经济发展", "地区生产总值", "亿元", 500.0, 700.0),
        ("经济发展", "常住人口城镇化率", "%", 45.0, 52.0),
        ("绿色生态", "森林覆盖率", "%", 20.0, 22.0),
    ]
    assert plan.region == "武威市"


def test_ruled_pdf_table(tmp_path):
    """The national outline's table as a ruled PDF (tests/data/plans/other, made from the text)."""
    from pathlib import Path

    pdf = (
        Path(__file__).resolve().parent.parent
        / "data"
        / "plans"
        / "other"
        / "national-14th-outline-table.pdf"
    )
    plan = read_plan(pdf)
    assert len(plan.indicators) == 20
    assert plan.indicators[0].name == "国内生产总值(GDP)增长"


@pytest.mark.parametrize("cell", ["**约束性**", "约束性*", "★约束性"])
def test_bold_or_starred_attribute(cell):
    text = f"张掖市规划(2021—2025年)\n\n| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n| 森林覆盖率(%) | 20 | 22 | {cell} |\n"
    assert read_plan_text(text, source_name="a.txt").indicators[0].attribute is Attribute.BINDING


# ---- Outlines ---------------------------------------------------------------------------------

OUTLINE_TABLE = "\n\n| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n| 森林覆盖率(%) | 20 | 22 | 约束性 |\n\n"


def test_markdown_chapter_headings_articles_and_chapters_without_sections():
    text = (
        "酒泉市村庄规划(2021—2025年)"
        + OUTLINE_TABLE
        + "## 第一章 总则\n\n第一条 规划目的。为加强村庄建设管理,制定本规划。\n\n第二条 本规划适用于全村范围。\n\n"
        "## 第二章 村庄布局\n\n### 第一节 居住\n\n集中居住。引导农户向中心村集中。\n"
    )
    plan = read_plan_text(text, source_name="village.txt")
    assert [(c.number, c.title) for c in plan.chapters] == [(1, "总则"), (2, "村庄布局")]
    first = plan.chapters[0]
    assert [(s.number, s.title) for s in first.sections] == [(0, "总则")]  # a chapter without sections
    assert [(t.title, t.text) for t in first.sections[0].tasks] == [
        ("规划目的", "为加强村庄建设管理,制定本规划。"),
        ("第二条", "本规划适用于全村范围。"),
    ]
    assert [(s.number, s.title) for s in plan.chapters[1].sections] == [(1, "居住")]


def test_yi_and_paren_yi_headings_in_a_plan_without_chapters():
    text = (
        "咸阳市2024年国民经济和社会发展计划\n\n一、总体要求\n\n主要预期目标是:地区生产总值增长5.5%左右。\n\n"
        "二、重点任务\n\n(一)抓住用好政策机遇,推动经济运行平稳向好\n\n扩大有效投资。实施重点项目300个。\n\n"
        "(二)加快乡村振兴。巩固拓展脱贫攻坚成果。\n\n发展特色产业。在泾阳县建设苗木基地。\n"
    )
    plan = read_plan_text(text, source_name="annual.txt")
    assert [(c.number, c.title) for c in plan.chapters] == [(1, "总体要求"), (2, "重点任务")]
    sections = plan.chapters[1].sections
    assert [(s.number, s.title) for s in sections] == [
        (1, "抓住用好政策机遇,推动经济运行平稳向好"),
        (2, "加快乡村振兴"),
    ]
    assert [(t.title, t.places) for t in sections[1].tasks] == [
        ("巩固拓展脱贫攻坚成果", ()),
        ("发展特色产业", ("泾阳县",)),
    ]


# ---- Plans without a table: prose targets ---------------------------------------------------


@pytest.mark.parametrize(
    "clause,expected",
    [
        (
            "地区生产总值增长6%左右",
            [("地区生产总值增长", "%", TargetKind.ANNUAL_GROWTH, 6.0, "左右", "增长6%左右")],
        ),
        (
            "城镇、农村居民人均可支配收入分别增长7%、8%左右",
            [
                (
                    "城镇居民人均可支配收入增长",
                    "%",
                    TargetKind.ANNUAL_GROWTH,
                    7.0,
                    "左右",
                    "分别增长7%、8%左右",
                ),
                (
                    "农村居民人均可支配收入增长",
                    "%",
                    TargetKind.ANNUAL_GROWTH,
                    8.0,
                    "左右",
                    "分别增长7%、8%左右",
                ),
            ],
        ),
        (
            "粮食产量保持在180万吨以上",
            [("粮食产量", "万吨", TargetKind.FLOOR, 180.0, "以上", "保持在180万吨以上")],
        ),
        (
            "居民消费价格涨幅控制在3%左右",
            [("居民消费价格涨幅", "%", TargetKind.ABOUT, 3.0, "左右", "控制在3%左右")],
        ),
        ("◆ 城镇调查失业率5.5%左右", [("城镇调查失业率", "%", TargetKind.ABOUT, 5.5, "左右", "5.5%左右")]),
    ],
)
def test_prose_target_forms(clause, expected):
    read = read_clause(clause, "主要预期目标", clause)
    got = []
    for item in read:
        target = parse_target(item.cell, year=2024, name=item.name)
        got.append((item.name, item.unit, target.kind, target.value, target.qualifier, item.text))
    assert got == expected


def test_a_work_report_with_bullets_is_read_not_refused():
    text = (
        "平凉市2024年政府工作报告\n\n今年经济社会发展的主要预期目标:\n"
        "◆ 地区生产总值增长6%左右\n◆ 城镇调查失业率5.5%左右\n◆ 粮食产量保持在180万吨以上\n"
    )
    plan = read_plan_text(text, source_name="report.txt")
    assert (plan.title, plan.region, plan.base_year, plan.target_year) == (
        "平凉市2024年政府工作报告",
        "平凉市",
        2023,
        2024,
    )
    assert [(i.name, i.target.value, i.source) for i in plan.indicators] == [
        ("地区生产总值增长", 6.0, "◆地区生产总值增长6%左右"),
        ("城镇调查失业率", 5.5, "◆城镇调查失业率5.5%左右"),
        ("粮食产量", 180.0, "◆粮食产量保持在180万吨以上"),
    ]


# ---- Dates and numbers broken by extraction -----------------------------------------------

BROKEN = """\
金昌市2023年国民经济和社会发展计划

发布日期:2022127
根据国发〔20213号文件精神制定。

主要预期目标是:地区生产总值增长9 .2%左右。
"""


def test_broken_dates_and_document_numbers_are_never_values_or_years():
    plan = read_plan_text(BROKEN, source_name="broken.txt")
    assert (plan.base_year, plan.target_year) == (2022, 2023)
    assert [(i.name, i.target.value) for i in plan.indicators] == [("地区生产总值增长", 9.2)]
    assert strip_references("发布日期:2022127") == "发布日期:"
    assert strip_references("根据国发〔20213号文件") == "根据国发文件"
    assert parse_target("2022127", year=2025).value is None
    assert read_clause("发布日期2022127", "x", "") == []


# ---- Places: the plan's own region ------------------------------------------------------------


def test_tasks_are_tagged_with_the_county_units_of_the_plans_own_region():
    text = (
        "酒泉市2024年国民经济和社会发展计划\n\n一、重点任务\n\n(一)产业\n\n"
        "建设风电基地。在瓜州县和玉门市建设风电基地,敦煌市发展文旅。\n\n"
        "主要预期目标是:地区生产总值增长6%左右。\n"
    )
    plan = read_plan_text(text, source_name="jiuquan.txt")
    task = plan.chapters[0].sections[0].tasks[0]
    assert task.places == ("瓜州县", "玉门市", "敦煌市")


def test_a_government_work_report_sentence_with_every_clause_form():
    text = (
        "2024年政府工作报告\n\n今年经济社会发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，"
        "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；"
        "粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。\n"
    )
    plan = read_plan_text(text, source_name="report.txt")
    assert [
        (i.name, i.unit, i.target.kind.value, i.target.value, i.target.qualifier) for i in plan.indicators
    ] == [
        ("国内生产总值增长", "%", "annual_growth", 5.0, "左右"),
        ("城镇新增就业", "万人", "floor", 1200.0, "以上"),
        ("城镇调查失业率", "%", "about", 5.5, "左右"),
        ("居民消费价格涨幅", "%", "about", 3.0, "左右"),
        ("粮食产量", "万亿斤", "floor", 1.3, "以上"),
        ("单位国内生产总值能耗降低", "%", "about", 2.5, "左右"),
    ]


def test_a_sectoral_table_without_an_attribute_column_is_read_as_expected_indicators():
    text = (
        "陇西县教育事业发展规划(2021—2025年)\n\n| 指标名称 | 单位 | 2020年 | 2025年 |\n| --- | --- | --- | --- |\n"
        "| 学前三年毛入园率 | % | 85 | 90 |\n| 九年义务教育巩固率 | % | 95 | 97 |\n"
    )
    plan = read_plan_text(text, source_name="education.txt")
    assert [(i.name, i.unit, i.baseline, i.target.value, i.attribute) for i in plan.indicators] == [
        ("学前三年毛入园率", "%", 85.0, 90.0, Attribute.EXPECTED),
        ("九年义务教育巩固率", "%", 95.0, 97.0, Attribute.EXPECTED),
    ]
    assert plan.warnings == ("主要指标表没有「属性」列：各项指标按预期性读入",)
    assert plan.region == "陇西县"


def test_a_village_plan_table_with_status_and_planned_columns():
    text = (
        "宁县早胜镇东街村村庄规划(2021—2035年)\n\n规划指标表\n\n"
        "| 序号 | 指标 | 单位 | 现状(2020年) | 规划(2035年) | 变化量 | 属性 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 户籍人口 | 人 | 1520 | 1600 | 80 | 预期性 |\n"
        "| 2 | 永久基本农田保护面积 | 公顷 | 120.5 | ≥120.5 | 0 | 约束性 |\n"
        "| 3 | 村庄建设用地规模 | 公顷 | 30.2 | ≤29.8 | -0.4 | 约束性 |\n"
    )
    plan = read_plan_text(text, source_name="village.txt")
    assert (plan.region, plan.base_year, plan.target_year) == ("宁县", 2020, 2035)
    assert [
        (i.name, i.unit, i.baseline, i.target.value, i.target.qualifier, i.direction.value)
        for i in plan.indicators
    ] == [
        ("户籍人口", "人", 1520.0, 1600.0, "", "higher"),
        ("永久基本农田保护面积", "公顷", 120.5, 120.5, "≥", "higher"),
        ("村庄建设用地规模", "公顷", 30.2, 29.8, "≤", "lower"),
    ]


def test_cue_words_before_the_first_target_are_not_part_of_its_name():
    text = "庆阳市2024年国民经济和社会发展计划\n\n2024年主要预期目标建议为:全市地区生产总值增长6.5%左右,规模以上工业增加值增长8%以上。\n"
    plan = read_plan_text(text, source_name="qingyang.txt")
    assert [(i.pillar, i.name, i.target.value, i.target.qualifier) for i in plan.indicators] == [
        ("主要预期目标", "地区生产总值增长", 6.5, "左右"),
        ("主要预期目标", "规模以上工业增加值增长", 8.0, "以上"),
    ]


def test_a_plan_without_a_year_in_its_title_takes_the_latest_year_of_its_text_and_says_so():
    text = "东街村工作要点\n\n今年工作目标:\n◆ 村集体经济收入5万元以上\n◆ 2024年完成改厕100户\n"
    plan = read_plan_text(text, source_name="village-points.txt")
    assert (plan.base_year, plan.target_year) == (2023, 2024)
    assert [(i.name, i.unit, i.target.value, i.target.qualifier) for i in plan.indicators] == [
        ("村集体经济收入", "万元", 5.0, "以上")
    ]
    assert plan.warnings == (
        "没有主要指标表：从正文读出 1 项目标（每项附原句）",
        "标题没有写明规划年份：目标年取正文中最晚的年份 2024 年",
    )


def test_sub_rows_under_a_numbered_row_when_the_numbers_stand_in_a_number_column():
    text = (
        "庆阳市教育事业发展第十四个五年规划\n\n| 序号 | 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 九年义务教育巩固率(%) | 95 | 97 | 约束性 |\n| 2 | 居民人均可支配收入(元) | — | — | 预期性 |\n"
        "|  | 城镇 | 36000 | 48000 | 预期性 |\n|  | 农村 | 11000 | 16000 | 预期性 |\n"
    )
    plan = read_plan_text(text, source_name="numbers.txt")
    assert [(i.name, i.unit, i.baseline, i.target.value) for i in plan.indicators] == [
        ("九年义务教育巩固率", "%", 95.0, 97.0),
        ("居民人均可支配收入:城镇", "元", 36000.0, 48000.0),
        ("居民人均可支配收入:农村", "元", 11000.0, 16000.0),
    ]


def test_a_markdown_file_is_read_like_text(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(
        "# 酒泉市村庄规划(2021—2035年)\n\n## 第一章 总则\n\n第一条 规划目的。为加强村庄建设管理,制定本规划。\n"
        + OUTLINE_TABLE,
        encoding="utf-8",
    )
    plan = read_plan(path)
    assert (plan.title, plan.region, plan.base_year, plan.target_year) == (
        "酒泉市村庄规划(2021—2035年)",
        "酒泉市",
        2020,
        2025,
    )
    assert [(c.number, c.title) for c in plan.chapters] == [(1, "总则")]
    assert [i.name for i in plan.indicators] == ["森林覆盖率"]


def test_header_years_from_the_five_year_plan_names():
    """ "“十三五”末 | “十四五”目标": base 2020, target 2025, no 4-digit year printed."""
    text = (
        "平凉市生态环境保护规划\n\n| 指标 | “十三五”末 | “十四五”目标 | 属性 |\n| --- | --- | --- | --- |\n"
        "| 森林覆盖率(%) | 20 | 22 | 约束性 |\n"
    )
    plan = read_plan_text(text, source_name="pingliang.txt")
    assert (plan.base_year, plan.target_year) == (2020, 2025)
    assert [(i.name, i.baseline, i.baseline_year, i.target.value) for i in plan.indicators] == [
        ("森林覆盖率", 20.0, 2020, 22.0)
    ]


@pytest.mark.parametrize(
    ("name", "end"),
    [("“十三五”末", 2020), ("“十四五”目标", 2025), ("第十四个五年规划", 2025), ("十五五", 2030), ("“十五”计划", None)],
)
def test_a_five_year_plan_ends_five_years_after_the_one_before(name, end):
    """The 14th plan is 2021–2025: the N-th ends in 2025 + 5 × (N − 14) (十三五 2020, 十五五 2030). The
    title reader and the column reader use this one rule; 十五 (the 10th, no 五 after it) is not read."""
    assert five_year_plan_end(name) == end
    if end is not None:
        assert plan_years(f"某市{name}", "") == (end - 5, end)
