"""Is an evidence file what its name claims? Decided by its first bytes, never by its name alone.

A progress report may carry scans and photos (PDF, PNG, JPEG). A file named ``批复.pdf`` that starts
with ``PK`` (a zip, a Word file) or ``MZ`` (a program) is refused, and so is a ``.png`` that is a PDF:
the name and the content must agree, and the content must be an allowed kind.

A refusal is a value (``Refused``: which check, and what fills its sentence), not a sentence: this package
imports no Django, and the page says it in its own language (``planwatch.web.work.evidence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from planwatch.work.settings import setting

MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {".pdf": "pdf", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}


@dataclass(frozen=True)
class Checked:
    kind: str
    content_type: str


@dataclass(frozen=True)
class Refused:
    """Why a file is refused. ``check`` is one of ``"type"`` (not a PDF or an image by its name),
    ``"empty"``, ``"size"`` (``size`` over ``limit``, in bytes) or ``"content"`` (the first bytes are not
    the ``claimed`` kind); ``name`` is the file's name as uploaded."""

    check: str
    name: str
    claimed: str = ""
    size: int = 0
    limit: int = 0


def sniff(head: bytes) -> str | None:
    """The kind the first bytes say, or None."""
    return next((kind for kind, marks in MAGIC.items() if head.startswith(marks)), None)


def check_evidence(name: str, size: int, head: bytes) -> Checked | Refused:
    """The checked kind, or why it is refused (the first check it fails, in this order)."""
    allowed = setting("EVIDENCE_TYPES")
    claimed = EXTENSIONS.get(PurePath(name).suffix.lower())
    if claimed is None or claimed not in allowed:
        return Refused("type", name)
    if size <= 0:
        return Refused("empty", name)
    limit = setting("EVIDENCE_MAX_BYTES")
    if size > limit:
        return Refused("size", name, claimed, size, limit)
    actual = sniff(head)
    if actual != claimed:
        return Refused("content", name, claimed)
    return Checked(actual, CONTENT_TYPES[actual])
