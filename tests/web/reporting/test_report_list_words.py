"""The list of generated reports names a file's language in words (中文, English), not its code (zh, en)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

FORM = {"kind": "final", "as_of": "2024", "edition": "internal", "format": "docx", "reason": "测试"}


@pytest.mark.parametrize(("language", "word"), [("zh", "中文"), ("en", "English")])
def test_a_report_row_names_its_language(language, word, seeded, planner, client_for):
    client = client_for(planner)
    assert client.post("/reports/new/", {**FORM, "language": language}).status_code == 302
    page = client.get("/reports/").content.decode()
    first_cell = re.search(r'<tr id="report-file-\d+"[^>]*>\s*<td>(.*?)</td>', page, re.S).group(1)
    assert first_cell.endswith(f"· {word}") and f"· {language}<" not in page
