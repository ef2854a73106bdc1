"""A bulletin file as text: plain text, a saved web page, or a PDF (pure; no Django).

- Text: UTF-8 (with or without BOM), else GB18030 (what Chinese Windows saves).
- HTML: the page's text with one line per block element; scripts, styles, navigation, headers,
  footers and "related articles" boxes are dropped, so a repost's clutter is not read as figures.
- PDF: pypdfium2's text layer (fast: a 30-page bulletin in well under a second; ``bench/bulletin_pdf.py``
  compares it with pdfplumber). A PDF without text (a scan) is refused with a clear message.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from planwatch.documents.bulletin import Reading, read_bulletin
from planwatch.documents.bulletin_dictionary import Dictionary


class BulletinFileError(ValueError):
    """A file that cannot be read as a bulletin; the message names the file (Chinese)."""


_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "noscript", "iframe", "select", "button", "form"}
_SKIP_CLASS = re.compile(r"nav|menu|footer|header|share|related|crumb|sidebar|comment|copyright", re.I)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "title",
}
_VOID = {"br", "img", "meta", "link", "input", "hr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if self.skipping or tag in _SKIP_TAGS or _SKIP_CLASS.search(classes):
            self.skipping.append(tag)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        # A line break inside a paragraph's source is a space, as a browser shows it: only block
        # elements break lines ("第一产业增加值\n48.93亿元" in one <p> is one sentence).
        if not self.skipping:
            self.parts.append(re.sub(r"\s*\n\s*", " ", data.replace("\xa0", " ")))


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.parts).splitlines() if line.strip())


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BulletinFileError(f"无法识别文件 {name} 的编码(应为 UTF-8 或 GB18030)")


def pdf_text(path: Path) -> str:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as problem:
        raise BulletinFileError(f"无法读取 PDF 文件 {path.name}:文件已损坏或不是 PDF") from problem
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    text = "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BulletinFileError(f"PDF 文件 {path.name} 中没有可提取的文字,可能是扫描件")
    return text


def bulletin_text(path: Path) -> str:
    """The text of a bulletin file, by its extension (.pdf, .html/.htm, anything else as text)."""
    if not path.is_file():
        raise BulletinFileError(f"找不到文件 {path}")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(path)
    text = _decode(path.read_bytes(), path.name)
    if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return html_text(text)
    return text


def read_bulletin_file(
    path: Path, *, region: str | None = None, year: int | None = None, dictionary: Dictionary | None = None
) -> Reading:
    return read_bulletin(bulletin_text(Path(path)), region=region, year=year, dictionary=dictionary)
