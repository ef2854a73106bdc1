"""PDF plan documents through PDFium (pypdfium2).

Ruled tables are found from the page's drawn lines (path objects: stroked lines, rectangles and
thin filled bars): lines that touch form a grid, each grid slot is a cell, slots with no rule
between them are one merged cell whose text goes to its top-left slot (as a reader of the
printed table sees it). The indicator table and 专栏 boxes drawn as one-cell tables come out as
``TableBlock``/``BoxBlock``; the text outside them is read line by line, as printed, and goes
through the same rules as plain text (``text_layout``), so a PDF without ruled tables (cells one
per line, columns separated by spaces) is read like its text extraction.

Why PDFium rather than pdfplumber/pdfminer: a 300-page plan must be read in seconds, and
pdfminer's text extraction alone costs about 50 ms a page (15 s for 300 pages); PDFium's is
about 3 ms (see ``bench/parse_plan_pdf.py``).
"""

from __future__ import annotations

import bisect
import ctypes
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from planwatch.documents.errors import PlanReadError
from planwatch.documents.layout import Block, BoxBlock, Break, Piece, TableBlock
from planwatch.documents.normalize import chinese_number, normalize
from planwatch.documents.text_layout import BOX_HEADING, text_blocks

# Points: lines closer than this are one rule; a rule this thin is a line, not a filled area.
SNAP = 2.0
THIN = 2.5
# A grid covering this share of the page is the page's background or frame, not a table.
PAGE_SHARE = 0.8
# A page drawn with more objects than this is a map or a chart; its rules are not looked at.
MAX_PAGE_OBJECTS = 20000
# Control characters PDFium reports for line ends and soft hyphens, and its "no character" marks.
_NOT_TEXT = {code: None for code in [*range(0x20), 0xAD, 0xFFFE, 0xFFFF] if code not in (0x09,)}


@dataclass(frozen=True)
class _Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class _Grid:
    xs: list[float]
    ys: list[float]  # top to bottom (PDF y decreasing)
    rules: list[_Rule]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[-1], self.xs[-1], self.ys[0]


def pdf_blocks(path: Path) -> list[Block]:
    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as problem:
        raise PlanReadError(
            f"无法读取 PDF 文件：文件已损坏或不是 PDF（文件 {path.name}）：{problem}"
        ) from problem
    try:
        blocks = [block for index in range(len(document)) for block in _page_blocks(document[index])]
    finally:
        document.close()
    if not any(isinstance(b, TableBlock | BoxBlock) or getattr(b, "text", "") for b in blocks):
        raise PlanReadError(f"PDF 中没有可提取的文字，可能是扫描件（文件 {path.name}）")
    return blocks


def _page_blocks(page: pdfium.PdfPage) -> list[Block]:
    """A page's text lines and tables in reading order (top to bottom)."""
    width, height = page.get_size()
    grids = [g for g in _grids(_rules(page)) if _area(g.bbox) < PAGE_SHARE * width * height]
    textpage = page.get_textpage()
    runs = _runs(textpage.raw)
    inside: dict[int, list] = {i: [] for i in range(len(grids))}
    outside: list[tuple[float, float, float, float, str]] = []
    for run in runs:
        x, y = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
        owner = next((i for i, g in enumerate(grids) if _contains(g.bbox, x, y)), None)
        (inside[owner] if owner is not None else outside).append(run)
    placed: list[tuple[float, list]] = [(-top, [text]) for top, text in _lines(outside)]
    for index, grid in enumerate(grids):
        placed.append((-grid.ys[0], _table_blocks(_cells(grid, inside[index]))))
    placed.sort(key=lambda item: item[0])
    textpage.close()
    page.close()
    return _resolve(placed)


def _runs(textpage: pdfium_c.FPDF_TEXTPAGE) -> list[tuple[float, float, float, float, str]]:
    """The page's text runs (a stretch of a line in one font) with their boxes, through the C API."""
    count = pdfium_c.FPDFText_CountRects(textpage, 0, -1)
    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    size = 512
    buffer = ctypes.create_string_buffer(size * 2)
    pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    runs = []
    for index in range(count):
        pdfium_c.FPDFText_GetRect(textpage, index, left, top, right, bottom)
        x0, t, r, b = left.value, top.value, right.value, bottom.value
        length = pdfium_c.FPDFText_GetBoundedText(textpage, x0, t, r, b, None, 0)
        if length <= 0:
            continue
        if length > size:
            size = length
            buffer = ctypes.create_string_buffer(size * 2)
            pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        written = pdfium_c.FPDFText_GetBoundedText(textpage, x0, t, r, b, pointer, length)
        text = buffer.raw[: written * 2].decode("utf-16-le", errors="ignore").translate(_NOT_TEXT)
        if text.strip():
            runs.append((x0, b, r, t, text))
    return runs


