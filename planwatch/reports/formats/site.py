"""A static site: pages a crawler fetched, written as files that open from any web server or from disk.

The crawler (in the web layer) asks for pages; this module decides where each URL lands
(``/portal/indicators/I01/`` → ``indicators/I01/index.html``, a language's copy under its folder),
rewrites the links of each HTML page to relative paths (``../../static/…``), tells the crawler which
linked URLs are part of the site, and writes the bytes. Links written ``lang:<language>:<path>`` point at
the other language's copy of a page.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

_LINK = re.compile(r'(?P<attr>\b(?:href|src|value))="(?P<url>[^"]*)"')


@dataclass(frozen=True)
class SiteMap:
    """Where URLs land: ``root`` is the site's own prefix (``/portal/``), ``local`` every prefix whose URLs
    are copied too (the site, its static files, a generated script), ``languages`` each language's folder."""

    root: str
    local: tuple[str, ...]
    languages: dict[str, str]

    def file_for(self, url: str, language: str) -> str:
        """``/portal/indicators/I01/`` → ``indicators/I01/index.html`` (``en/indicators/…`` in English)."""
        path = url.split("#", 1)[0].split("?", 1)[0]
        if path.startswith(self.root):
            rest = path[len(self.root):]
            name = rest + "index.html" if rest == "" or rest.endswith("/") else rest
            return self.languages[language] + name
        return path.lstrip("/")


def relative(target: str, page: str) -> str:
    """The link from the file ``page`` to the file ``target`` (both relative to the export root)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def rewrite_links(html: str, page: str, language: str, site: SiteMap, found: Callable[[str], None]) -> str:
    """Every local link of ``page`` made relative; each local URL is passed to ``found`` (to be fetched)."""

    def replace(match: re.Match[str]) -> str:
        attr, url = match.group("attr"), match.group("url")
        if url.startswith("lang:"):
            _, other, path = url.split(":", 2)
            return f'{attr}="{relative(site.file_for(path, other), page)}"'
        if not url.startswith(site.local):
            return match.group(0)
        found(url)
        fragment = "#" + url.split("#", 1)[1] if "#" in url else ""
        return f'{attr}="{relative(site.file_for(url, language), page)}{fragment}"'

    return _LINK.sub(replace, html)


@dataclass
class SiteWriter:
    """Writes the files of a static site under ``directory`` and lists what it wrote."""

    directory: Path
    pages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def page(self, name: str, html: str) -> None:
        self._write(name, html.encode("utf-8"))
        self.pages.append(name)

    def file(self, name: str, body: bytes) -> None:
        self._write(name, body)
        self.files.append(name)

    def copy(self, source: Path | str, name: str) -> None:
        target = self.directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.files.append(name)

    def _write(self, name: str, body: bytes) -> None:
        target = self.directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
