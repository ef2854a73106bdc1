"""Which parts of a parsed plan are work to hand out: its tasks and the named projects of its 专栏.

A plan's first chapters (发展基础, 总体要求) describe achievements and principles; their paragraphs
open with a lead phrase like a task's but nobody is assigned to "经济实力大步跨越". The chapter words
are a setting (``NON_WORK_CHAPTER_WORDS``), not a chapter number, so another plan's layout works too.

A 专栏 item (专栏6 · 铁路) names its projects in running text: "加快建设长赣高铁、瑞梅铁路,推进赣郴永兴
铁路、赣韶铁路扩能工程,赣龙厦高铁、景鹰瑞铁路等项目前期工作". ``named_projects`` cuts the text at
clause marks and 、, drops the verbs in front (加快建设, 推进 …) and the tails behind (等项目前期工作 …),
and keeps what ends like a project (铁路, 工程, 机场 …). An item that names none is one project under
its own title (城乡融合发展工程).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from planwatch.plan import Plan, ProjectBox, ProjectItem, Task
from planwatch.work.settings import setting

_CLAUSE = re.compile(r"[。;;,,::]")
_LEADS = (
    "力争早日开工建设",
    "力争开工建设",
    "加快推进",
    "加快建设",
    "加快实施",
    "重点推进",
    "重点建设",
    "积极推动",
    "规划建设",
    "建成投运",
    "开工建设",
    "改造提升",
    "争设",
    "建成",
    "推动",
    "推进",
    "新建",
    "建设",
    "实施",
    "支持",
    "开展",
    "打造",
    "加快",
    "创建",
    "完成",
    "启动",
    "谋划",
    "续建",
    "整治",
    "联合国内优势力量共建",
    "重组设立",
    "共建",
    "设立",
    "以及",
    "鼓励",
    "发展",
)
_TAILS = (
    "等项目前期工作",
    "等项目建设",
    "等重点项目",
    "等重大项目",
    "等项目",
    "等前期工作",
    "前期工作",
    "等工程",
    "等建设",
    "项目建设",
    "等",
)
PROJECT_ENDINGS = (
    "工程",
    "项目",
    "铁路",
    "高铁",
    "高速",
    "公路",
    "机场",
    "航站楼",
    "码头",
    "枢纽",
    "电站",
    "电厂",
    "水库",
    "灌区",
    "基地",
    "产业园",
    "园区",
    "中心",
    "医院",
    "实验室",
    "大道",
    "港区",
    "联络线",
    "公园",
    "街区",
    "步道",
    "旧址群",
    "展示园",
    "管道",
    "研究院",
    "学院",
)
MAX_NAME = 40


@dataclass(frozen=True)
class WorkTask:
    """A task of the plan that units are assigned to, numbered 1… in plan order (the sheet's 序号)."""

    number: int
    chapter_number: int
    section_number: int
    order: int
    task: Task


def work_tasks(plan: Plan) -> list[WorkTask]:
    words = setting("NON_WORK_CHAPTER_WORDS")
    out: list[WorkTask] = []
    for chapter in plan.chapters:
        if any(word in chapter.title for word in words):
            continue
        for section in chapter.sections:
            for task in section.tasks:
                out.append(WorkTask(len(out) + 1, chapter.number, section.number, task.order, task))
    return out


def _strip_lead(clause: str) -> str:
    changed = True
    while changed:
        changed = False
        for lead in _LEADS:
            if clause.startswith(lead) and len(clause) > len(lead):
                clause, changed = clause[len(lead) :], True
                break
    return clause


def _strip_tail(name: str) -> str:
    for tail in _TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)]
    return name


def _is_project(name: str) -> bool:
    balanced = name.count("(") == name.count(")") and name.count("(") == name.count(")")
    return (
        3 <= len(name) <= MAX_NAME
        and name.endswith(PROJECT_ENDINGS)
        and balanced
        and not name.startswith("一批")
    )


def named_projects(item: ProjectItem) -> list[str]:
    """The project names an item's text lists, in order, each once; the item's title when none."""
    names: list[str] = []
    for clause in _CLAUSE.split(item.text):
        clause = _strip_lead(clause.strip())
        for part in clause.split("、"):
            name = _strip_tail(_strip_lead(part.strip()))
            if _is_project(name) and name not in names:
                names.append(name)
    return names or [item.title]


@dataclass(frozen=True)
class NamedProject:
    box: ProjectBox
    item: ProjectItem
    name: str
    order: int


def plan_projects(plan: Plan) -> list[NamedProject]:
    out: list[NamedProject] = []
    for box in plan.boxes:
        for item in box.items:
            out.extend(
                NamedProject(box, item, name, i) for i, name in enumerate(named_projects(item), start=1)
            )
    return out


def first_place(places: Iterable[str], county_names: set[str]) -> str | None:
    """The first county-level place an item names, for a project's 所在县(市、区) default."""
    return next((p for p in places if p in county_names), None)
