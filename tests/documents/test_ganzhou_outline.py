"""Chapters, sections, tasks, 专栏 boxes and places of the Ganzhou plan, read by eye from the text.

Counting rules (see ``planwatch/documents/outline.py``): a task is a paragraph opening with a
lead phrase ending in "。"; sections written as prose (发展环境, 指导思想, 发展目标, 坚持党的全面
领导, 完善实施机制) have none and keep their text as the section intro; the lead-phrase
paragraphs of 发展成就 and 战略定位 are tasks like any other.
"""

from __future__ import annotations

import pytest

from planwatch.data import GANZHOU_PLAN
from planwatch.documents import read_plan

CHAPTERS = [
    "发展基础",
    "总体要求",
    "构建现代产业体系,推进产业创新发展先行示范",
    "深入实施乡村振兴战略,推进城乡协调发展先行示范",
    "打造美丽中国“赣州样板”,推进生态文明建设先行示范",
    "深化改革开放,推进内陆双向开放合作先行示范",
    "健全公共服务体系,推进增进人民福祉先行示范",
    "赓续红色血脉,推进红色基因传承先行示范",
    "保障措施",
]

# (chapter, section, section title, task titles) — every section of the plan, in order.
SECTIONS = [
    (
        1,
        1,
        "发展成就",
        [
            "经济实力大步跨越",
            "特色产业扬优成势",
            "民生福祉明显改善",
            "动力活力显著增强",
            "生态屏障持续筑牢",
            "红色精神传承弘扬",
        ],
    ),
    (1, 2, "发展环境", []),
    (2, 1, "指导思想", []),
    (
        2,
        2,
        "战略定位",
        [
            "现代产业聚集区",
            "乡村振兴示范区",
            "生态文明建设典范区",
            "革命老区改革开放先行区",
            "革命老区共同富裕试验区",
            "传承红色基因样板区",
        ],
    ),
    (2, 3, "发展目标", []),
    (3, 1, "建设区域性科技创新中心", ["打造高能级创新平台", "强化企业创新主体地位", "营造一流创新创业生态"]),
    (
        3,
        2,
        "壮大更具影响力的现代产业集群",
        [
            "推动传统产业转型升级",
            "培育发展战略性新兴产业",
            "构建优质高效的服务业新体系",
            "繁荣发展文化旅游产业",
        ],
    ),
    (3, 3, "做优做强数字经济", ["完善数字基础设施", "加快推动数字产业化", "推进产业数字化转型"]),
    (
        4,
        1,
        "推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接",
        [
            "全面推进脱贫人口后续帮扶",
            "完善防止返贫监测和帮扶机制",
            "畅通农产品产销帮扶渠道",
            "建设宜居宜业和美乡村",
        ],
    ),
    (4, 2, "加快建设现代农业强市", ["发展特色农林产业", "打响赣南富硒品牌", "推动一二三产业深度融合发展"]),
    (4, 3, "完善城镇功能布局", ["加快建设省域副中心城市", "统筹推进县域协调发展", "着力推动城乡融合发展"]),
    (
        5,
        1,
        "打造山水林田湖草沙综合治理样板",
        ["强化生态系统保护修复", "扎实推进绿色矿山建设", "推进水土保持先行示范", "加强地质灾害预防治理"],
    ),
    (
        5,
        2,
        "深入推进环境污染防治",
        ["持续推进大气污染防治", "强化水环境污染治理和修复", "加强土壤和地下水污染防控"],
    ),
    (5, 3, "推动绿色低碳发展", ["开展节能降碳行动", "优化能源供给结构", "探索生态产品价值实现机制"]),
    (
        6,
        1,
        "激发改革开放动力活力",
        ["推进营商环境优化升级", "提高投融资便利化水平", "深化重点领域改革", "推进内陆开放先行先试"],
    ),
    (
        6,
        2,
        "完善对外开放基础支撑",
        ["完善铁路运输网络", "完善现代公路网络", "加快航空、水运基础设施建设", "补齐能源、水利设施短板"],
    ),
    (
        6,
        3,
        "打造对接融入粤港澳大湾区桥头堡",
        ["强化赣深对口合作", "加强与大湾区产业协作", "推动公共服务共建共享", "增强消费市场保障支撑"],
    ),
    (
        7,
        1,
        "加快教育高质量发展",
        ["推进基础教育优质均衡发展", "促进职业教育提质培优", "推动高等教育内涵发展"],
    ),
    (
        7,
        2,
        "推动文化传承创新",
        ["加强文化遗产保护传承利用", "加快公共文化服务设施建设", "创新公共文化服务运行机制"],
    ),
    (
        7,
        3,
        "推进健康赣州建设",
        ["促进医疗服务高地建设", "提升医疗应急服务能力", "加快中医药传承发展", "推进健康城市建设"],
    ),
    (
        7,
        4,
        "完善社会保障服务体系",
        [
            "着力增加城乡居民收入",
            "健全多层次社会保障体系",
            "完善分层分类的社会救助及福利体系",
            "提升养老托育服务能力水平",
        ],
    ),
    (
        8,
        1,
        "加强红色资源保护",
        ["高标准建设长征国家文化公园(赣州段)", "加强革命遗址保护修复", "推进红色基因保护传承"],
    ),
    (
        8,
        2,
        "弘扬革命历史文化",
        ["推动红色文化产业发展", "广泛开展红色教育培训", "加快构建新时代文明实践体系"],
    ),
    (8, 3, "推动红色旅游高质量发展", ["提升改造红色旅游景区", "推动红色旅游融合发展"]),
    (9, 1, "坚持党的全面领导", []),
    (9, 2, "强化政策支持", ["加大财政金融支持力度", "强化人才支持", "加强用地保障"]),
    (9, 3, "完善实施机制", []),
]

