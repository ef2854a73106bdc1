"""Is an evidence file what its name claims? Decided by its first bytes, never by its name alone.

A progress report may carry scans and photos (PDF, PNG, JPEG). A file named ``批复.pdf`` that starts
with ``PK`` (a zip, a Word file) or ``MZ`` (a program) is refused, and so is a ``.png`` that is a PDF:
the name and the content must agree, and the content must be an allowed kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from planwatch.collection.guard import too_large
from planwatch.work.settings import setting

MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}
EXTENSIONS = {".pdf": "pdf", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
KIND_WORDS = {"pdf": "PDF", "png": "PNG 图片", "jpeg": "JPEG 图片"}


@dataclass(frozen=True)
class Checked:
    kind: str
    content_type: str


def sniff(head: bytes) -> str | None:
    """The kind the first bytes say, or None."""
    return next((kind for kind, marks in MAGIC.items() if head.startswith(marks)), None)


def check_evidence(name: str, size: int, head: bytes) -> Checked | str:
    """The checked kind, or the reason (in Chinese, naming the file) it is refused."""
    allowed = setting("EVIDENCE_TYPES")
    claimed = EXTENSIONS.get(PurePath(name).suffix.lower())
    if claimed is None or claimed not in allowed:
        return f"文件「{name}」不是允许的类型:佐证材料只收 PDF 和图片(PNG、JPEG)"
    if size <= 0:
        return f"文件「{name}」是空的"
    limit = setting("EVIDENCE_MAX_BYTES")
    if size > limit:
        return too_large(name, size, limit)
    actual = sniff(head)
    if actual != claimed:
        return f"文件「{name}」的内容不是{KIND_WORDS[claimed]}(文件名与内容不符),已拒收"
    return Checked(actual, CONTENT_TYPES[actual])
