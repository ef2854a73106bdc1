"""The public portal as a self-contained static site (like Open SDG's): any web server, or file://.

The exporter walks the portal the way a visitor would — through Django's test client, so every
page is rendered by the same views, templates and middleware as the live site — starting from
the portal's home page, following every link under the portal, the static files and the map
script, and writing each answer to a file. Links are rewritten to relative paths
(``../../static/…``), directory URLs become ``…/index.html`` so that pages open from disk, and the
language switch points at the other language's copy (Chinese at the root, English under ``en/``).
Where files land and how links are rewritten is the static-site writer's (``reports/formats/site.py``);
this module only fetches.

Only published figures can appear: the portal's views read them alone.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from planwatch.reports.formats.site import SiteMap, SiteWriter, relative, rewrite_links

EXPORT_HEADER = "HTTP_X_PLANWATCH_EXPORT"
LANGUAGE_DIRS = {"zh-hans": "", "en": "en/"}

__all__ = ["ExportError", "ExportResult", "export_site", "file_for", "relative"]


class ExportError(Exception):
    """The export could not be completed; the message says which page and why."""


@dataclass
class ExportResult:
    directory: Path
    pages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.pages) + len(self.files)


def site_map() -> SiteMap:
    """The portal's URLs: its pages, the static files and the county map script."""
    root = reverse("portal-home")
    return SiteMap(root=root, local=(root, settings.STATIC_URL, reverse("county-map-js")), languages=LANGUAGE_DIRS)


def file_for(url: str, language: str) -> str:
    """Where a site URL lands in the export: ``/portal/indicators/I01/`` → ``indicators/I01/index.html``."""
    return site_map().file_for(url, language)


class _Crawler:
    def __init__(self, writer: SiteWriter, language: str) -> None:
        self.writer = writer
        self.language = language
        self.site = site_map()
        self.client = Client(**{EXPORT_HEADER: "1"})
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        self.seen: set[str] = set()
        self.queue: deque[str] = deque()

    def enqueue(self, url: str) -> None:
        path = url.split("#", 1)[0]
        if path and path not in self.seen:
            self.seen.add(path)
            self.queue.append(path)

    def run(self, start: str) -> None:
        self.enqueue(start)
        while self.queue:
            self.fetch(self.queue.popleft())

    def fetch(self, url: str) -> None:
        if url.startswith(settings.STATIC_URL):
            return self.copy_static(url)
        response = self.client.get(url)
        if response.status_code != 200:
            raise ExportError(f"导出失败:{url} 返回 HTTP {response.status_code}")
        name = self.site.file_for(url, self.language)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response["Content-Type"].startswith("text/html"):
            html = rewrite_links(body.decode("utf-8"), name, self.language, self.site, self.enqueue)
            self.writer.page(name, html)
        else:
            self.writer.file(name, body)

    def copy_static(self, url: str) -> None:
        name = url[len(settings.STATIC_URL):]
        source = finders.find(name)
        if source is None:
            raise ExportError(f"导出失败:找不到静态文件 {name}")
        self.writer.copy(source, f"static/{name}")


def export_site(directory: Path, *, languages: tuple[str, ...] = ("zh-hans", "en")) -> ExportResult:
    """Write the portal under ``directory`` (created; existing files are overwritten)."""
    unknown = [code for code in languages if code not in LANGUAGE_DIRS]
    if unknown:
        raise ExportError(f"不支持的语言:{'、'.join(unknown)}(可选:{'、'.join(LANGUAGE_DIRS)})")
    directory.mkdir(parents=True, exist_ok=True)
    writer = SiteWriter(directory)
    # The test client speaks as "testserver"; allow it whatever the deployment's host list says.
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for language in languages:
            _Crawler(writer, language).run(reverse("portal-home"))
    return ExportResult(directory, pages=writer.pages, files=sorted(set(writer.files)))
