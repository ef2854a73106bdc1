"""Read a plan document (.txt, .pdf, .docx) into a ``Plan``.

Each format reader turns its file into blocks (``layout``); from there the
indicator table (``indicator_table``), the outline (``outline``) and the title,
region and years (``metadata``) are found the same way for every format.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from planwatch.documents.captions import attach_captions
from planwatch.documents.errors import PlanReadError
from planwatch.documents.gazetteer import Gazetteer, gazetteer_for
from planwatch.documents.headings import MARKDOWN_HEADING
from planwatch.documents.indicator_table import MISSING_TABLE, IndicatorTable, find_header, read_indicators
from planwatch.documents.layout import Block, Break, TableBlock, TextLine
from planwatch.documents.metadata import find_region, find_title, find_vision_year, plan_years
from planwatch.documents.normalize import normalize
from planwatch.documents.outline import build_outline
from planwatch.documents.patterns import YEAR
from planwatch.documents.prose_targets import find_prose_targets
from planwatch.documents.targets import infer_direction, parse_target, strip_references
from planwatch.documents.text_layout import text_blocks
from planwatch.plan.model import Attribute, Direction, Indicator, Pillar, Plan

if TYPE_CHECKING:
    from planwatch.documents.divisions import Division

__all__ = ["MAX_PLAN_FILE_BYTES", "PlanReadError", "read_plan", "read_plan_text"]

# The largest plan document we read: 50 MB. A published plan PDF is a few MB; anything
# bigger is a scan or the wrong file, and reading it would tie up a worker for minutes.
MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024
# Control characters that never occur in text (tab, newline, form feed and return do).
_CONTROL_BYTES = [bytes([code]) for code in range(32) if code not in (9, 10, 12, 13)]


class PlanOverrides(TypedDict, total=False):
    """What the caller knows better than the document (see ``read_plan``)."""

    title: str | None
    region: str | None
    directions: Mapping[str, Direction | str] | None
    gazetteer: Gazetteer | None
    words: tuple[str, ...]


def read_plan(path: str | Path, **overrides: Unpack[PlanOverrides]) -> Plan:
    """Read the plan in ``path``; raises ``PlanReadError`` naming the file and the fault.

    ``title`` and ``region`` override what the document says; ``directions`` maps an
    indicator name to "higher"/"lower" where the inferred direction is wrong; ``words`` are
    qualitative target words of this plan beyond the shipped list. Without ``gazetteer``, places
    are those of the region the title (or issuing body) names.
    """
    path = Path(path)
    return build_plan(_blocks(path), source_name=path.name, **overrides)


def read_plan_text(text: str, *, source_name: str = "", **overrides: Unpack[PlanOverrides]) -> Plan:
    """Read a plan from text already in memory (as extracted from a PDF or pasted)."""
    if not text.strip():
        raise PlanReadError(f"文件为空，没有可读的文字（文件 {source_name or '文本'}）")
    return build_plan(text_blocks(text), source_name=source_name, **overrides)


def _blocks(path: Path) -> list[Block]:
    readers: dict[str, Callable[[Path], list[Block]]] = {
        ".txt": _text_file_blocks,
        ".md": _text_file_blocks,  # Markdown: headings (## 第一章) and pipe tables are read as text
        ".pdf": _pdf,
        ".docx": _docx,
    }
    suffix = path.suffix.lower()
    if suffix not in readers:
        raise PlanReadError(
            f"不支持的文件类型「{path.suffix or '无扩展名'}」：请提供 .txt、.md、.pdf 或 .docx（文件 {path.name}）"
        )
    if not path.is_file():
        raise PlanReadError(f"找不到文件（文件 {path}）")
    size = path.stat().st_size
    if size == 0:
        raise PlanReadError(f"文件为空，没有可读的文字（文件 {path.name}）")
    if size > MAX_PLAN_FILE_BYTES:
        raise PlanReadError(
            f"文件过大：{size:,} 字节，超过上限 {MAX_PLAN_FILE_BYTES // 1024 // 1024} MB（文件 {path.name}）"
        )
    return readers[suffix](path)


def _pdf(path: Path) -> list[Block]:
    from planwatch.documents.pdf import pdf_blocks  # pdfminer is slow to import; only when needed

    return pdf_blocks(path)


def _docx(path: Path) -> list[Block]:
    from planwatch.documents.docx import docx_blocks

    return docx_blocks(path)


def _text_file_blocks(path: Path) -> list[Block]:
    return text_blocks(decode_text(path.read_bytes(), path.name))


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (GBK files are common); refuse binary data."""
    sample = data[:65536]
    controls = sum(sample.count(code) for code in _CONTROL_BYTES)
    if b"\x00" in sample or controls > len(sample) // 100:
        raise PlanReadError(f"不是文本文件：内容含二进制数据，无法按文字读取（文件 {name}）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.strip():
            return text
        raise PlanReadError(f"文件为空，没有可读的文字（文件 {name}）")
    raise PlanReadError(f"无法识别文字编码：既不是 UTF-8 也不是 GBK/GB18030（文件 {name}）")


def build_plan(
    blocks: Sequence[Block],
    *,
    source_name: str,
    title: str | None = None,
    region: str | None = None,
    directions: Mapping[str, Direction | str] | None = None,
    gazetteer: Gazetteer | None = None,
    words: tuple[str, ...] = (),
) -> Plan:
    """Blocks of any format → ``Plan``.

    Targets come from the first indicator table; a document without one is read for targets stated
    in prose (``prose_targets``). Only a document with neither is refused. What was skipped, and
    why, is in ``Plan.warnings``.
    """
    warnings: list[str] = []
    blocks = attach_captions(list(blocks))
    lines = [normalize(b.text) for b in blocks if isinstance(b, TextLine)]
    full_text = normalize(" ".join(lines))
    found = _indicator_table(blocks, source_name, directions, words, warnings)
    caption = found[1] if found else ""
    title = title or find_title(_leading_lines(blocks), full_text, caption, source_name)
    if found is not None:
        table, _, notes = found
    else:
        table, notes = _prose_table(blocks, title, full_text, source_name, directions, words, warnings)
    division = _division(title, _leading_lines(blocks, 12))
    if gazetteer is None:
        gazetteer = gazetteer_for(division.code if division else None)
    outline = build_outline(blocks, gazetteer)
    return Plan(
        title=title,
        region=region or _region_name(title, division, gazetteer),
        base_year=table.base_year,
        target_year=table.target_year,
        vision_year=find_vision_year(full_text, table.target_year),
        pillars=table.pillars,
        indicators=table.indicators,
        chapters=outline.chapters,
        boxes=outline.boxes,
        notes=notes,
        source_name=source_name,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _region_name(title: str, division: Division | None, gazetteer: Gazetteer) -> str:
    """The region as the title prints it: the division's full name when the title has it (白银市…,
    北京市朝阳区… → 朝阳区), else the place name the title begins with (赣州革命老区… → 赣州), else the
    division's name (found from the issuing body)."""
    if division is not None and division.name in title:  # 北京市朝阳区… → 朝阳区
        return division.name
    return find_region(title, gazetteer) or (division.name if division else "")


def _division(title: str, leading: Sequence[str]) -> Division | None:
    """The division the plan is about: from its title, else from its issuing body (…人民政府)."""
    from planwatch.documents.divisions import china

    divisions = china()
    for text in (title, *(line for line in leading if _ISSUER.search(line))):
        found = divisions.region_of(text)
        if found is not None and not _inside_longer_name(text, found):
            return found
    return None


def _inside_longer_name(text: str, division: Division) -> bool:
    """ "白沙湾新区…" names 白沙湾新区, not 白沙 (a county of Hainan): the name runs on to a place suffix."""
    for name in (division.name, division.short_name):
        at = text.find(name)
        if at >= 0:
            return name != division.name and bool(_RUNS_ON.match(text, at + len(name)))
    return False


_RUNS_ON = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:新区|县|市|镇|乡|街道|村)")
_ANY_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)\s*年")
_ISSUER = re.compile(r"人民政府|人民代表大会|委员会|办公厅|办公室|发展和改革|发改委|政府")


