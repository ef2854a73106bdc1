"""Word (.docx) plan documents through python-docx.

Paragraphs are real paragraphs (no wrap inference), tables are real tables:
the indicator table keeps its rows and a vertically merged 类别 cell repeats its
text on every row it spans; a 专栏 box is a table whose first cell begins with
"专栏N", each of its paragraphs a possible item.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from planwatch.documents.errors import PlanReadError
from planwatch.documents.indicator_table import find_header
from planwatch.documents.layout import Block, BoxBlock, Break, Piece, TableBlock, TextLine
from planwatch.documents.normalize import chinese_number, normalize
from planwatch.documents.text_layout import BOX_HEADING


def docx_blocks(path: Path) -> list[Block]:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as problem:
        raise PlanReadError(
            f"无法打开 Word 文件：文件已损坏或不是 .docx 格式（文件 {path.name}）"
        ) from problem
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            blocks.append(TextLine(text, paragraph_start=True) if text else Break())
        elif isinstance(item, Table):
            blocks.extend([Break(), _table(item), Break()])
    return blocks


def _table(table: Table) -> Block:
    rows = tuple(tuple(cell.text.strip() for cell in row.cells) for row in table.rows)
    first = rows[0][0] if rows and rows[0] else ""
    heading = BOX_HEADING.match(first.split("\n")[0])
    if heading and find_header(rows[1:]) is not None:  # "专栏1 主要指标" over an indicator table: its title
        return TableBlock(
            rows=tuple(tuple(normalize(c) for c in row) for row in rows[1:]), title=normalize(first)
        )
    if heading:
        paragraphs = [
            p.text.strip() for row in table.rows for cell in _unique(row.cells) for p in cell.paragraphs
        ]
        content = [p for p in paragraphs if p][1:]
        return BoxBlock(
            number=chinese_number(heading.group(1)) or 0,
            title=normalize(heading.group(2)),
            pieces=tuple(Piece(p, hard=True) for p in content),
        )
    return TableBlock(
        rows=tuple(tuple(normalize(c) for c in row) for row in rows),
    )


def _unique(cells: Iterable[_Cell]) -> list[_Cell]:
    """Merged cells appear once per grid column in python-docx; read each once."""
    seen: list[_Cell] = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen
