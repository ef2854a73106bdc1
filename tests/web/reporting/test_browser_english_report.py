"""An English report in a real Chromium reading in English: the planner asks for one on the report page;
its row says "Internal edition · English" and its file is named in English. It was named
赣州市2024总结评估报告-内部版-en.html, and the list's language word stayed Chinese on the English page."""

from __future__ import annotations

import pytest

from planwatch.web.reporting.models import ReportFile
from planwatch.web.reporting.tasks import run_report_file
from tests.web.dashboard.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_english_report_is_named_and_labelled_in_english(live_server, chromium, seeded, planner):
    page = chromium.new_context(locale="en-US").new_page()
    try:
        sign_in(page, live_server, planner)
        page.goto(f"{live_server.url}/reports/")
        page.fill("#id_as_of", "2024")
        page.select_option("#id_format", "html")
        page.select_option("#id_language", label="English")
        page.fill("#id_reason", "for the provincial review")
        with page.expect_navigation():
            page.locator("form:has(#id_language) button[type=submit]").click()
        row = ReportFile.objects.get()
        run_report_file(row.pk)  # the worker writes it while the page is open
        cells = page.locator(f"#report-file-{row.pk} td")
        link = page.locator(f'#report-file-{row.pk} a[href="/reports/{row.pk}/download/"]')
        link.wait_for(timeout=10_000)
        assert cells.first.inner_text().endswith("Internal edition · English")
        assert link.inner_text() == "Ganzhou-2024-final-evaluation-internal.html"
    finally:
        page.context.close()