def _leading_lines(blocks: Sequence[Block], count: int = 5) -> list[str]:
    """The document's first few lines of text, where a title line would be printed."""
    lines = [
        MARKDOWN_HEADING.sub("", normalize(b.text))
        for b in blocks[: max(12, count * 2)]
        if isinstance(b, TextLine)
    ]
    return [line for line in lines if line][:count]


def _indicator_table(
    blocks: Sequence[Block],
    source_name: str,
    directions: Mapping[str, Direction | str] | None,
    words: tuple[str, ...] = (),
    warnings: list[str] | None = None,
) -> tuple[IndicatorTable, str, tuple[str, ...]] | None:
    """The first table with an indicator header and at least one indicator row (None if there is none)."""
    warnings = warnings if warnings is not None else []
    tables = [(i, b) for i, b in enumerate(blocks) if isinstance(b, TableBlock)]
    for require_attribute in (True, False):  # a table with a 属性 column first, then any indicator table
        found = _first_table(blocks, tables, source_name, directions, words, warnings, require_attribute)
        if found is not None:
            if not require_attribute:
                warnings.append("主要指标表没有「属性」列：各项指标按预期性读入")
            return found
    return None


def _first_table(
    blocks: Sequence[Block],
    tables: list[tuple[int, TableBlock]],
    source_name: str,
    directions: Mapping[str, Direction | str] | None,
    words: tuple[str, ...],
    warnings: list[str],
    require_attribute: bool,
) -> tuple[IndicatorTable, str, tuple[str, ...]] | None:
    for position, (_, table) in enumerate(tables):
        found = find_header(table.rows, require_attribute=require_attribute)
        if found is None:
            continue
        header, body_start = found
        if header.base_year is None or header.target_year is None:
            warnings.append(
                f"跳过表格「{table.title or ' | '.join(header.cells)[:40]}」：表头没有写明基期年和目标年"
                "（如「2020年」「2025年」）"
            )
            continue
        rows, notes = _joined_rows(blocks, tables[position:], body_start, header.width)
        result = read_indicators(
            rows,
            header,
            base_year=header.base_year,
            target_year=header.target_year,
            directions=directions,
            notes=notes,
            words=words,
            warnings=warnings,
        )
        if result.indicators:
            return result, table.title, notes
        warnings.append(f"跳过表格「{table.title or ' | '.join(header.cells)[:40]}」：没有可读的指标行")
    return None


