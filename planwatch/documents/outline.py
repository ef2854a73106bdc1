"""Chapters, sections, tasks and 专栏 boxes from the blocks of a plan document.

Rules (the same for every format):

* 第X章 opens a chapter and 第X节 a section (Chinese or Arabic numerals, stray
  spaces allowed); text before the first chapter (前言) belongs to no chapter.
  A heading is recognised only where a paragraph may begin.
* A paragraph begins where the format says so (DOCX, a blank line) or, in
  wrapped PDF text, at a line that follows a line ending a sentence (。!?)
  *and* opens with a lead phrase: a short phrase without commas ending in "。"
  ("打造高能级创新平台。"). Any other line continues the paragraph.
* Each lead-phrase paragraph of a section is a task: its title is the lead
  phrase, its text the rest of the paragraph. The rule is structural, so the
  lead-phrase paragraphs of 发展成就 and 战略定位 are tasks too; sections
  written as prose (指导思想, 发展目标, 完善实施机制) have no tasks and keep
  their text as the section's intro. Text before a section's first lead phrase
  is its intro; a later paragraph without a lead phrase joins the task before it.
* Text between a chapter heading and its first section is the chapter's intro.
  A chapter with no sections whose paragraphs have lead phrases gets one section
  numbered 0, titled like the chapter, to hold its tasks.
* A box is recorded with the chapter and section in which it stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planwatch.documents.boxes import split_items
from planwatch.documents.gazetteer import Gazetteer
from planwatch.documents.headings import (
    ARTICLE,
    CHAPTER,
    CN_HEADING,
    CN_SUBHEADING,
    MARKDOWN_HEADING,
    PART,
    PLAIN_HEADING,
    SECTION,
    lead_phrase,
)
from planwatch.documents.layout import Block, BoxBlock, Break, TableBlock, TextLine
from planwatch.documents.normalize import chinese_number, ends_paragraph, normalize
from planwatch.plan.model import Chapter, ProjectBox, ProjectItem, Section, Task


@dataclass
class _Section:
    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class _Chapter:
    number: int
    title: str
    intro: list[str] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)
    by_jie: bool = False


@dataclass(frozen=True)
class Outline:
    chapters: tuple[Chapter, ...]
    boxes: tuple[ProjectBox, ...]
    preface: str


class _Builder:
    """Walks the blocks once, keeping the open paragraph and where in the outline it is."""

    def __init__(self, gazetteer: Gazetteer, numbered_chapters: bool = True) -> None:
        self.gazetteer = gazetteer
        # Without any 第X章, "一、" headings are the chapters and "(一)" headings their sections.
        self.numbered_chapters = numbered_chapters
        self.chapters: list[_Chapter] = []
        self.preface: list[str] = []
        self.boxes: list[ProjectBox] = []
        self.lines: list[str] = []
        self.at_break = True
        self.sentence_ended = True

    def feed(self, block: Block) -> None:
        if isinstance(block, TextLine):
            self._line(block)
        elif isinstance(block, BoxBlock):
            self._flush()
            self.boxes.append(self._box(block))
        elif isinstance(block, Break | TableBlock):
            self._flush()

    def _line(self, line: TextLine) -> None:
        text = MARKDOWN_HEADING.sub("", normalize(line.text))
        if not text:
            self._flush()
            return
        may_open = self.at_break or self.sentence_ended or bool(line.paragraph_start)
        if may_open and self._heading(text):
            return
        opens = line.paragraph_start or (
            line.paragraph_start is None
            and (self.at_break or (self.sentence_ended and (lead_phrase(text) or ARTICLE.match(text))))
        )
        if opens:
            self._flush()
        self.lines.append(text)
        self.at_break = False
        self.sentence_ended = ends_paragraph(text)

    def _heading(self, text: str) -> bool:
        if (match := CHAPTER.match(text)) and (number := chinese_number(match.group(1))):
            self._flush()
            self.chapters.append(_Chapter(number, match.group("title").strip()))
        elif (match := SECTION.match(text)) and self.chapters and (number := chinese_number(match.group(1))):
            self._flush()
            self.chapters[-1].sections.append(_Section(number, match.group("title").strip()))
            self.chapters[-1].by_jie = True
        elif PART.match(text) or PLAIN_HEADING.match(text):
            self._flush()
        elif (match := CN_HEADING.match(text)) and not self.numbered_chapters:
            self._flush()
            self.chapters.append(_Chapter(chinese_number(match.group(1)) or 0, match.group("title").strip()))
            self._rest(match.group("rest"))
        elif (match := CN_SUBHEADING.match(text)) and self.chapters and not self._has_sections_by_number():
            self._flush()
            self.chapters[-1].sections.append(
                _Section(chinese_number(match.group(1)) or 0, match.group("title").strip())
            )
            self._rest(match.group("rest"))
        else:
            return False
        return True

    def _rest(self, rest: str | None) -> None:
        """The first sentence after a run-on heading ("(一)指导思想。以…") opens a paragraph."""
        if rest and rest.strip():
            self.lines.append(rest.strip())
            self.at_break = False
            self.sentence_ended = ends_paragraph(rest)

    def _has_sections_by_number(self) -> bool:
        """The open chapter has 第X节 sections (then "(一)" is a list inside a section, not a heading)."""
        return bool(self.chapters[-1].sections) and getattr(self.chapters[-1], "by_jie", False)

    def _flush(self) -> None:
        if self.lines:
            paragraph = normalize(" ".join(self.lines))
            self._container().append(paragraph)
        self.lines = []
        self.at_break = True
        self.sentence_ended = True

    def _container(self) -> list[str]:
        if not self.chapters:
            return self.preface
        chapter = self.chapters[-1]
        return chapter.sections[-1].paragraphs if chapter.sections else chapter.intro

    def _box(self, block: BoxBlock) -> ProjectBox:
        chapter = self.chapters[-1] if self.chapters else None
        section = chapter.sections[-1] if chapter and chapter.sections else None
        items = tuple(
            ProjectItem(title=title, text=text, places=self.gazetteer.find(f"{title}{text}"), order=order)
            for order, (title, text) in enumerate(split_items(block.pieces, block.title), start=1)
        )
        return ProjectBox(
            number=block.number,
            title=block.title,
            items=items,
            chapter_number=chapter.number if chapter else None,
            section_number=section.number if section else None,
        )

    def outline(self) -> Outline:
        self._flush()
        chapters = tuple(self._chapter(c) for c in self.chapters)
        return Outline(chapters=chapters, boxes=tuple(self.boxes), preface="\n".join(self.preface))

    def _chapter(self, chapter: _Chapter) -> Chapter:
        sections = tuple(self._section(s) for s in chapter.sections)
        intro = chapter.intro
        if not sections and any(lead_phrase(p) or ARTICLE.match(p) for p in intro):
            own = self._section(_Section(0, chapter.title, intro))
            return Chapter(number=chapter.number, title=chapter.title, sections=(own,), intro=own.intro)
        return Chapter(number=chapter.number, title=chapter.title, sections=sections, intro="\n".join(intro))

    def _section(self, section: _Section) -> Section:
        intro, tasks = split_tasks(section.paragraphs, self.gazetteer)
        return Section(number=section.number, title=section.title, tasks=tasks, intro=intro)


def split_tasks(paragraphs: Iterable[str], gazetteer: Gazetteer) -> tuple[str, tuple[Task, ...]]:
    """A section's paragraphs → (intro, tasks); see the module docstring."""
    intro: list[str] = []
    drafts: list[list[str]] = []
    for paragraph in paragraphs:
        lead = lead_phrase(paragraph)
        if article := ARTICLE.match(paragraph):
            rest = article.group("rest").strip()
            inner = lead_phrase(rest)
            lead = inner if inner and inner[1] else (f"第{article.group(1)}条", rest)
        if lead is not None:
            drafts.append(list(lead))
        elif drafts:
            drafts[-1][1] = f"{drafts[-1][1]}\n{paragraph}".strip()
        else:
            intro.append(paragraph)
    tasks = tuple(
        Task(title=title, text=text, places=gazetteer.find(f"{title}{text}"), order=order)
        for order, (title, text) in enumerate(drafts, start=1)
    )
    return "\n".join(intro), tasks


def build_outline(blocks: Iterable[Block], gazetteer: Gazetteer) -> Outline:
    blocks = list(blocks)
    numbered = any(
        isinstance(b, TextLine) and CHAPTER.match(MARKDOWN_HEADING.sub("", normalize(b.text))) for b in blocks
    )
    builder = _Builder(gazetteer, numbered_chapters=numbered)
    for block in blocks:
        builder.feed(block)
    return builder.outline()
