"""PDF plan documents through pdfplumber.

Ruled tables come from pdfplumber's table finder (the indicator table, and 专栏
boxes drawn as one-cell tables); the text outside them is read line by line, as
printed, and goes through the same rules as plain text (``text_layout``), so a
PDF without ruled tables (cells one per line, columns separated by spaces) is
read like its text extraction.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from planwatch.documents.errors import PlanReadError
from planwatch.documents.layout import Block, BoxBlock, Break, Piece, TableBlock
from planwatch.documents.normalize import chinese_number, normalize
from planwatch.documents.text_layout import BOX_HEADING, text_blocks


def pdf_blocks(path: Path) -> list[Block]:
    try:
        with pdfplumber.open(path) as pdf:
            blocks = [block for page in pdf.pages for block in _page_blocks(page)]
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError) as problem:
        raise PlanReadError(
            f"无法读取 PDF 文件：文件已损坏或不是 PDF（文件 {path.name}）：{problem}"
        ) from problem
    if not any(isinstance(b, TableBlock | BoxBlock) or getattr(b, "text", "") for b in blocks):
        raise PlanReadError(f"PDF 中没有可提取的文字，可能是扫描件（文件 {path.name}）")
    return blocks


def _page_blocks(page) -> list[Block]:
    """A page's text lines and tables in reading order (top to bottom)."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, list[Block]]] = []
    for line in page.filter(outside).extract_text_lines():
        placed.append((line["top"], [line["text"]]))  # type: ignore[list-item]
    for table in tables:
        placed.append((table.bbox[1], _table_blocks(table.extract())))
    placed.sort(key=lambda item: item[0])
    return _resolve(placed)


def _resolve(placed: list[tuple[float, list]]) -> list[Block]:
    """Text lines go through the plain-text rules together; tables stay as they are."""
    blocks: list[Block] = []
    pending: list[str] = []
    for _, parts in placed:
        if parts and isinstance(parts[0], str):
            pending.extend(parts)
            continue
        blocks.extend(text_blocks("\n".join(pending)))
        pending = []
        blocks.extend(parts)
    blocks.extend(text_blocks("\n".join(pending)))
    return blocks


def _table_blocks(rows: list[list[str | None]]) -> list[Block]:
    cells = [tuple((cell or "").strip() for cell in row) for row in rows if row]
    if not cells:
        return [Break()]
    first = cells[0][0]
    if heading := BOX_HEADING.match(first.split("\n")[0]):
        return [Break(), _box(heading, cells), Break()]
    flat = tuple(tuple(normalize(c) for c in row) for row in cells)
    return [Break(), TableBlock(rows=flat), Break()]


def _box(heading, cells: list[tuple[str, ...]]) -> BoxBlock:
    """A 专栏 drawn as a table: its heading is the first line of the first cell, the rest is content."""
    lines = [line for row in cells for cell in row if cell for line in cell.split("\n")]
    content = lines[1:]
    return BoxBlock(
        number=chinese_number(heading.group(1)) or 0,
        title=normalize(heading.group(2)),
        pieces=tuple(Piece(line) for line in content if line.strip()),
    )