# (number, title, chapter, section, item titles)
BOXES = [
    (1, "创新平台建设重点工程", 3, 1, ["创新平台建设重点工程"]),
    (
        2,
        "现代产业发展提升工程",
        3,
        3,
        ["传统产业转型升级", "战略性新兴产业", "现代服务业", "文旅产业", "数字经济"],
    ),
    (
        3,
        "现代农业重点工程",
        4,
        2,
        [
            "脐橙品质品牌提升工程",
            "蔬菜产业高质量发展工程",
            "富硒农产品品牌建设工程",
            "油茶产业改造升级工程",
            "特色农产品提质增效工程",
        ],
    ),
    (4, "完善城镇功能布局工程", 4, 3, ["中心城区重大市政工程", "开发区改革创新工程", "城乡融合发展工程"]),
    (
        5,
        "生态环保重点工程",
        5,
        3,
        [
            "重金属污染防治工程",
            "绿色矿山修复工程",
            "水生态环境保护与治理工程",
            "森林质量提升工程",
            "生物多样性保护工程",
            "湿地公园建设提升工程",
            "生态文明示范区创建工程",
            "生态产品价值实现机制工程",
        ],
    ),
    (6, "对外开放基础支撑工程", 6, 2, ["铁路", "公路", "机场", "水运", "能源", "水利"]),
    (7, "教育提升工程", 7, 1, ["基础教育", "职业教育", "高等教育"]),
    (8, "健康赣州建设推进工程", 7, 3, ["区域医疗中心建设工程", "公共卫生防控救治能力提升工程"]),
    (
        9,
        "长征国家文化公园(赣州段)建设工程",
        8,
        3,
        ["长征步道建设项目", "长征遗址建设项目", "重点展示园建设项目"],
    ),
]


@pytest.fixture(scope="module")
def plan():
    return read_plan(GANZHOU_PLAN)


def _section(plan, chapter: int, section: int):
    return plan.chapters[chapter - 1].sections[section - 1]


def _task(plan, title: str):
    return next(t for c in plan.chapters for s in c.sections for t in s.tasks if t.title == title)


def _item(plan, box: int, title: str):
    return next(i for i in plan.boxes[box - 1].items if i.title == title)


