"""Refusing an oversized upload while it arrives, not after it has been received.

Django would otherwise read the whole body (to memory up to ``FILE_UPLOAD_MAX_MEMORY_SIZE``, then to a
temporary file) before any view could look at its size: 100 MB received to say "too large".
``LimitedUploadHandler`` stands first in ``FILE_UPLOAD_HANDLERS``:

the file's bytes are counted chunk by chunk (64 KB) as the multipart parser reads them, and parsing
stops (``StopUpload(connection_reset=True)``: the rest of the body is never read) as soon as the file
passes the limit. At most the limit plus one chunk is read, whatever the ``Content-Length`` says. The
form's fields before the file (the CSRF token first) are kept, so the page can answer with a message
rather than a CSRF failure. The request carries ``upload_stopped`` (a ``Stopped``: the file's name and the
limit) for a page that says it in its own words (evidence is not "imported"), ``upload_refused``, the
data import's sentence in the page's language, and ``upload_refused_name`` (the file's name, for the
import result's heading). The limit is the data collection setting ``MAX_UPLOAD_BYTES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils.translation import gettext as _

from planwatch.collection.guard import megabytes
from planwatch.collection.settings import setting


@dataclass(frozen=True)
class Stopped:
    """An upload stopped while it arrived: the file's name ("" when the browser sent none) and the
    limit in bytes it passed."""

    name: str
    limit: int


def too_large(name: str, limit: int) -> str:
    """The import pages' sentence: nothing of the file was read, so no data was imported."""
    return _("文件「%(name)s」超过上限 %(limit)s,已停止接收,未导入任何数据") % {
        "name": name or _("上传文件"),
        "limit": megabytes(limit),
    }


class LimitedUploadHandler(FileUploadHandler):
    received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        limit = setting("MAX_UPLOAD_BYTES")
        if self.received > limit:
            self.request.upload_stopped = Stopped(self.file_name or "", limit)
            self.request.upload_refused_name = self.file_name or ""
            self.request.upload_refused = too_large(self.file_name or "", limit)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) builds the file
