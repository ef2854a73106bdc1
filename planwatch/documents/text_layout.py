"""Plain text (and text extracted from PDF) into blocks.

Three kinds of table are recognised in text:

* cells one per line, each ending in " |" (what a PDF-to-text tool gives for a
  ruled table): the main-indicator table, and 专栏 boxes whose heading line
  ("专栏1:创新平台建设重点工程 |") is followed by content cells;
* columns separated by tabs or runs of two or more spaces, one row per line.

Everything else is running text. A line that is only a page number is dropped.
A table's caption and notes are attached later, for every format alike (``captions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from planwatch.documents.headings import is_heading
from planwatch.documents.indicator_table import GROUP_ROW, ROW_NUMBER, Header, column_role, match_header
from planwatch.documents.layout import Block, BoxBlock, Break, Piece, TableBlock, TextLine
from planwatch.documents.normalize import CN_NUMERAL_CHARS, chinese_number, normalize, squeeze

# OCR reads the colon after 专栏N as ";" or "、" now and then ("专栏3;现代农业重点工程").
BOX_HEADING = re.compile(rf"^\s*专\s*栏\s*([0-9{CN_NUMERAL_CHARS}]+)\s*[:：;；、.．]?\s*(.*?)\s*\|?\s*$")
PAGE_NUMBER = re.compile(r"^[\s\-—–－]*(?:第\s*)?\d{1,4}\s*(?:页)?[\s\-—–－]*$")
_COLUMNS = re.compile(r"\t+|\s{2,}|\u3000+")
# A table cell wrapped over lines: at most this many lines, each at most this long.
MAX_WRAPPED_CELL_LINES = 3
MAX_WRAPPED_CELL_CHARS = 24
_EXTRA_HEADER_CELLS = frozenset({"单位", "计量单位", "序号", "备注"})


# A Markdown pipe table row: "| 指标 | 2022年 | 2035年 | 属性 |" (three cells or more).
MARKDOWN_ROW = re.compile(r"^\s*\|(?:[^|]*\|){3,}\s*$")
_MARKDOWN_RULE = re.compile(r"^[\s|:\-—]+$")
# A line that can be one cell of a table printed one cell per line (short, not a sentence).
MAX_BARE_CELL_CHARS = 40
_MAX_HEADER_CELL = 10


def is_cell(line: str) -> bool:
    return line.rstrip().endswith("|")


def cell_text(line: str) -> str:
    return line.rstrip().removesuffix("|").strip()


def text_blocks(text: str) -> list[Block]:
    """Blocks of a whole text file, in reading order."""
    lines = text.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        taken, block = _next_block(lines, index)
        blocks.extend(block)
        index += taken
    return blocks


def _next_block(lines: Sequence[str], index: int) -> tuple[int, list[Block]]:
    """How many lines the block at ``index`` takes, and the blocks it makes."""
    line = lines[index]
    if not line.strip():
        return 1, [Break()]
    if PAGE_NUMBER.match(line):
        return 1, []
    if heading := BOX_HEADING.match(line):
        if _table_follows(lines, index + 1):  # "专栏1 主要指标": a table's title, not a project box
            return 1, [Break(), TextLine(normalize(line).rstrip("|"), paragraph_start=True)]
        return _box(lines, index, heading)
    if MARKDOWN_ROW.match(line):
        return _markdown_table(lines, index)
    if is_cell(line):
        return _pipe_table(lines, index)
    if (header := match_header(split_columns(line))) is not None:
        return _column_table(lines, index, header)
    if (
        len(squeeze(line)) <= _MAX_HEADER_CELL
        and column_role(squeeze(line))
        and (found := _bare_cell_table(lines, index))
    ):
        return found
    return 1, [TextLine(line)]


def _table_follows(lines: Sequence[str], index: int) -> bool:
    """The next lines (after blank ones) open an indicator table in any text form."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return False
    line = lines[index]
    if MARKDOWN_ROW.match(line):
        return match_header(_markdown_cells(line)) is not None
    if match_header(split_columns(line)) is not None:
        return True
    cells = [cell_text(x) for x in lines[index : index + 12] if x.strip()]
    return _header_size(cells) is not None


