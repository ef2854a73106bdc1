"""Plans in other layouts: Word with real tables, PDF with a ruled table, text with tab or space columns.

The documents are fictional and made by ``tests/data/plans/make_samples.py``; the values
below are what each document prints, read the way the plan reader's rules say.
Those documents use full-width punctuation; ``fw`` writes it from ASCII for legibility.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from planwatch.documents import read_plan
from planwatch.documents.gazetteer import Gazetteer, Region

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
_FULL = str.maketrans({",": "\uff0c", ":": "\uff1a", "(": "\uff08", ")": "\uff09"})


def fw(text: str) -> str:
    return text.translate(_FULL)


COLUMNS = (
    "code,pillar,name,unit,baseline,baseline_year,target_text,kind,value,qualifier,strict,attribute,direction"
)

QINGXI = """
I01,经济发展,地区生产总值增长,%,6.8,2020,年均增长6%左右,annual_growth,6,左右,,预期性,higher
I02,经济发展,常住人口城镇化率,%,52.4,2020,58,level,58,,,预期性,higher
I03,经济发展,城镇调查失业率,%,4.6,2020,<5.5,floor,5.5,<,strict,预期性,lower
I04,民生福祉,居民人均可支配收入增长,%,7.1,2020,与经济增长同步,qualitative,,,,预期性,higher
I05,民生福祉,城镇新增就业,万人,1.2,2020,〔6〕,cumulative,6,,,预期性,higher
I06,民生福祉,人均预期寿命,岁,77.6,2019,78.5,level,78.5,,,预期性,higher
I07,绿色生态,单位地区生产总值能源消耗降低,%,,,累计降低13.5%,cumulative_reduction,13.5,,,约束性,higher
I08,绿色生态,单位地区生产总值二氧化碳排放降低,%,,,〔18〕,cumulative_reduction,18,,,约束性,higher
I09,绿色生态,地表水达到或好于Ⅲ类水体比例,%,96.7,2020,>95,floor,95,>,strict,约束性,higher
I10,绿色生态,城市空气质量优良天数比率,%,92.3,2020,≥90,floor,90,≥,,约束性,higher
I11,绿色生态,耕地保有量,万亩,45.6,2020,45.2,floor,45.2,,,约束性,higher
I12,安全保障,粮食综合生产能力,万吨,21.3,2020,21.3,level,21.3,,,约束性,higher
"""

YUNLING = """
I01,环境质量,细颗粒物(PM2.5)浓度,微克/立方米,28,2020,25,level,25,,,约束性,lower
I02,环境质量,空气质量优良天数比例,%,93.2,2020,>93,floor,93,>,strict,约束性,higher
I03,环境质量,地表水达到或好于Ⅲ类水体比例,%,90,2020,92,level,92,,,约束性,higher
I04,绿色低碳,单位地区生产总值二氧化碳排放降低,%,,,〔19.5〕,cumulative_reduction,19.5,,,约束性,higher
I05,绿色低碳,非化石能源占一次能源消费比重,%,15.2,2020,20左右,about,20,左右,,预期性,higher
I06,生态保护,森林覆盖率,%,63.5,2020,稳中有升,qualitative,,,,约束性,higher
I07,生态保护,生态保护红线面积,平方公里,1200,2020,1200,floor,1200,,,约束性,higher
I08,生态保护,新增造林面积,万亩,,,〔12〕,cumulative,12,,,预期性,higher
I09,生态保护,受污染耕地安全利用率,%,91,2020,93以上,floor,93,以上,,约束性,higher
"""

BAISHAWAN = """
I01,综合实力,地区生产总值,亿元,120,2020,200,level,200,,,预期性,higher
I02,综合实力,固定资产投资增长,%,12,2020,年均10左右,annual_growth,10,左右,,预期性,higher
I03,综合实力,规模以上工业企业数,家,85,2020,150以上,floor,150,以上,,预期性,higher
I04,开放创新,实际利用外资,亿美元,0.8,2020,保持稳定,qualitative,,,,预期性,higher
I05,开放创新,新增高新技术企业数,家,,,〔60〕,cumulative,60,,,预期性,higher
I06,民生保障,城镇登记失业率,%,3.2,2020,4.5以内,floor,4.5,以内,,预期性,lower
I07,民生保障,每千人口执业(助理)医师数,人,2.1,2020,3,level,3,,,预期性,higher
I08,生态环境,单位地区生产总值能耗降低,%,,,完成省下达任务,assigned,,,,约束性,higher
I09,生态环境,建成区绿化覆盖率,%,38,2020,42,level,42,,,约束性,higher
"""


def _rows(table: str, full_width: bool = False) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(COLUMNS + table)))
    for row in rows:
        if full_width:
            row["name"] = fw(row["name"])
    return rows


def _indicator_table(plan) -> list[dict]:
    return [
        {
            "code": i.code,
            "pillar": i.pillar,
            "name": i.name,
            "unit": i.unit,
            "baseline": "" if i.baseline is None else f"{i.baseline:g}",
            "baseline_year": "" if i.baseline_year is None else str(i.baseline_year),
            "target_text": i.target.text,
            "kind": i.target.kind.value,
            "value": "" if i.target.value is None else f"{i.target.value:g}",
            "qualifier": i.target.qualifier,
            "strict": "strict" if i.target.strict else "",
            "attribute": i.attribute.value,
            "direction": i.direction.value,
        }
        for i in plan.indicators
    ]


def _outline(plan) -> list[tuple]:
    return [
        (c.number, c.title, s.number, s.title, [t.title for t in s.tasks])
        for c in plan.chapters
        for s in c.sections
    ]


# ------------------------------------------------------------------ DOCX


@pytest.fixture(scope="module")
def qingxi():
    return read_plan(PLANS / "qingxi-2021.docx")


def test_docx_plan_facts_from_title_and_bare_year_columns(qingxi):
    """Years from the header "2020年 | 2025年"; 2035 from 二〇三五年远景目标; region from the title."""
    assert qingxi.title == "青溪县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    assert (qingxi.region, qingxi.base_year, qingxi.target_year, qingxi.vision_year) == (
        "青溪县",
        2020,
        2025,
        2035,
    )
    assert qingxi.notes == (fw("注:〔〕内为五年累计数。"),)
    assert [p.name for p in qingxi.pillars] == ["经济发展", "民生福祉", "绿色生态", "安全保障"]


def test_docx_indicator_table_with_merged_pillar_and_unit_column(qingxi):
    """The merged 经济发展 cell repeats on three rows; 类别 cells left empty carry the one above."""
    expected = _rows(QINGXI)
    expected[5]["baseline"] = "77.6"  # printed 77.6(2019年): the value, and its own year below
    assert _indicator_table(qingxi) == expected
    assert qingxi.indicators[5].baseline_text == fw("77.6(2019年)")


def test_docx_outline_with_a_chapter_without_sections(qingxi):
    """第四章 has no 节: its lead-phrase paragraphs go into a section numbered 0 named after the chapter."""
    assert _outline(qingxi) == [
        (1, "发展基础", 1, "发展成就", ["经济实力持续增强", "城乡面貌明显改善"]),
        (2, "主要目标", 1, "发展目标", []),
        (3, "加快产业转型升级", 1, "壮大特色产业", ["做强新材料产业", "发展现代农业", "推动服务业提质"]),
        (3, "加快产业转型升级", 2, "建设数字青溪", ["完善数字基础设施"]),
        (4, "保障措施", 0, "保障措施", ["加强组织领导", "强化监测评估"]),
    ]


def test_docx_paragraph_without_lead_phrase_joins_the_task_before_it(qingxi):
    task = qingxi.chapters[2].sections[1].tasks[0]
    assert task.text == fw("实现5G网络乡镇全覆盖。\n到2025年,建成5G基站600个。")


def test_docx_box_is_a_one_cell_table_whose_paragraphs_are_items(qingxi):
    (box,) = qingxi.boxes
    assert (box.number, box.title, box.chapter_number, box.section_number) == (1, "产业发展重点工程", 3, 1)
    assert [(i.title, i.text) for i in box.items] == [
        ("新材料", fw("建设年产2万吨锂电正极材料项目,配套建设青溪工业园污水处理厂。")),
        ("现代农业", fw("新建高标准农田5万亩,建设富硒茶叶加工园。")),
    ]


def test_another_region_list_finds_that_regions_places():
    gazetteer = Gazetteer(
        (Region(key="qingxi", code="", name="青溪县", kind="county", short_names=("青溪",)),)
    )
    plan = read_plan(PLANS / "qingxi-2021.docx", gazetteer=gazetteer)
    assert plan.boxes[0].items[0].places == ("青溪县",)
    assert plan.chapters[2].sections[0].tasks[0].places == ("青溪县",)
    assert plan.region == "青溪县"


# ------------------------------------------------------------------ PDF


@pytest.fixture(scope="module")
def yunling():
    return read_plan(PLANS / "yunling-2022.pdf")


def test_pdf_plan_facts(yunling):
    assert yunling.title == "云岭市“十四五”生态环境保护规划"
    assert (yunling.region, yunling.base_year, yunling.target_year, yunling.vision_year) == (
        "云岭市",
        2020,
        2025,
        2035,
    )
    assert yunling.notes == (fw("注:〔〕内为五年累计数。"),)


def test_pdf_ruled_table_is_read(yunling):
    """Unit is the last bracket: 细颗粒物(PM2.5)浓度(微克/立方米) → 细颗粒物(PM2.5)浓度, 微克/立方米."""
    assert _indicator_table(yunling) == _rows(YUNLING)


def test_pdf_text_wrapped_at_a_fixed_width_gives_whole_tasks_across_a_page_break(yunling):
    """The 水源地 paragraph runs from page 2 to page 3 past the page number "— 2 —"."""
    assert _outline(yunling) == [
        (1, "总体要求", 1, "主要目标", []),
        (2, "深入打好污染防治攻坚战", 1, "大气污染防治", ["推进工业污染深度治理", "强化移动源污染防治"]),
        (2, "深入打好污染防治攻坚战", 2, "水污染防治", ["加强饮用水水源地保护", "推进城镇污水处理提质增效"]),
        (3, "保障措施", 1, "组织实施", []),
    ]
    task = yunling.chapters[1].sections[1].tasks[0]
    assert task.text.endswith(fw("实施水源涵养林建设工程,提升水源地生态功能。"))
    assert "—" not in task.text


def test_pdf_boxed_projects_split_into_items_across_wrapped_lines(yunling):
    (box,) = yunling.boxes
    assert (box.number, box.title, box.chapter_number, box.section_number) == (
        1,
        "大气污染治理重点工程",
        2,
        1,
    )
    assert [(i.title, i.text) for i in box.items] == [
        ("工业治理", fw("云岭钢铁公司超低排放改造,水泥行业脱硝提标改造。")),
        ("移动源治理", fw("建设机动车排放检测监管平台,淘汰老旧柴油货车1200辆。")),
    ]


# ------------------------------------------------------------------ TXT


@pytest.fixture(scope="module", params=["baishawan-tabs.txt", "baishawan-spaces.txt"])
def baishawan(request):
    return read_plan(PLANS / request.param)


def test_text_table_with_tab_or_space_columns(baishawan):
    """With runs of spaces an empty 类别 cell cannot be seen: the short row lacks its first cell."""
    assert _indicator_table(baishawan) == _rows(BAISHAWAN, full_width=True)


def test_text_plan_facts_with_a_period_after_the_title(baishawan):
    assert baishawan.title == fw("白沙湾新区发展规划(2021—2025年)")
    assert (baishawan.region, baishawan.base_year, baishawan.target_year, baishawan.vision_year) == (
        "白沙湾新区",
        2020,
        2025,
        2035,
    )


def test_text_outline_with_blank_lines_and_with_wrapped_lines(baishawan):
    """第一节 separates paragraphs by blank lines; 第二节 wraps them without blank lines."""
    assert _outline(baishawan) == [
        (1, "发展基础", 1, "现实基础", []),
        (2, "发展目标", 1, "主要指标", []),
        (3, "重点任务", 1, "构建现代产业体系", ["培育临港产业集群", "发展现代物流业"]),
        (3, "重点任务", 2, "提升城市品质", ["完善城市功能", "加强生态建设"]),
    ]
    task = baishawan.chapters[2].sections[1].tasks[0]
    assert task.text == fw("推进新区中心片区开发,建设学校、医院和文体中心,完善城市公共服务设施配套。")


def test_text_box_ends_at_the_blank_line(baishawan):
    (box,) = baishawan.boxes
    assert (box.number, box.title, box.chapter_number, box.section_number) == (1, "重点建设项目", 3, 1)
    assert [i.title for i in box.items] == ["港口", "产业园"]
