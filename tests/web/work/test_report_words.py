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


def test_a_task_report_asks_no_construction_stage_or_investment_a_project_report_does(
    yudu_task, nankang_project, cast, client_for
):
    """建设阶段 and 本年已完成投资 belong to a key project's 台账; a task (打造高能级创新平台) has neither,
    and the report's page never shows them for a task. Seen on the demo: 于都县's task report asked both."""
    yudu = client_for(cast.yudu)
    new = yudu.get(f"/work/task/{yudu_task.pk}/report/").content.decode()
    assert 'name="stage"' not in new and 'name="investment_done"' not in new
    yudu.post(f"/work/task/{yudu_task.pk}/report/", {"period": "2025Q4", "percent": "40", "reason": "报告进展"})
    edit = yudu.get(f"/work/reports/{yudu_task.reports.get().pk}/").content.decode()
    assert 'name="stage"' not in edit and 'name="investment_done"' not in edit
    nankang = client_for(cast.nankang)
    project = nankang.get(f"/work/project/{nankang_project.pk}/report/").content.decode()
    assert 'name="stage"' in project and 'name="investment_done"' in project
