"""A table's caption above it and its notes ("注:…") below it, for every format.

In the text stream both are ordinary lines; left there, a caption would be read
as the end of the paragraph before it and a note as part of the next section.
"""

from __future__ import annotations

import re
from dataclasses import replace

from planwatch.documents.layout import Block, BoxBlock, Break, TableBlock, TextLine
from planwatch.documents.normalize import ends_paragraph, normalize

NOTE = re.compile(r"^\s*注\s*\d*\s*[:：]")
MAX_CAPTION_CHARS = 60


def attach_captions(blocks: list[Block]) -> list[Block]:
    """Move each table's caption line into ``TableBlock.title`` and its note lines into ``notes``."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not isinstance(block, TableBlock):
            out.append(block)
            continue
        title = block.title or _take_caption(out)
        notes, index = _take_notes(blocks, index)
        out.append(replace(block, title=title, notes=(*block.notes, *notes)))
    return out


def _take_caption(before: list[Block]) -> str:
    """The line just above the table if it names 指标/表 and stands alone (not a wrapped sentence)."""
    position = len(before) - 1
    while position >= 0 and isinstance(before[position], Break):
        position -= 1
    if position < 0 or not isinstance(line := before[position], TextLine):
        return ""
    text = normalize(line.text)
    if not ("指标" in text or text.endswith("表")) or ends_paragraph(text) or len(text) > MAX_CAPTION_CHARS:
        return ""
    if not (line.paragraph_start or _stands_alone(before[:position])):
        return ""
    del before[position:]
    return text


def _stands_alone(before: list[Block]) -> bool:
    """True when the line before the candidate caption closed its paragraph."""
    if not before or isinstance(before[-1], Break | TableBlock | BoxBlock):
        return True
    return isinstance(before[-1], TextLine) and ends_paragraph(normalize(before[-1].text))


def _take_notes(blocks: list[Block], index: int) -> tuple[list[str], int]:
    """Note lines after the table, a wrapped note continuing until its sentence ends."""
    notes: list[str] = []
    probe = index
    while probe < len(blocks):
        block = blocks[probe]
        if isinstance(block, Break):
            probe += 1
            continue
        if not isinstance(block, TextLine):
            break
        text = normalize(block.text)
        if NOTE.match(text):
            notes.append(text)
        elif notes and not ends_paragraph(notes[-1]):
            notes[-1] = normalize(f"{notes[-1]} {text}")
        else:
            break
        probe += 1
        index = probe
    return notes, index