def _area(bbox: tuple[float, float, float, float]) -> float:
    return (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])


def _contains(bbox: tuple[float, float, float, float], x: float, y: float) -> bool:
    return bbox[0] - 1 <= x <= bbox[2] + 1 and bbox[1] - 1 <= y <= bbox[3] + 1


def _rules(page: pdfium.PdfPage) -> list[_Rule]:
    """Horizontal and vertical rules drawn on the page: path segments, and thin filled bars.

    Read through PDFium's C API directly: the object wrappers cost more than the work here.
    """
    rules: list[_Rule] = []
    raw_page = page.raw
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    count = pdfium_c.FPDFPage_CountObjects(raw_page)
    if count > MAX_PAGE_OBJECTS:  # a map or a drawing, not a page with a table
        return rules
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        x0, b, r, t = left.value, bottom.value, right.value, top.value
        if r - x0 <= THIN and t - b > THIN:
            rules.append(_Rule(False, (x0 + r) / 2, b, t))
        elif t - b <= THIN and r - x0 > THIN:
            rules.append(_Rule(True, (t + b) / 2, x0, r))
        else:
            rules.extend(_segments(obj))
    return rules


def _segments(obj: pdfium_c.FPDF_PAGEOBJECT) -> list[_Rule]:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return []
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count <= 0 or count > 2000:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    rules: list[_Rule] = []
    start = previous = None
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
            start = previous = point
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _add_rule(rules, previous, point)
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_rule(rules, previous, start)
            previous = start
    return rules


