"""The plan as the document states it.

Every reader (text, PDF, DOCX) produces these objects and every writer (web,
API, reports) consumes them, so a new format is one new module, never a new
vocabulary. Values are kept as the plan prints them (亿元 stays 亿元); unit
conversion happens where observations are imported, not here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from enum import StrEnum


class Attribute(StrEnum):
    """属性: 预期性 targets guide; 约束性 targets bind and raise 预警 when missed."""

    EXPECTED = "预期性"
    BINDING = "约束性"


class Direction(StrEnum):
    """Which way is progress. Reduction rates (降幅) are 'higher' too: a bigger cut is better."""

    HIGHER = "higher"
    LOWER = "lower"


class TargetKind(StrEnum):
    """How a target cell is to be read; see docs/evaluation.md for the rule of each."""

    LEVEL = "level"  # reach a value: 5500
    ABOUT = "about"  # a value with a tolerance: 52左右
    ANNUAL_GROWTH = "annual_growth"  # an average yearly rate: 年均7.5左右
    CUMULATIVE_REDUCTION = "cumulative_reduction"  # 累计降低13.5% / 〔13.5〕 on a 降低 indicator
    CUMULATIVE = "cumulative"  # a five-year total: 〔5500〕 on a 新增 indicator
    FLOOR = "floor"  # must hold every year: 耕地保有量 536.86, >95
    QUALITATIVE = "qualitative"  # 稳中有升 / 保持稳定 / 量稳质升
    ASSIGNED = "assigned"  # binding figure set later by the province (按省下达任务执行)
    UNSPECIFIED = "unspecified"  # an expected indicator the plan monitors without a figure


QUALITATIVE_WORDS = ("稳中有升", "保持稳定", "量稳质升")


@dataclass(frozen=True)
class Target:
    """What the plan wants of an indicator by ``year``.

    ``text`` is the cell as printed (normalised spaces only); ``value`` is the
    number in it where there is one; ``qualifier`` keeps 左右/以上 and
    ``strict`` marks '>' (above, not at) for floors.
    """

    kind: TargetKind
    text: str
    year: int
    value: float | None = None
    qualifier: str = ""
    strict: bool = False


@dataclass(frozen=True)
class Pillar:
    """类别: a group of indicators, e.g. 综合实力 or 现代产业聚集区."""

    name: str
    order: int


@dataclass(frozen=True)
class Indicator:
    """A row of the main-indicator table."""

    code: str  # stable within a plan: "I01" … in table order
    name: str
    unit: str
    pillar: str
    attribute: Attribute
    direction: Direction
    target: Target
    baseline: float | None = None
    baseline_year: int | None = None
    baseline_text: str = ""
    order: int = 0
    source: str = ""  # the sentence a target stated in prose came from ("" for a table row)

    @property
    def label(self) -> str:
        return f"{self.name}({self.unit})" if self.unit else self.name


@dataclass(frozen=True)
class Passage:
    """A titled passage of the plan's text with the places it names: a task or a 专栏 item."""

    title: str
    text: str
    places: tuple[str, ...] = ()
    order: int = 0


@dataclass(frozen=True)
class Task(Passage):
    """A line of work: the lead phrase that opens a paragraph and the paragraph's text."""


@dataclass(frozen=True)
class ProjectItem(Passage):
    """One item of a 专栏 box (专栏6's 铁路, 公路, 机场 …) with the places it names."""


@dataclass(frozen=True)
class Heading:
    """A numbered heading of the plan with its title: 第三章, 第二节, 专栏6 (as ``web.plans.models.Heading``)."""

    number: int
    title: str


@dataclass(frozen=True)
class ProjectBox(Heading):
    """专栏: a box of key projects printed inside a section."""

    items: tuple[ProjectItem, ...] = ()
    chapter_number: int | None = None
    section_number: int | None = None


@dataclass(frozen=True)
class Section(Heading):
    """节: its tasks, and the text before the first of them."""

    tasks: tuple[Task, ...] = ()
    intro: str = ""


@dataclass(frozen=True)
class Chapter(Heading):
    """章: its sections, and the text before the first of them."""

    sections: tuple[Section, ...] = ()
    intro: str = ""


@dataclass(frozen=True)
class Plan:
    """One planning document, fully structured."""

    title: str
    region: str
    base_year: int
    target_year: int
    vision_year: int | None
    pillars: tuple[Pillar, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    boxes: tuple[ProjectBox, ...] = ()
    notes: tuple[str, ...] = ()
    source_name: str = ""
    warnings: tuple[str, ...] = ()  # what the reader skipped and why; not part of the content

    def indicator(self, name: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.name == name:
                return indicator
        raise KeyError(name)

    def to_dict(self) -> dict:
        """Plain JSON-ready data; enums become their values."""
        return json.loads(json.dumps(asdict(self), ensure_ascii=False, default=str))

    def fingerprint(self) -> str:
        """A digest of the structured content: same document, same plan, same digest.

        The source file name is left out so that a renamed copy is not a new version.
        """
        data = self.to_dict()
        data.pop("source_name", None)
        data.pop("warnings", None)
        for row in data["indicators"]:
            if not row.get("source"):
                row.pop("source", None)  # digests of plans read before the field existed stay the same
        blob = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()


def plan_from_dict(data: dict) -> Plan:
    """Rebuild a Plan from ``Plan.to_dict()`` output (the JSON the CLI prints)."""
    indicators = tuple(
        Indicator(
            **{
                **row,
                "attribute": Attribute(row["attribute"]),
                "direction": Direction(row["direction"]),
                "target": Target(**{**row["target"], "kind": TargetKind(row["target"]["kind"])}),
            }
        )
        for row in data.get("indicators", [])
    )
    chapters = tuple(
        Chapter(
            number=c["number"],
            title=c["title"],
            intro=c.get("intro", ""),
            sections=tuple(
                Section(
                    number=s["number"],
                    title=s["title"],
                    intro=s.get("intro", ""),
                    tasks=tuple(Task(**{**t, "places": tuple(t.get("places", ()))}) for t in s["tasks"]),
                )
                for s in c["sections"]
            ),
        )
        for c in data.get("chapters", [])
    )
    boxes = tuple(
        ProjectBox(
            number=b["number"],
            title=b["title"],
            chapter_number=b.get("chapter_number"),
            section_number=b.get("section_number"),
            items=tuple(ProjectItem(**{**i, "places": tuple(i.get("places", ()))}) for i in b["items"]),
        )
        for b in data.get("boxes", [])
    )
    return Plan(
        title=data["title"],
        region=data["region"],
        base_year=data["base_year"],
        target_year=data["target_year"],
        vision_year=data.get("vision_year"),
        pillars=tuple(Pillar(**p) for p in data.get("pillars", [])),
        indicators=indicators,
        chapters=chapters,
        boxes=boxes,
        notes=tuple(data.get("notes", ())),
        source_name=data.get("source_name", ""),
        warnings=tuple(data.get("warnings", ())),
    )
