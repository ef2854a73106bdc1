"""The outline rules on small texts: headings, wrapped paragraphs, tasks, boxes, page numbers."""

from __future__ import annotations

from planwatch.documents.boxes import split_items
from planwatch.documents.gazetteer import Gazetteer
from planwatch.documents.layout import Break, Piece, TableBlock, TextLine
from planwatch.documents.normalize import normalize
from planwatch.documents.outline import build_outline
from planwatch.documents.plan_reader import build_plan, read_plan_text
from planwatch.documents.text_layout import text_blocks

NO_PLACES = Gazetteer(())


def outline(text: str):
    return build_outline(text_blocks(text), NO_PLACES)


def test_headings_with_stray_spaces_and_chinese_numerals():
    result = outline("第 十二章 总则\n第一 节 目标\n到2025年,完成目标。\n第 十 节 其他\n")
    (chapter,) = result.chapters
    assert (chapter.number, chapter.title) == (12, "总则")
    assert [(s.number, s.title) for s in chapter.sections] == [(1, "目标"), (10, "其他")]


def test_preface_is_not_a_chapter():
    result = outline("前 言\n为推动发展,特制定本规划。\n第一章 总则\n")
    assert [c.title for c in result.chapters] == ["总则"]
    assert result.preface == "为推动发展,特制定本规划。"


def test_a_heading_pattern_inside_a_wrapped_sentence_is_text():
    """ "第二章" can only open a chapter where a paragraph may begin."""
    result = outline("第一章 总则\n第一节 目标\n建设示范区。按照规划\n第二章所列任务推进。\n")
    assert [c.title for c in result.chapters] == ["总则"]
    assert result.chapters[0].sections[0].tasks[0].text == "按照规划第二章所列任务推进。"


def test_lead_phrase_after_a_full_stop_starts_a_task_otherwise_the_line_continues():
    text = (
        "第一章 总则\n第一节 任务\n"
        "打造创新平台。建设实验室,加大研发\n"
        "投入力度。推进成果转化。\n"
        "强化企业主体。培育科技型企业。\n"
    )
    tasks = outline(text).chapters[0].sections[0].tasks
    assert [(t.title, t.text) for t in tasks] == [
        ("打造创新平台", "建设实验室,加大研发投入力度。推进成果转化。"),
        ("强化企业主体", "培育科技型企业。"),
    ]


def test_a_long_first_sentence_is_prose_not_a_lead_phrase():
    text = "第一章 总则\n第一节 机制\n建立健全省级统筹市抓落实的工作体系和职责清晰各负其责合力攻坚的责任体系。加强协调。\n"
    section = outline(text).chapters[0].sections[0]
    assert section.tasks == ()
    assert section.intro.startswith("建立健全")


def test_page_numbers_between_wrapped_lines_are_dropped():
    text = "第一章 总则\n第一节 任务\n加强保护。实施水源涵养林\n— 12 —\n建设工程。\n"
    (task,) = outline(text).chapters[0].sections[0].tasks
    assert task.text == "实施水源涵养林建设工程。"


def test_box_position_and_cells_across_a_page_break():
    text = (
        "第一章 总则\n第二节 设施\n完善交通。建设公路。\n"
        "专栏3;交通工程 |\n铁路。建设铁路。 公路。建设公路。 |\n机场。建设机场。 |\n"
        "加强管理。完善制度。\n"
    )
    result = outline(text)
    (box,) = result.boxes
    assert (box.number, box.title, box.chapter_number, box.section_number) == (3, "交通工程", 1, 2)
    assert [i.title for i in box.items] == ["铁路", "公路", "机场"]
    assert [t.title for t in result.chapters[0].sections[0].tasks] == ["完善交通", "加强管理"]


def _pieces(*lines: str) -> list[Piece]:
    return [Piece(line) for line in lines]


