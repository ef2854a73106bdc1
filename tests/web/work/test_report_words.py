"""A progress report is named by its quarter in words and saving it says so.

Seen on the demo: the first 保存草稿 of a report landed on its page with no message, and the report was
titled 46. 加强文化遗产保护传承利用 · 2025Q4 — the stored key, not 2025年第4季度.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _h1(page: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))


def test_saving_a_new_report_says_saved_and_names_the_quarter_in_words(yudu_task, cast, client_for):
    client = client_for(cast.yudu)
    response = client.post(
        f"/work/task/{yudu_task.pk}/report/",
        {"period": "2025Q4", "done_text": "一期完成", "percent": "85", "reason": "报告进展"},
        follow=True,
    )
    page = response.content.decode()
    assert "已保存草稿" in page
    assert _h1(page).startswith(f"进展报告:{yudu_task} · 2025年第4季度")
    assert "2025Q4" not in _h1(page)


def test_the_quarter_reads_in_english_on_an_english_page(yudu_task, cast, client_for):
    client = client_for(cast.yudu)
    client.post(f"/work/task/{yudu_task.pk}/report/", {"period": "2025Q4", "reason": "报告进展"})
    client.cookies["django_language"] = "en"
    report = yudu_task.reports.get()
    page = client.get(f"/work/reports/{report.pk}/").content.decode()
    assert "2025Q4" not in _h1(page) and "Q4 2025" in _h1(page)