def _markdown_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _markdown_table(lines: Sequence[str], index: int) -> tuple[int, list[Block]]:
    """A Markdown pipe table: one row a line, a "|---|" rule under the header skipped."""
    rows: list[tuple[str, ...]] = []
    end = index
    while end < len(lines) and MARKDOWN_ROW.match(lines[end]):
        if not _MARKDOWN_RULE.match(lines[end]):
            rows.append(tuple(normalize(c) for c in _markdown_cells(lines[end])))
        end += 1
    return end - index, [Break(), TableBlock(rows=tuple(rows)), Break()]


def _bare_cell_table(lines: Sequence[str], index: int) -> tuple[int, list[Block]] | None:
    """A table printed one cell per line with no separators: a header of column words, then cells
    up to the last 属性 cell (blank lines between cells are ignored)."""
    cells: list[str] = []
    positions: list[int] = []
    end = index
    while end < len(lines) and len(cells) < 2000:
        text = lines[end].strip()
        if text:
            if (
                len(text) > MAX_BARE_CELL_CHARS
                or is_heading(normalize(text))
                or text.startswith("注")
                or is_cell(text)
            ):
                break
            cells.append(text)
            positions.append(end)
        end += 1
        if len(cells) == 12 and _header_size(cells) is None:
            return None
    size = _header_size(cells)
    if size is None:
        return None
    header = match_header(cells[:size])
    assert header is not None
    last = max((i for i, c in enumerate(cells) if _is_attribute_cell(c)), default=-1)
    if last < size:
        return None
    rows = rows_from_cells(cells[size : last + 1], header)
    return positions[last] + 1 - index, [Break(), TableBlock(rows=(tuple(header.cells), *rows)), Break()]


def _is_attribute_cell(cell: str) -> bool:
    return re.sub(r"[*＊★☆▲△※`_]", "", squeeze(cell)).startswith(("预期", "约束"))


def _box(lines: Sequence[str], index: int, heading: re.Match[str]) -> tuple[int, list[Block]]:
    """专栏 content: lines up to one ending in "|", then any further whole "|" cells (a page break
    splits a box into cells); without "|", up to a blank line or the next heading."""
    number = chinese_number(heading.group(1)) or 0
    title = normalize(heading.group(2))
    end = index + 1
    cells: list[list[str]] = [[]]
    while end < len(lines) and not _ends_box(lines[end], cells):
        cells[-1].append(cell_text(lines[end]) if is_cell(lines[end]) else lines[end].strip())
        if is_cell(lines[end]):
            cells.append([])
        end += 1
    pieces = tuple(
        Piece(text, hard=(i == 0 and n > 0))
        for n, cell in enumerate(c for c in cells if c)
        for i, text in enumerate(t for line in cell for t in line.split(" ") if t)
    )
    return end - index, [Break(), BoxBlock(number=number, title=title, pieces=pieces), Break()]


def _ends_box(line: str, cells: list[list[str]]) -> bool:
    if not line.strip() or BOX_HEADING.match(line) or is_heading(normalize(line)):
        return True
    closed = len(cells) > 1 and not cells[-1]  # at least one "|" cell seen and nothing open
    return closed and not is_cell(line)


def _pipe_table(lines: Sequence[str], index: int) -> tuple[int, list[Block]]:
    cells, end = _pipe_cells(lines, index)
    header_size = _header_size(cells)
    if header_size is None:
        return end - index, [Break()]
    header = match_header(cells[:header_size])
    assert header is not None
    rows = rows_from_cells(cells[header_size:], header)
    return end - index, [Break(), TableBlock(rows=(tuple(header.cells), *rows)), Break()]


def _pipe_cells(lines: Sequence[str], index: int) -> tuple[list[str], int]:
    """Cells of a "|" table from ``index``; a cell wrapped over lines ("现代产业" / "聚集区 |")
    is joined, so long as the wrapped part is short and a "|" line follows within a few lines."""
    cells: list[str] = []
    end = index
    while end < len(lines) and not BOX_HEADING.match(lines[end]):
        if is_cell(lines[end]):
            cells.append(cell_text(lines[end]))
            end += 1
            continue
        wrapped = _wrapped_cell(lines, end)
        if wrapped == 0:
            break
        cells.append(
            " ".join(
                [*(line.strip() for line in lines[end : end + wrapped]), cell_text(lines[end + wrapped])]
            )
        )
        end += wrapped + 1
    return cells, end


