"""The neutral form every format reader produces before the plan is built.

Text, PDF and DOCX differ in how they mark paragraphs and tables; once a reader
has turned its file into these blocks, the outline, the indicator table and the
boxes are found by the same code for every format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """A line of running text as the file gives it.

    ``paragraph_start`` is True where the format knows a paragraph begins (a DOCX
    paragraph, the line after a blank line) and None where it must be inferred
    from the text (PDF line wraps).
    """

    text: str
    paragraph_start: bool | None = None


@dataclass(frozen=True)
class Break:
    """A hard paragraph break: a blank line, or something that is not running text."""


@dataclass(frozen=True)
class TableBlock:
    """A table as rows of cell texts; ``title`` is the caption printed above it."""

    rows: tuple[tuple[str, ...], ...]
    title: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Piece:
    """A printed line (or a DOCX paragraph, ``hard=True``) inside a 专栏 box."""

    text: str
    hard: bool = False


@dataclass(frozen=True)
class BoxBlock:
    """专栏N: a boxed list of key projects; items are found later from the pieces."""

    number: int
    title: str
    pieces: tuple[Piece, ...]


Block = TextLine | Break | TableBlock | BoxBlock
