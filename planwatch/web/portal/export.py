"""The public portal as a self-contained static site (like Open SDG's): any web server, or file://.

The exporter walks the portal the way a visitor would — through Django's test client, so every
page is rendered by the same views, templates and middleware as the live site — starting from
the portal's home page, following every link under the portal, the static files and the map
script, and writing each answer to a file. Links are rewritten to relative paths
(``../../static/…``), directory URLs become ``…/index.html`` so that pages open from disk, and the
language switch points at the other language's copy (Chinese at the root, English under ``en/``).

Only published figures can appear: the portal's views read them alone.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

EXPORT_HEADER = "HTTP_X_PLANWATCH_EXPORT"
LANGUAGE_DIRS = {"zh-hans": "", "en": "en/"}
_LINK = re.compile(r'(?P<attr>\b(?:href|src|value))="(?P<url>[^"]*)"')


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


def _portal_prefix() -> str:
    return reverse("portal-home")


def _local_prefixes() -> tuple[str, ...]:
    return (_portal_prefix(), settings.STATIC_URL, reverse("county-map-js"))


def file_for(url: str, language: str) -> str:
    """Where a site URL lands in the export: ``/portal/indicators/I01/`` → ``indicators/I01/index.html``."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    prefix = _portal_prefix()
    if path.startswith(prefix):
        rest = path[len(prefix):]
        name = rest + "index.html" if rest == "" or rest.endswith("/") else rest
        return LANGUAGE_DIRS[language] + name
    return path.lstrip("/")


def relative(target: str, page: str) -> str:
    """The link from the file ``page`` to the file ``target`` (both relative to the export root)."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


class _Crawler:
    def __init__(self, directory: Path, language: str) -> None:
        self.directory = directory
        self.language = language
        self.client = Client(**{EXPORT_HEADER: "1"})
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        self.seen: set[str] = set()
        self.queue: deque[str] = deque()
        self.result_pages: list[str] = []
        self.result_files: list[str] = []

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
        name = file_for(url, self.language)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response["Content-Type"].startswith("text/html"):
            body = self.rewrite(body.decode("utf-8"), name).encode("utf-8")
            self.result_pages.append(name)
        else:
            self.result_files.append(name)
        self.write(name, body)

    def copy_static(self, url: str) -> None:
        name = url[len(settings.STATIC_URL):]
        source = finders.find(name)
        if source is None:
            raise ExportError(f"导出失败:找不到静态文件 {name}")
        target = self.directory / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.result_files.append(f"static/{name}")

    def write(self, name: str, body: bytes) -> None:
        target = self.directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)

    def rewrite(self, html: str, page: str) -> str:
        local = _local_prefixes()

        def replace(match: re.Match) -> str:
            attr, url = match.group("attr"), match.group("url")
            if url.startswith("lang:"):
                _, language, path = url.split(":", 2)
                return f'{attr}="{relative(file_for(path, language), page)}"'
            if not url.startswith(local):
                return match.group(0)
            self.enqueue(url)
            fragment = "#" + url.split("#", 1)[1] if "#" in url else ""
            return f'{attr}="{relative(file_for(url, self.language), page)}{fragment}"'

        return _LINK.sub(replace, html)


def export_site(directory: Path, *, languages: tuple[str, ...] = ("zh-hans", "en")) -> ExportResult:
    """Write the portal under ``directory`` (created; existing files are overwritten)."""
    unknown = [code for code in languages if code not in LANGUAGE_DIRS]
    if unknown:
        raise ExportError(f"不支持的语言:{'、'.join(unknown)}(可选:{'、'.join(LANGUAGE_DIRS)})")
    directory.mkdir(parents=True, exist_ok=True)
    result = ExportResult(directory)
    # The test client speaks as "testserver"; allow it whatever the deployment's host list says.
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        for language in languages:
            crawler = _Crawler(directory, language)
            crawler.run(_portal_prefix())
            result.pages += crawler.result_pages
            result.files += crawler.result_files
    result.files = sorted(set(result.files))
    return result