def _prose_table(
    blocks: Sequence[Block],
    title: str,
    full_text: str,
    source_name: str,
    directions: Mapping[str, Direction | str] | None,
    words: tuple[str, ...],
    warnings: list[str],
) -> tuple[IndicatorTable, tuple[str, ...]]:
    """Targets stated in prose, as an indicator table; refuses only a document with none."""
    stated = find_prose_targets(blocks, warnings)
    if not stated:
        for warning in warnings:
            if warning.startswith("跳过表格"):
                raise PlanReadError(f"{MISSING_TABLE}；{warning}（文件 {source_name or '文本'}）")
        raise PlanReadError(f"{MISSING_TABLE}（文件 {source_name or '文本'}）")
    warnings.append(f"没有主要指标表：从正文读出 {len(stated)} 项目标（每项附原句）")
    try:
        base_year, target_year = plan_years(title, full_text)
    except PlanReadError:
        years = [int(y) for y in _ANY_YEAR.findall(strip_references(full_text))]
        if not years:
            raise
        target_year = max(years)
        base_year = target_year - 1
        warnings.append(f"标题没有写明规划年份：目标年取正文中最晚的年份 {target_year} 年")
    pillars: list[Pillar] = []
    indicators: list[Indicator] = []
    for order, item in enumerate(stated, start=1):
        if all(p.name != item.category for p in pillars):
            pillars.append(Pillar(name=item.category, order=len(pillars) + 1))
        target = parse_target(item.cell, year=target_year, name=item.name, words=words)
        target = replace(target, text=item.text)
        indicators.append(
            Indicator(
                code=f"I{order:02d}",
                name=item.name,
                unit=item.unit,
                pillar=item.category,
                attribute=Attribute.EXPECTED,
                direction=infer_direction(item.name, target, None, directions),
                target=target,
                order=order,
                source=item.sentence,
            )
        )
    return IndicatorTable(base_year, target_year, tuple(pillars), tuple(indicators)), ()


def _joined_rows(
    blocks: Sequence[Block], tables: Sequence[tuple[int, TableBlock]], body_start: int, width: int
) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    """Body rows of the first table and of the tables that continue it on later pages."""
    (index, first), *followers = tables
    rows, notes = list(first.rows[body_start:]), list(first.notes)
    for next_index, follower in followers:
        if not _continues(blocks, index, next_index, follower, width):
            break
        rows.extend(follower.rows)
        notes.extend(follower.notes)
        index = next_index
    return rows, tuple(notes)


def _continues(blocks: Sequence[Block], end: int, start: int, table: TableBlock, width: int) -> bool:
    """A table continues the previous one across a page break: same width, nothing but breaks between."""
    between = blocks[end + 1 : start]
    return all(isinstance(b, Break) for b in between) and bool(table.rows) and len(table.rows[0]) == width