def test_nine_chapters_numbered_and_titled_as_printed_preface_excluded(plan):
    """ "第 一章 发展基础" has a stray space; 前言 before it is no chapter."""
    assert [(c.number, c.title) for c in plan.chapters] == list(enumerate(CHAPTERS, start=1))


def test_twenty_seven_sections_across_the_nine_chapters(plan):
    """2 + 3 + 3 + 3 + 3 + 3 + 4 + 3 + 3 = 27."""
    assert [len(c.sections) for c in plan.chapters] == [2, 3, 3, 3, 3, 3, 4, 3, 3]
    got = [(c.number, s.number, s.title) for c in plan.chapters for s in c.sections]
    assert got == [(c, s, title) for c, s, title, _ in SECTIONS]


@pytest.mark.parametrize("chapter,section,title,tasks", SECTIONS, ids=[s[2] for s in SECTIONS])
def test_tasks_of_every_section(plan, chapter, section, title, tasks):
    found = _section(plan, chapter, section)
    assert [t.title for t in found.tasks] == tasks
    assert [t.order for t in found.tasks] == list(range(1, len(tasks) + 1))


def test_seventy_nine_tasks_in_all(plan):
    """6+0+0+6+0+3+4+3+4+3+3+4+3+3+4+4+4+3+3+4+4+3+3+2+0+3+0 = 79."""
    assert sum(len(s.tasks) for c in plan.chapters for s in c.sections) == 79


def test_a_task_text_runs_over_wrapped_lines_to_the_end_of_its_paragraph(plan):
    """Lines 385–387: the paragraph wraps twice; the text is the paragraph after its lead phrase."""
    task = _task(plan, "加快航空、水运基础设施建设")
    assert task.text.startswith("大力推进赣州机场综合交通枢纽建设,实施黄金机场三期改扩建工程")
    assert task.text.endswith("完善码头港口等基础设施,加快赣州港五云千吨级货运码头建设。")
    assert task.places == ("赣州市", "瑞金市")


def test_a_line_after_a_full_stop_without_lead_phrase_continues_the_task(plan):
    """Line 284 "加快数字政府建设,…" follows a line ending in 。 but opens with no lead phrase."""
    assert _task(plan, "完善数字基础设施").text.endswith(
        "积极探索数据要素价值实现路径。加快数字政府建设,推进政府履职和政务服务数字化转型。"
    )


def test_a_short_sentence_at_a_wrapped_line_start_is_not_a_new_task(plan):
    """Line 335 "治力度。加大赣州…" follows "…加大松材线虫病防" (no full stop): same paragraph."""
    text = _task(plan, "强化生态系统保护修复").text
    assert "加大松材线虫病防治力度。加大赣州低质低效林改造力度。与广东省签订" in text


def test_split_numbers_and_letter_spacing_are_joined(plan):
    """ "9 .2%" (line 16), "2. 1倍" (line 21) and "加 快 5G 网络" (line 283)."""
    assert "年均增长9.2%,2022年总量达4524亿元" in _task(plan, "经济实力大步跨越").text
    assert _task(plan, "民生福祉明显改善").text.endswith("较2011年增长2.1倍。")
    assert _task(plan, "完善数字基础设施").text.startswith("加快5G网络建设和5G融合应用协调创新")


def test_prose_sections_keep_their_text_as_intro(plan):
    assert _section(plan, 2, 1).intro.startswith("高举中国特色社会主义伟大旗帜")
    goals = _section(plan, 2, 3).intro
    assert "展望到2035年" in goals and goals.endswith("红色文化繁荣的发展新局面。")
    assert "主要发展指标" not in goals  # the table caption is the table's, not the section's
    assert _section(plan, 9, 3).intro.endswith("重大事项及时向省委、省政府报告。")


def test_chapter_intro_is_the_text_before_its_first_section(plan):
    assert plan.chapters[0].intro.endswith("为赣州革命老区高质量发展示范区建设奠定了坚实基础。")
    assert plan.chapters[1].intro == ""
    assert plan.chapters[2].intro.startswith("坚持把发展经济的着力点放在实体经济上")


