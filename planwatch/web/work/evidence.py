"""The evidence checks' refusals in the page's language: ``planwatch.work.evidence`` says which check a
file failed (it imports no Django); the sentences and their English live here, one place for the
service, the upload page and a file stopped while it arrived."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from planwatch.collection.guard import megabytes, sizes_apart
from planwatch.web.core.uploads import Stopped
from planwatch.work.evidence import Refused
from planwatch.work.settings import setting

# The kind a file's name claims, as it reads in "的内容不是…" ("its content is not a PDF").
KIND_WORDS = {
    "pdf": pgettext_lazy("evidence kind", "PDF"),
    "png": gettext_lazy("PNG 图片"),
    "jpeg": gettext_lazy("JPEG 图片"),
}


def refusal(refused: Refused) -> str:
    """Why the file is refused, naming it: "文件「批复.pdf」的内容不是PDF(文件名与内容不符),已拒收"."""
    name = refused.name
    if refused.check == "type":
        return _("文件「%(name)s」不是允许的类型:佐证材料只收 PDF 和图片(PNG、JPEG)") % {"name": name}
    if refused.check == "empty":
        return _("文件「%(name)s」是空的") % {"name": name}
    if refused.check == "size":
        size, limit = sizes_apart(refused.size, refused.limit)
        return _("文件「%(name)s」大小 %(size)s,超过上限 %(limit)s") % {"name": name, "size": size, "limit": limit}
    kind = KIND_WORDS[refused.claimed]
    return _("文件「%(name)s」的内容不是%(kind)s(文件名与内容不符),已拒收") % {"name": name, "kind": kind}


def too_large(name: str, size: int) -> str:
    """The refusal of a file whose declared size passes the evidence limit, before it is read."""
    return refusal(Refused("size", name, size=size, limit=setting("EVIDENCE_MAX_BYTES")))


def stopped_refusal(stopped: Stopped) -> str:
    """A file stopped while it arrived (``core.uploads``): over the evidence limit, nothing attached.
    The limit named is the one evidence has (the smaller of its own and the upload limit)."""
    limit = min(setting("EVIDENCE_MAX_BYTES"), stopped.limit)
    return _("文件「%(name)s」超过佐证材料的大小上限 %(limit)s,已停止接收,未添加任何佐证材料") % {
        "name": stopped.name or _("上传文件"),
        "limit": megabytes(limit),
    }
