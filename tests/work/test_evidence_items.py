"""Evidence is judged by its first bytes; a 专栏 item's text names its projects; background chapters are not work."""

from __future__ import annotations

import pytest

from planwatch.plan import Chapter, Plan, ProjectItem, Section, Task
from planwatch.work.evidence import Refused, check_evidence
from planwatch.work.links import IndicatorWords, propose
from planwatch.work.plan_items import named_projects, work_tasks

PDF, PNG, JPEG = b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n\0\0", b"\xff\xd8\xff\xe0\0\x10JFIF"


@pytest.mark.parametrize(
    "name, head, kind",
    [
        ("批复.pdf", PDF, "pdf"),
        ("现场.PNG", PNG, "png"),
        ("现场.jpeg", JPEG, "jpeg"),
        ("现场.jpg", JPEG, "jpeg"),
    ],
)
def test_allowed_files_pass(name, head, kind):
    assert check_evidence(name, 100, head).kind == kind


@pytest.mark.parametrize(
    "name, head, refused",
    [
        ("批复.pdf", b"PK\x03\x04", Refused("content", "批复.pdf", "pdf")),
        ("批复.pdf", b"MZ\x90\x00", Refused("content", "批复.pdf", "pdf")),
        ("现场.png", PDF, Refused("content", "现场.png", "png")),
        ("说明.docx", b"PK\x03\x04", Refused("type", "说明.docx")),
        ("批复", PDF, Refused("type", "批复")),
    ],
)
def test_files_whose_content_is_not_what_the_name_claims_are_refused(name, head, refused):
    """The check says which rule and what fills its sentence; the page words it in its language."""
    assert check_evidence(name, 100, head) == refused


def test_size_limits():
    """5 MB = 5 × 1024 × 1024 = 5,242,880 bytes; 6 MB = 6,291,456."""
    assert check_evidence("a.pdf", 0, b"") == Refused("empty", "a.pdf")
    assert check_evidence("a.pdf", 6 * 1024 * 1024, PDF) == Refused("size", "a.pdf", "pdf", 6_291_456, 5_242_880)


def test_named_projects_of_a_rail_item():
    item = ProjectItem(
        "铁路",
        "加快建设长赣高铁、瑞梅铁路,推进赣郴永兴铁路、赣韶铁路扩能工程,赣龙厦高铁、景鹰瑞铁路等项目前期工作",
    )
    assert named_projects(item) == [
        "长赣高铁",
        "瑞梅铁路",
        "赣郴永兴铁路",
        "赣韶铁路扩能工程",
        "赣龙厦高铁",
        "景鹰瑞铁路",
    ]


def test_an_item_naming_no_project_is_one_project_under_its_title():
    assert named_projects(ProjectItem("城乡融合发展工程", "推进新型城镇化示范乡镇建设。")) == [
        "城乡融合发展工程"
    ]


def test_background_chapters_are_not_work():
    plan = Plan(
        "示例规划",
        "某市",
        2020,
        2025,
        None,
        chapters=(
            Chapter(1, "发展基础", (Section(1, "成就", (Task("经济实力大步跨越", ""),)),)),
            Chapter(2, "总体要求", (Section(1, "指导思想", (Task("坚持创新驱动", ""),)),)),
            Chapter(
                3,
                "构建现代产业体系",
                (Section(1, "做强制造业", (Task("壮大主导产业", ""), Task("培育新兴产业", ""))),),
            ),
        ),
    )
    assert [(w.number, w.task.title) for w in work_tasks(plan)] == [(1, "壮大主导产业"), (2, "培育新兴产业")]


def test_indicator_links_are_proposed_from_shared_words():
    """森林覆盖率 = {森林, 林覆, 覆盖, 盖率}: all four in the text, 森林 in the title (+1), pillar 生态文明 in the
    chapter title (+1) → 6. 森林蓄积量 shares only 森林: 1 + 1 + 1 = 3. 地区生产总值 shares nothing."""
    indicators = [
        IndicatorWords(1, "森林覆盖率", "生态文明"),
        IndicatorWords(2, "地区生产总值", "综合实力"),
        IndicatorWords(3, "森林蓄积量", "生态文明"),
    ]
    found = propose(
        "提升森林质量", "实施森林质量精准提升工程,提高森林覆盖率", "打造美丽中国 推进生态文明建设", indicators
    )
    assert [(p.indicator_id, p.score) for p in found] == [(1, 6), (3, 3)]
