"""A progress report's period in a real Chromium: the new-report form saves the quarter it shows, and a
report's edit form does not offer the quarter at all. The edit form had a 报告期 field; a clerk who
changed 2025Q3 to 2025Q2 there was told 已保存 while the report stayed 2025Q3 (the field did nothing)."""

from __future__ import annotations

import pytest

from planwatch.web.work.models import ProgressReport
from tests.web.dashboard.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_new_form_saves_its_quarter_and_the_edit_form_offers_none(live_server, page, yudu_task, cast):
    sign_in(page, live_server, cast.yudu)
    page.goto(f"{live_server.url}/work/task/{yudu_task.pk}/report/?period=2025Q3")
    page.fill("#id_period", "2025Q2")  # a quarter the clerk missed, reported late
    page.fill("#id_percent", "30")
    page.click("#report-form button[type=submit]")
    page.wait_for_url("**/work/reports/*/")
    report = ProgressReport.objects.get()
    assert (report.period, report.percent) == ("2025Q2", 30)

    edit = page.locator("form[action$='/save/']")
    assert edit.locator("[name=period]").count() == 0  # the quarter is the report's: shown, not offered
    assert "2025" in page.locator("h1").inner_text()
    edit.locator("[name=percent]").fill("45")
    with page.expect_navigation():
        edit.locator("button[type=submit]").click()
    report.refresh_from_db()
    assert (report.period, report.percent, ProgressReport.objects.count()) == ("2025Q2", 45, 1)