def _add_rule(rules: list[_Rule], a: tuple[float, float], b: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) <= SNAP / 2 and abs(x0 - x1) > SNAP:
        rules.append(_Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= SNAP / 2 and abs(y0 - y1) > SNAP:
        rules.append(_Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _touch(a: _Rule, b: _Rule) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.at - b.at) <= SNAP and a.start <= b.end + SNAP and b.start <= a.end + SNAP
    h, v = (a, b) if a.horizontal else (b, a)
    return h.start - SNAP <= v.at <= h.end + SNAP and v.start - SNAP <= h.at <= v.end + SNAP


def _grids(rules: list[_Rule]) -> list[_Grid]:
    """Rules that touch, grouped; a group with two rules each way is a grid."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    across = sorted((i for i, r in enumerate(rules) if r.horizontal), key=lambda i: rules[i].at)
    heights = [rules[i].at for i in across]
    for j, rule in enumerate(rules):
        if rule.horizontal:
            continue
        low = bisect.bisect_left(heights, rule.start - SNAP)
        high = bisect.bisect_right(heights, rule.end + SNAP)
        for i in across[low:high]:
            if rules[i].start - SNAP <= rule.at <= rules[i].end + SNAP:
                parent[find(i)] = find(j)
    groups: dict[int, list[_Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    grids = []
    for members in groups.values():
        xs = _snap([r.at for r in members if not r.horizontal])
        ys = _snap([r.at for r in members if r.horizontal])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(_Grid(xs=xs, ys=sorted(ys, reverse=True), rules=members))
    return grids


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def _covered(rules: list[_Rule], horizontal: bool, at: float, start: float, end: float) -> bool:
    """A rule runs along ``at`` over the middle of [start, end]: the two slots either side are apart."""
    middle = (start + end) / 2
    return any(
        r.horizontal == horizontal and abs(r.at - at) <= SNAP and r.start - SNAP <= middle <= r.end + SNAP
        for r in rules
    )


def _cells(grid: _Grid, runs: list) -> list[list[str]]:
    """Rows of cell texts; a merged cell's text in its top-left slot, its other slots empty."""
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    along_y = [[r for r in grid.rules if r.horizontal and abs(r.at - y) <= SNAP] for y in grid.ys]
    along_x = [[r for r in grid.rules if not r.horizontal and abs(r.at - x) <= SNAP] for x in grid.xs]
    owner = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def root(slot: tuple[int, int]) -> tuple[int, int]:
        while owner[slot] != slot:
            slot = owner[slot]
        return slot

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(
                along_x[c + 1], False, grid.xs[c + 1], grid.ys[r + 1], grid.ys[r]
            ):
                owner[root((r, c + 1))] = root((r, c))
            if r + 1 < rows and not _covered(
                along_y[r + 1], True, grid.ys[r + 1], grid.xs[c], grid.xs[c + 1]
            ):
                a, b = root((r, c)), root((r + 1, c))
                if a != b:
                    owner[max(a, b)] = min(a, b)
    texts: dict[tuple[int, int], list] = {}
    for run in runs:
        x, y = (run[0] + run[2]) / 2, (run[1] + run[3]) / 2
        column = next((i for i in range(cols) if grid.xs[i] <= x <= grid.xs[i + 1]), None)
        line = next((i for i in range(rows) if grid.ys[i + 1] <= y <= grid.ys[i]), None)
        if line is not None and column is not None:
            texts.setdefault(root((line, column)), []).append(run)
    out = []
    for r in range(rows):
        row = []
        for c in range(cols):
            row.append(
                "\n".join(text for _, text in _lines(texts.get((r, c), []))) if root((r, c)) == (r, c) else ""
            )
        out.append(row)
    return out


def _lines(runs: list) -> list[tuple[float, str]]:
    """Text runs grouped into printed lines, top to bottom: (top, text)."""
    lines: list[list] = []  # [bottom, top, runs]
    for run in sorted(runs, key=lambda r: (-r[3], r[0])):
        height = max(run[3] - run[1], 0.5)
        for line in reversed(lines[-3:]):
            overlap = min(line[1], run[3]) - max(line[0], run[1])
            if overlap >= 0.5 * min(height, line[1] - line[0]):
                line[2].append(run)
                line[0], line[1] = min(line[0], run[1]), max(line[1], run[3])
                break
        else:
            lines.append([run[1], run[3], [run]])
    out = []
    for _, _, members in lines:
        members.sort(key=lambda r: r[0])
        out.append((max(r[3] for r in members), _join_runs(members)))
    return out


def _join_runs(members: list) -> str:
    """Runs of one line, left to right: no space across a small gap, one space across a word gap,
    two across a column gap (so a borderless table splits into columns like a text table)."""
    text = ""
    previous = None
    for run in members:
        if previous is not None:
            gap = run[0] - previous[2]
            size = max(run[3] - run[1], 1.0)
            if gap > 1.5 * size:
                text += "  "
            elif gap > 0.25 * size and not text.endswith(" "):
                text += " "
        text += run[4].rstrip()
        previous = run
    return text


def _resolve(placed: list[tuple[float, list]]) -> list[Block]:
    """Text lines go through the plain-text rules together; tables stay as they are."""
    blocks: list[Block] = []
    pending: list[str] = []
    for _, parts in placed:
        if parts and isinstance(parts[0], str):
            pending.extend(parts)
            continue
        parts = _titled(pending, parts)
        blocks.extend(text_blocks("\n".join(pending)))
        pending = []
        blocks.extend(parts)
    blocks.extend(text_blocks("\n".join(pending)))
    return blocks


def _titled(pending: list[str], parts: list) -> list:
    """A "专栏1 主要指标" line just above an indicator table is its title, not a project box."""
    from planwatch.documents.indicator_table import find_header

    last = next((i for i in range(len(pending) - 1, -1, -1) if pending[i].strip()), None)
    if last is None or not BOX_HEADING.match(pending[last]):
        return parts
    tables = [b for b in parts if isinstance(b, TableBlock)]
    if not tables or tables[0].title or find_header(tables[0].rows) is None:
        return parts
    title = normalize(pending.pop(last))
    return [replace(b, title=title) if b is tables[0] else b for b in parts]


def _table_blocks(rows: list[list[str]]) -> list[Block]:
    cells = [tuple((cell or "").strip() for cell in row) for row in rows if row]
    if not cells:
        return [Break()]
    first = cells[0][0]
    if heading := BOX_HEADING.match(first.split("\n")[0]):
        from planwatch.documents.indicator_table import find_header

        body = tuple(tuple(normalize(c) for c in row) for row in cells[1:])
        if find_header(body):  # "专栏1 主要指标" over an indicator table: its title
            return [Break(), TableBlock(rows=body, title=normalize(first)), Break()]
        return [Break(), _box(heading, cells), Break()]
    flat = tuple(tuple(normalize(c) for c in row) for row in cells)
    return [Break(), TableBlock(rows=flat), Break()]


def _box(heading: re.Match[str], cells: list[tuple[str, ...]]) -> BoxBlock:
    """A 专栏 drawn as a table: its heading is the first line of the first cell, the rest is content."""
    lines = [line for row in cells for cell in row if cell for line in cell.split("\n")]
    content = lines[1:]
    return BoxBlock(
        number=chinese_number(heading.group(1)) or 0,
        title=normalize(heading.group(2)),
        pieces=tuple(Piece(line) for line in content if line.strip()),
    )
