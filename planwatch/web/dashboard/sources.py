"""A figure's source as the public reads it: who published it, in which document, and the link.

Three public fields make a citation (``Observation.source``, ``publisher``, ``document_title``):

- publisher and title: 赣州市统计局《2023年赣州市国民经济和社会发展统计公报》
- only one of them: 赣州市统计局, or 《2023年赣州市国民经济和社会发展统计公报》
- neither: the site of the address (``maigoo.com``), or the source as typed when it is a document's
  name rather than an address (赣州市统计公报).

The citation is a link to the address when there is one; only http(s) addresses become links (never
``javascript:`` or ``data:``). Nothing else about a figure (备注, 原文摘录, 可信度, 审核意见) is public:
every public page, download, export and API answer cites through ``citation`` / ``citation_html``.
"""

from __future__ import annotations

from typing import Any
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


def citation(source: str, issuer: str = "", title: str = "") -> str:
    """The citation as plain text (see the module docstring); "" when nothing is known."""
    issuer, title = (issuer or "").strip(), (title or "").strip().strip("《》").strip()
    named = issuer + (f"《{title}》" if title else "")
    return named or publisher(source or "")


def citation_html(source: str, issuer: str = "", title: str = ""):
    """The citation, linked to the address when there is one (title: the full address); "—" when empty."""
    text = citation(source, issuer, title)
    if not text:
        return "—"
    address = (source or "").strip()
    if is_link(address):
        return format_html('<a href="{}" rel="noopener noreferrer" title="{}">{}</a>', address, address, text)
    return text


def cited(obj: Any) -> tuple[str, str, str]:
    """(source, publisher, document title) of an observation, a point or a plain dict."""
    if isinstance(obj, dict):
        return obj.get("source") or "", obj.get("publisher") or "", obj.get("document_title") or ""
    return (
        getattr(obj, "source", "") or "",
        getattr(obj, "publisher", "") or "",
        getattr(obj, "document_title", "") or "",
    )


def source_html(source: str):
    """An address or a document's name alone (no publisher or title known)."""
    return citation_html(source)
