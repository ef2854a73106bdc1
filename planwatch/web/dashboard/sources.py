"""A figure's source as the public reads it: the address and the site that published it.

Sources are stored as typed — usually the address of the page that printed the figure, sometimes a
document's name (赣州市统计公报). An address is shown as a link named by its site; anything else as
plain text. Only http(s) addresses become links (never ``javascript:`` or ``data:``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.html import format_html


def is_link(source: str) -> bool:
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def publisher(source: str) -> str:
    """The site that published the source (``www.ganzhou.gov.cn``), or the source itself when it is
    a document's name rather than an address."""
    if not is_link(source):
        return source.strip()
    host = urlsplit(source.strip()).hostname or ""
    return host.removeprefix("www.")


def source_html(source: str):
    """A link named by its site (title: the full address), or the text; "—" when empty."""
    if not source or not source.strip():
        return "—"
    if is_link(source):
        return format_html(
            '<a href="{}" rel="noopener noreferrer" title="{}">{}</a>',
            source.strip(),
            source.strip(),
            publisher(source),
        )
    return source.strip()
