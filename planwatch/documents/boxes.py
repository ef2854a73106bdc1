"""Splitting a 专栏 box into its items ("铁路。…", "公路。…").

An item starts at the beginning of a printed line with a short title ending in
"。". The same pattern also occurs where a sentence merely wraps ("…新 / 药创制全国
重点实验室。"), so a line start counts as an item start only when one of these
holds: it is the first line of the box or of a new cell/paragraph; the line
before ends a clause (。,,;); the line before is short, i.e. ended early as an
item's last line does; or the title ends like the box's first item title
(工程, 项目), items of a box being parallel in form, the line is indented (a
full line less the two-character indent of an item's first line) and the line
before does not stop inside an enumeration ("…、赣州市第五人民医院、赣州市皮肤 /
病医院医疗能力提升工程。" in 专栏8 continues a list; "…旧址群等重点遗址遗迹展示园
(带、点)建设 / 重点展示园建设项目。" in 专栏9 starts an item).

A box whose text has no item titles (专栏1) gives one item, titled with the box's
own title, holding the whole text.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from planwatch.documents.headings import ITEM_TITLE
from planwatch.documents.layout import Piece
from planwatch.documents.normalize import display_width, normalize

# A line shorter than this share of the box's usual line width ended before the margin.
SHORT_LINE_SHARE = 0.8
# An item's first line is indented by two characters; a line at least this much narrower
# than a full line (but not short) is taken as indented.
INDENT_CHARS = 1.5
_CLAUSE_END = "。，,；;"


def split_items(pieces: Sequence[Piece], box_title: str) -> list[tuple[str, str]]:
    """(title, text) for each item, in order; text is the item's body after its title."""
    starts = _item_starts(pieces)
    bounds = [0, *[s for s in starts if s > 0], len(pieces)] if starts else [0, len(pieces)]
    items: list[tuple[str, str]] = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        text = normalize(" ".join(p.text for p in pieces[begin:end]))
        if not text:
            continue
        match = ITEM_TITLE.match(text) if begin in starts else None
        items.append((match.group("title"), match.group("rest").strip()) if match else (box_title, text))
    return items


def _item_starts(pieces: Sequence[Piece]) -> list[int]:
    full = _usual_width(pieces)
    starts: list[int] = []
    suffix = ""
    for index, piece in enumerate(pieces):
        match = ITEM_TITLE.match(normalize(piece.text))
        if match is None:
            continue
        title = match.group("title")
        parallel = bool(suffix) and title.endswith(suffix) and _indented(piece, full)
        parallel = parallel and not _open_enumeration(pieces[index - 1].text)
        if _may_start(pieces, index, full) or parallel:
            starts.append(index)
            suffix = suffix or (title[-2:] if len(title) >= 4 else "")
    return starts


def _may_start(pieces: Sequence[Piece], index: int, full: float) -> bool:
    if index == 0 or pieces[index].hard:
        return True
    before = normalize(pieces[index - 1].text)
    return before.endswith(tuple(_CLAUSE_END)) or display_width(before) < SHORT_LINE_SHARE * full


def _indented(piece: Piece, full: float) -> bool:
    width = display_width(normalize(piece.text))
    return SHORT_LINE_SHARE * full <= width <= full - INDENT_CHARS


def _open_enumeration(text: str) -> bool:
    """The line stops inside a list: its last clause has a 、 (outside brackets) and no closing 等."""
    clause = re.split(r"[。，,；;：:]", re.sub(r"[(（][^()（）]*[)）]", "", normalize(text)))[-1]
    return "、" in clause and "等" not in clause.rsplit("、", 1)[-1]


def _usual_width(pieces: Sequence[Piece]) -> float:
    """The width of a full line in this box: the upper quartile of its line widths."""
    widths = [display_width(normalize(p.text)) for p in pieces if not p.hard]
    if len(widths) < 4:
        return 0.0
    return statistics.quantiles(widths, n=4)[2]
