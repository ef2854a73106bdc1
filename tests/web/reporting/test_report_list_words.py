"""The list of generated reports names a file's language in words (not its code, zh or en) and in the
page's language, as it names the edition: 中文 / 英文 on a Chinese page, Chinese / English on an English
one (an English page read "Public edition · 中文")."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

FORM = {"kind": "final", "as_of": "2024", "edition": "internal", "format": "docx", "reason": "测试"}


@pytest.mark.parametrize(
    ("language", "page_language", "words"),
    [
        ("zh", "zh-hans", "内部版 · 中文"),
        ("en", "zh-hans", "内部版 · 英文"),
        ("zh", "en", "Internal edition · Chinese"),
        ("en", "en", "Internal edition · English"),
    ],
)
def test_a_report_row_names_its_language_in_the_pages_language(
    language, page_language, words, seeded, planner, client_for
):
    client = client_for(planner)
    client.cookies["django_language"] = page_language
    assert client.post("/reports/new/", {**FORM, "language": language}).status_code == 302
    page = client.get("/reports/").content.decode()
    first_cell = re.search(r'<tr id="report-file-\d+"[^>]*>\s*<td>(.*?)</td>', page, re.S).group(1)
    assert first_cell.endswith(words) and f"· {language}<" not in page
