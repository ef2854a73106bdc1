"""The report page and the county comparison in a real Chromium: progress turns into a download link
while the page is open, and the comparison map is drawn."""

from __future__ import annotations

import pytest

from planwatch.web.reporting.models import ReportFile
from planwatch.web.reporting.snapshots import take_snapshot
from planwatch.web.reporting.tasks import run_report_file
from tests.web.dashboard.browser import series_count, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_progress_becomes_a_download_link_and_comparison_map_is_drawn(
    live_server, page, seeded, planner, artifacts_dir
):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, live_server, planner)
    snapshot = take_snapshot(
        seeded["plan"], kind="final", as_of=2024, edition="internal", user=planner, reason="测试"
    )
    row = ReportFile.objects.create(
        snapshot=snapshot,
        format="html",
        created_by=planner,
        status=ReportFile.Status.RUNNING,
        progress=40,
        step="作图",
    )
    page.goto(f"{live_server.url}/reports/")
    assert page.locator(f"#report-file-{row.pk} progress").get_attribute("value") == "40"
    run_report_file(row.pk)  # the worker finishes while the page is open
    link = page.locator(f'#report-file-{row.pk} a[href="/reports/{row.pk}/download/"]')
    link.wait_for(timeout=10_000)
    assert link.inner_text() == "赣州市2024总结评估报告-内部版.html"
    page.screenshot(path=artifacts_dir / "reports-page.png", full_page=True)

    page.goto(f"{live_server.url}/reports/counties/?indicator=I01&colour=grade")
    assert series_count(page, "#comparison-map") == 1
    assert page.locator("#ranking tbody tr").count() == 18
    page.screenshot(path=artifacts_dir / "county-comparison.png", full_page=True)
    assert not errors, errors