def _wrapped_cell(lines: Sequence[str], index: int) -> int:
    """How many lines before a closing "|" line belong to its cell (0: the table ends here)."""
    for count in range(MAX_WRAPPED_CELL_LINES):
        line = lines[index + count] if index + count < len(lines) else ""
        if not line.strip() or len(line.strip()) > MAX_WRAPPED_CELL_CHARS or BOX_HEADING.match(line):
            return 0
        following = lines[index + count + 1] if index + count + 1 < len(lines) else ""
        if is_cell(following) and not BOX_HEADING.match(following):
            return count + 1
    return 0


def _header_size(cells: Sequence[str]) -> int | None:
    """The header is the shortest run of first cells naming the required columns, plus any
    further cells that still name a column (单位 or 序号 printed after 属性)."""
    for size in range(4, min(len(cells), 12) + 1):
        header = match_header(cells[:size])
        if header is None:
            continue
        while size < len(cells) and squeeze(cells[size]) in _EXTRA_HEADER_CELLS:
            size += 1
        return size
    return None


def rows_from_cells(cells: Sequence[str], header: Header) -> list[tuple[str, ...]]:
    """A stream of cells into rows: a row ends at its 属性 cell (预期性/约束性).

    A repeated header (after a page break) is removed; empty cells before a row's
    first text are strays between rows, while empty cells inside a row are real
    (a missing baseline or target).
    """
    body = _drop_header_repeats(list(cells), header)
    rows: list[tuple[str, ...]] = []
    current: list[str] = []
    for cell in body:
        if not current and not squeeze(cell):
            continue
        if not current and GROUP_ROW.match(normalize(cell)):  # "一、经济发展": a row of its own
            rows.append((cell,))
            continue
        current.append(cell)
        if _is_attribute_cell(cell):
            rows.append(tuple(_rejoin_wrapped(current, header)))
            current = []
    return rows


_VALUE = re.compile(r"^[\s<>≥≤＜＞〔\[【(（]*[-+]?\d[\d.,%‰*＊]*[\s〕\]】)）]*$|^[—\-–/／…]+$")


def _rejoin_wrapped(cells: list[str], header: Header) -> list[str]:
    """A row with more cells than the header: a long cell wrapped over two lines ("保持在合理区间、各年" /
    "度视情提出") is joined back, the last pair of text cells first (the 类别 cell stands first and
    a name starting with a row number starts a cell); the 属性 cell is never joined. A full row whose
    first cell is a numbered name ("15.单位GDP二氧化碳" / "排放降低(%)") lacks its 类别 cell, so it too
    holds a wrapped cell."""
    cells = list(cells)
    width = header.width
    if len(cells) == width and header.columns.get("pillar") == 0 and ROW_NUMBER.match(cells[0]):
        width -= 1
    while len(cells) > width:
        pairs = [
            i
            for i in range(len(cells) - 2)
            if not _VALUE.match(squeeze(cells[i]))
            and not _VALUE.match(squeeze(cells[i + 1]))
            and not ROW_NUMBER.match(cells[i + 1])
        ]
        if not pairs:
            break
        i = pairs[-1]
        cells[i : i + 2] = [f"{cells[i]}{cells[i + 1]}"]
    return cells


def _drop_header_repeats(cells: list[str], header: Header) -> list[str]:
    width = header.width
    out: list[str] = []
    index = 0
    while index < len(cells):
        if tuple(squeeze(c) for c in cells[index : index + width]) == header.cells:
            index += width
            continue
        out.append(cells[index])
        index += 1
    return out


def split_columns(line: str) -> list[str]:
    """A row of a text table whose columns are separated by tabs or runs of spaces."""
    return [cell.strip() for cell in _COLUMNS.split(line.strip())]


def _column_table(lines: Sequence[str], index: int, header: Header) -> tuple[int, list[Block]]:
    rows = list(_column_rows(lines, index + 1, header))
    kept = tuple(tuple(r) for r in rows if any(squeeze(c) for c in r))
    return 1 + len(rows), [Break(), TableBlock(rows=(tuple(header.cells), *kept)), Break()]


def _column_rows(lines: Sequence[str], index: int, header: Header) -> Iterator[list[str]]:
    """Rows until a line with fewer than three columns; tabs keep empty cells, spaces cannot."""
    for line in lines[index:]:
        cells = line.rstrip("\n").split("\t") if "\t" in line else split_columns(line)
        filled = [c for c in cells if c.strip()]
        if len(filled) == 1 and GROUP_ROW.match(normalize(filled[0])):  # a group row "一、经济发展"
            yield [filled[0].strip()]
            continue
        if len(filled) < 3:
            return
        yield [c.strip() for c in cells]