def test_nine_boxes_with_their_items_and_where_they_stand(plan):
    got = [
        (b.number, b.title, b.chapter_number, b.section_number, [i.title for i in b.items])
        for b in plan.boxes
    ]
    assert got == BOXES


def test_box_six_items_are_exactly_the_six_kinds_of_infrastructure(plan):
    """专栏6 runs over two "|" cells (a page break after 公路)."""
    assert [i.title for i in plan.boxes[5].items] == ["铁路", "公路", "机场", "水运", "能源", "水利"]
    assert plan.boxes[5].items[0].text.endswith("赣龙厦高铁、景鹰瑞铁路等项目前期工作")
    assert plan.boxes[5].items[2].text.startswith("建成赣州黄金机场T1航站楼二期改造工程")


def test_box_six_energy_item_names_its_counties_with_the_ocr_slip_corrected(plan):
    """ "推动信丰电厂…赣县、寻鸟抽水蓄能…宁都、瑞金、信丰、会昌抽水蓄能…": 寻鸟 is 寻乌."""
    assert _item(plan, 6, "能源").places == ("信丰县", "赣县区", "寻乌县", "宁都县", "瑞金市", "会昌县")


def test_box_two_reads_huijing_as_huichang(plan):
    """ "…加快章贡南方区域性医疗器械…、会晶中成药产业园" (line 292)."""
    assert _item(plan, 2, "传统产业转型升级").places == (
        "于都县",
        "宁都县",
        "石城县",
        "瑞金市",
        "兴国县",
        "章贡区",
        "会昌县",
    )


def test_box_without_item_titles_is_one_item_titled_like_the_box(plan):
    (item,) = plan.boxes[0].items
    assert item.title == "创新平台建设重点工程"
    assert item.text.startswith("联合国内优势力量共建稀土新材料国家实验室")
    assert item.text.endswith("加快发展赣南医学转化研究院、赣州智研院等新型研发机构。")
    assert item.places == ("南康区", "于都县", "赣州市")


def test_a_wrapped_list_is_not_taken_for_a_new_item(plan):
    """专栏8: "…赣州市皮肤 / 病医院医疗能力提升工程。" continues an enumeration, not an item."""
    item = _item(plan, 8, "公共卫生防控救治能力提升工程")
    assert "赣州市皮肤病医院医疗能力提升工程。推进大余县人民医院整体搬迁" in item.text
    assert item.places == ("赣州市", "大余县", "上犹县", "蓉江新区")


def test_places_in_box_seven_read_jingzhou_as_ganzhou_development_zone(plan):
    """ "静州经济技术开发区、蓉江新区 定南县、全南县、寻乌县各新建1所特教学校"."""
    assert _item(plan, 7, "基础教育").places == (
        "赣州经济技术开发区",
        "蓉江新区",
        "定南县",
        "全南县",
        "寻乌县",
        "兴国县",
    )


def test_places_of_tasks_in_order_of_first_appearance(plan):
    assert _task(plan, "打造高能级创新平台").places == ("赣州高新技术产业开发区",)
    assert _task(plan, "提升改造红色旅游景区").places == ("瑞金市", "于都县", "寻乌县", "宁都县", "石城县")
    assert _task(plan, "现代产业聚集区").places == ()


def test_box_five_mining_item_reads_xunniao_as_xunwu(plan):
    assert _item(plan, 5, "绿色矿山修复工程").places == (
        "赣州市",
        "定南县",
        "全南县",
        "大余县",
        "兴国县",
        "于都县",
        "寻乌县",
    )


def test_sixty_seven_tasks_in_the_chapters_of_work(plan):
    """79 less the 12 lead phrases of 发展基础 (6, 发展成就) and 总体要求 (6, 战略定位): 67 tasks of work."""
    work = [c for c in plan.chapters if c.number >= 3]
    assert sum(len(s.tasks) for c in work for s in c.sections) == 67
    assert sum(len(b.items) for b in plan.boxes) == 36