def test_a_wrapped_sentence_that_looks_like_a_title_stays_in_its_item():
    """专栏1 (line 266): "…重大疾病新药靶发现及新 / 药创制全国重点实验室。" is one sentence over a line end."""
    pieces = _pieces(
        "联合国内优势力量共建稀土新材料国家实验室、国家稀土功能材料创新中心,",
        "国家钨与稀土产业计量测试中心、市场监管重点实验室(稀土产品检测与溯源)、自",
        "然资源部离子型稀土资源与环境重点实验室。重组设立重大疾病新药靶发现及新",
        "药创制全国重点实验室。支持创建国家工业设计研究院(家具制造)。推进国家自",
        "主创新示范区、稀金科创城、中国稀金谷中科产业育成中心、启迪科技城、国家高层",
        "次人才科创园等科技创新重点平台(项目)建设。",
    )
    assert [title for title, _ in split_items(pieces, "创新平台建设重点工程")] == ["创新平台建设重点工程"]


def test_an_item_may_follow_a_short_line_or_a_clause_end():
    pieces = _pieces(
        "铁路。加快建设长赣高铁、瑞梅铁路,推进赣郴永兴铁路、赣韶铁路扩能工程,",
        "赣龙厦高铁等项目前期工作",
        "公路。建成大广高速吉安至南康段扩建工程、信丰至南雄高速公路、遂川至大",
        "余高速公路,力争开工建设寻乌至安远至赣州高速公路,推进会昌联络线等项",
        "目建设。",
    )
    assert [title for title, _ in split_items(pieces, "对外开放基础支撑工程")] == ["铁路", "公路"]


def test_normalise_drops_wrap_spaces_but_keeps_latin_spacing():
    assert normalize("第 一章 发展基础") == "第一章发展基础"
    assert normalize("年均增长9 .2%,较2011年增长2. 1倍") == "年均增长9.2%,较2011年增长2.1倍"
    assert normalize("加 快 5G 网络建设") == "加快5G网络建设"
    assert normalize("30.3 (2020)") == "30.3 (2020)"
    assert normalize("未来5- 10年") == "未来5-10年"


WRAPPED_TABLE = """第一章 总则
第一节 目标
到2025年,完成目标。
示例市主要指标
类 别 |
指 标 |
2021年
基期值 |
2025年 目标值 |
属 性 |
现代产业
聚集区 |
GDP(亿元) |
100 |
120 |
预期性 |
|
研发投入强度
(%) |
1.5 |
2 |
预期性 |
注:约束性指标具体数值按省下达任务执行。
第二章 任务
"""


def test_a_table_cell_wrapped_over_lines_is_joined():
    """ "现代产业 / 聚集区 |" is one pillar cell; "2021年 / 基期值 |" one header cell."""
    plan = read_plan_text(WRAPPED_TABLE, source_name="wrapped.txt")
    assert (plan.base_year, plan.target_year) == (2021, 2025)
    assert [(i.pillar, i.name, i.unit, i.baseline, i.target.text) for i in plan.indicators] == [
        ("现代产业聚集区", "GDP", "亿元", 100.0, "120"),
        ("现代产业聚集区", "研发投入强度", "%", 1.5, "2"),
    ]
    assert plan.notes == ("注:约束性指标具体数值按省下达任务执行。",)
    assert plan.title == "示例市规划"  # from the caption: no title line, no 特制定本规划 sentence
    assert plan.chapters[0].sections[0].intro == "到2025年,完成目标。"


def test_a_table_continued_on_the_next_page_is_joined():
    """A PDF table split by a page break comes as two tables, the second repeating the header."""
    header = ("类别", "指标", "2020年基期值", "2025年目标值", "属性")
    first = TableBlock(rows=(header, ("经济", "GDP(亿元)", "100", "120", "预期性")), title="示例主要指标")
    second = TableBlock(
        rows=(
            header,
            ("", "人均GDP(元)", "5000", "6000", "预期性"),
            ("生态", "森林覆盖率(%)", "60", "62", "约束性"),
        )
    )
    plan = build_plan([first, Break(), second, Break(), TextLine("第一章 总则")], source_name="two-pages.pdf")
    assert [(i.code, i.pillar, i.name) for i in plan.indicators] == [
        ("I01", "经济", "GDP"),
        ("I02", "经济", "人均GDP"),
        ("I03", "生态", "森林覆盖率"),
    ]
