"""Evidence refused on an English page, in a real Chromium: the unit's clerk, reading in English, attaches a
"PDF" that is a zip and then a scan over the 5 MB limit. Both answers stayed Chinese, and the second said
"未导入任何数据" (no data imported), the data import's words: evidence is attached, not imported."""

from __future__ import annotations

import pytest

from planwatch.web.work import services
from planwatch.web.work.models import Evidence
from planwatch.web.work.services import ReportInput
from tests.web.dashboard.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_evidence_refusals_read_in_english(live_server, chromium, yudu_task, cast, tmp_path):
    report = services.save_report(yudu_task, user=cast.yudu, reason="报告", period="2025Q3", data=ReportInput())
    page = chromium.new_context(locale="en-US").new_page()
    try:
        sign_in(page, live_server, cast.yudu)
        page.goto(f"{live_server.url}/work/reports/{report.pk}/")
        fake = tmp_path / "批复.pdf"
        fake.write_bytes(b"PK\x03\x04 a zip in disguise")
        page.set_input_files("#evidence_file", str(fake))
        with page.expect_navigation():
            page.locator("#evidence-form button[type=submit]").click()
        assert "File “批复.pdf” is refused: its content is not a PDF (the name and the content disagree)" in (
            page.locator("body").inner_text()
        )

        page.goto(f"{live_server.url}/work/reports/{report.pk}/")
        scan = tmp_path / "扫描件.pdf"
        scan.write_bytes(PDF + b"0" * (5 * 1024 * 1024))  # 5 MB + 45 B: past the 5.0 MB limit
        page.set_input_files("#evidence_file", str(scan))
        with page.expect_navigation():
            page.locator("#evidence-form button[type=submit]").click()
        text = page.locator("body").inner_text()
        assert "File “扫描件.pdf” is over the 5.0 MB limit for evidence: receiving stopped, no evidence was attached" in (
            text
        )
        assert "imported" not in text
    finally:
        page.context.close()
    assert not Evidence.objects.exists()
