"""Read a plan document (.txt, .pdf, .docx) into a ``Plan``.

Each format reader turns its file into blocks (``layout``); from there the
indicator table (``indicator_table``), the outline (``outline``) and the title,
region and years (``metadata``) are found the same way for every format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from planwatch.documents.captions import attach_captions
from planwatch.documents.errors import PlanReadError
from planwatch.documents.gazetteer import Gazetteer, load_gazetteer
from planwatch.documents.indicator_table import MISSING_TABLE, IndicatorTable, find_header, read_indicators
from planwatch.documents.layout import Block, Break, TableBlock, TextLine
from planwatch.documents.metadata import find_region, find_title, find_vision_year
from planwatch.documents.normalize import normalize
from planwatch.documents.outline import build_outline
from planwatch.documents.text_layout import text_blocks
from planwatch.plan.model import Direction, Plan

__all__ = ["MAX_PLAN_FILE_BYTES", "PlanReadError", "read_plan", "read_plan_text"]

# The largest plan document we read: 50 MB. A published plan PDF is a few MB; anything
# bigger is a scan or the wrong file, and reading it would tie up a worker for minutes.
MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024
# Control characters that never occur in text (tab, newline, form feed and return do).
_CONTROL_BYTES = [bytes([code]) for code in range(32) if code not in (9, 10, 12, 13)]


def read_plan(
    path: str | Path,
    *,
    title: str | None = None,
    region: str | None = None,
    directions: Mapping[str, Direction | str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> Plan:
    """Read the plan in ``path``; raises ``PlanReadError`` naming the file and the fault.

    ``title`` and ``region`` override what the document says; ``directions`` maps an
    indicator name to "higher"/"lower" where the inferred direction is wrong.
    """
    path = Path(path)
    blocks = _blocks(path)
    return build_plan(
        blocks, source_name=path.name, title=title, region=region, directions=directions, gazetteer=gazetteer
    )


def read_plan_text(
    text: str,
    *,
    source_name: str = "",
    title: str | None = None,
    region: str | None = None,
    directions: Mapping[str, Direction | str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> Plan:
    """Read a plan from text already in memory (as extracted from a PDF or pasted)."""
    if not text.strip():
        raise PlanReadError(f"文件为空，没有可读的文字（文件 {source_name or '文本'}）")
    return build_plan(
        text_blocks(text),
        source_name=source_name,
        title=title,
        region=region,
        directions=directions,
        gazetteer=gazetteer,
    )


def _blocks(path: Path) -> list[Block]:
    readers: dict[str, Callable[[Path], list[Block]]] = {
        ".txt": _text_file_blocks,
        ".pdf": _pdf,
        ".docx": _docx,
    }
    suffix = path.suffix.lower()
    if suffix not in readers:
        raise PlanReadError(
            f"不支持的文件类型「{path.suffix or '无扩展名'}」：请提供 .txt、.pdf 或 .docx（文件 {path.name}）"
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
) -> Plan:
    """Blocks of any format → ``Plan``."""
    gazetteer = gazetteer or load_gazetteer()
    blocks = attach_captions(list(blocks))
    table, caption, notes = _indicator_table(blocks, source_name, directions)
    outline = build_outline(blocks, gazetteer)
    lines = [normalize(b.text) for b in blocks if isinstance(b, TextLine)]
    full_text = normalize(" ".join(lines))
    title = title or find_title(_leading_lines(blocks), full_text, caption, source_name)
    return Plan(
        title=title,
        region=region or find_region(title, gazetteer),
        base_year=table.base_year,
        target_year=table.target_year,
        vision_year=find_vision_year(full_text, table.target_year),
        pillars=table.pillars,
        indicators=table.indicators,
        chapters=outline.chapters,
        boxes=outline.boxes,
        notes=notes,
        source_name=source_name,
    )


def _leading_lines(blocks: Sequence[Block]) -> list[str]:
    """The document's first few lines of text, where a title line would be printed."""
    lines = [normalize(b.text) for b in blocks[:12] if isinstance(b, TextLine)]
    return [line for line in lines if line][:5]


def _indicator_table(
    blocks: Sequence[Block], source_name: str, directions: Mapping[str, Direction | str] | None
) -> tuple[IndicatorTable, str, tuple[str, ...]]:
    """The first table with an indicator header and at least one indicator row."""
    tables = [(i, b) for i, b in enumerate(blocks) if isinstance(b, TableBlock)]
    for position, (_, table) in enumerate(tables):
        found = find_header(table.rows)
        if found is None:
            continue
        header, body_start = found
        if header.base_year is None or header.target_year is None:
            raise PlanReadError(
                f"主要指标表的表头没有写明基期年和目标年（如「2020年」「2025年」）（文件 {source_name}）"
            )
        rows, notes = _joined_rows(blocks, tables[position:], body_start, header.width)
        result = read_indicators(
            rows, header, base_year=header.base_year, target_year=header.target_year, directions=directions
        )
        if result.indicators:
            return result, table.title, notes
    raise PlanReadError(f"{MISSING_TABLE}（文件 {source_name or '文本'}）")


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
