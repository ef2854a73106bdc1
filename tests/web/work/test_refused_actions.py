"""Refused work actions answer 409 (the report's state), 413 (a file too large) or 422 (the input),
with the reason on the page they were sent from — never the 302 of a success — and change nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.web.places.models import AuditEntry
from planwatch.web.work import services
from planwatch.web.work.models import Evidence, ProgressReport
from planwatch.web.work.services import ReportInput

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _submitted(task, user) -> ProgressReport:
    report = services.save_report(
        task, user=user, reason="报告进展", period="2025Q3", data=ReportInput(percent=20)
    )
    services.submit_report(report, user=user, reason="按期报送")
    report.refresh_from_db()
    return report


def _state(report: ProgressReport) -> tuple[str, int, int]:
    report.refresh_from_db()
    return report.status, report.percent, AuditEntry.objects.count()


def test_returning_a_report_without_a_comment_is_422_on_the_report_page(yudu_task, cast, client_for):
    report = _submitted(yudu_task, cast.yudu)
    before = _state(report)
    url = reverse("work-report-review", args=[report.pk, "return"])
    response = client_for(cast.planner).post(url, {"reason": "审核", "comment": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert "退回时请填写审核意见" in page and yudu_task.title in page
    assert _state(report) == before


def test_a_review_without_its_reason_is_422_naming_the_field(yudu_task, cast, client_for):
    report = _submitted(yudu_task, cast.yudu)
    before = _state(report)
    response = client_for(cast.planner).post(reverse("work-report-review", args=[report.pk, "accept"]), {})
    assert response.status_code == 422
    assert "理由(记入审计):" in response.content.decode()
    assert _state(report) == before


def test_a_new_report_for_a_period_already_submitted_is_a_conflict(yudu_task, cast, client_for):
    report = _submitted(yudu_task, cast.yudu)
    before = _state(report)
    response = client_for(cast.yudu).post(
        reverse("work-report-new", args=["task", yudu_task.pk]),
        {"period": "2025Q3", "reason": "再报", "percent": "90"},
    )
    assert response.status_code == 409
    assert "2025Q3 的报告已提交或已采纳,不能再修改" in response.content.decode()
    assert _state(report) == before


def test_evidence_over_the_limit_is_413_before_it_is_read(yudu_task, cast, client_for):
    from planwatch.work.settings import configure, reset

    report = services.save_report(
        yudu_task, user=cast.yudu, reason="报告", period="2025Q3", data=ReportInput()
    )
    configure(EVIDENCE_MAX_BYTES=100)
    try:
        upload = SimpleUploadedFile("大.pdf", PDF + b"0" * 200, content_type="application/pdf")
        response = client_for(cast.yudu).post(
            reverse("work-evidence-upload", args=[report.pk]), {"file": upload, "reason": "佐证"}
        )
    finally:
        reset()
    assert response.status_code == 413
    assert "文件「大.pdf」大小 245 B,超过上限 100 B" in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_that_is_not_a_pdf_is_422(yudu_task, cast, client_for):
    report = services.save_report(
        yudu_task, user=cast.yudu, reason="报告", period="2025Q3", data=ReportInput()
    )
    fake = SimpleUploadedFile("批复.pdf", b"PK\x03\x04 a zip", content_type="application/pdf")
    response = client_for(cast.yudu).post(
        reverse("work-evidence-upload", args=[report.pk]), {"file": fake, "reason": "上传"}
    )
    assert response.status_code == 422
    assert "文件「批复.pdf」的内容不是PDF(文件名与内容不符),已拒收" in response.content.decode()
    assert not Evidence.objects.exists()


def test_accepting_still_redirects_to_the_report(yudu_task, cast, client_for):
    report = _submitted(yudu_task, cast.yudu)
    response = client_for(cast.planner).post(
        reverse("work-report-review", args=[report.pk, "accept"]), {"reason": "审核"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("work-report", args=[report.pk])
    assert _state(report)[0] == "accepted"


def test_evidence_over_the_upload_limit_is_413_naming_the_file_not_a_missing_field(
    yudu_task, cast, client_for
):
    """A file past the site's upload limit (5 MB) is stopped while it arrives, so the form's fields after
    it (the reason) never come: the answer must name the size, not "这个字段是必填项"."""
    report = services.save_report(
        yudu_task, user=cast.yudu, reason="报告", period="2025Q3", data=ReportInput()
    )
    big = SimpleUploadedFile("扫描件.pdf", PDF + b"0" * (5 * 1024 * 1024), content_type="application/pdf")
    response = client_for(cast.yudu).post(
        reverse("work-evidence-upload", args=[report.pk]), {"file": big, "reason": "佐证"}
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "文件「扫描件.pdf」超过佐证材料的大小上限 5.0 MB,已停止接收,未添加任何佐证材料" in page
    assert "必填" not in page and "未导入任何数据" not in page  # evidence is attached, not imported
    assert not Evidence.objects.exists()


def test_evidence_refusals_are_in_english_on_an_english_page(yudu_task, cast, client_for):
    """Each refusal, on a page in English: the kind, the content, the declared size (limit set to 100 B; the
    file is the 45-byte PDF + 200 bytes = 245 B) and a file stopped while it arrived (5 MB + 45 B, over the
    5.0 MB upload limit, which is also the evidence limit). They stayed Chinese on English pages."""
    from planwatch.work.settings import configure, reset

    report = services.save_report(
        yudu_task, user=cast.yudu, reason="报告", period="2025Q3", data=ReportInput()
    )
    client = client_for(cast.yudu)
    client.cookies["django_language"] = "en"
    url = reverse("work-evidence-upload", args=[report.pk])

    def refused(name: str, content: bytes) -> str:
        upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
        return client.post(url, {"file": upload, "reason": "佐证"}).content.decode()

    assert "File “说明.docx” is not an allowed type: evidence must be a PDF or an image (PNG, JPEG)" in refused(
        "说明.docx", b"PK\x03\x04"
    )
    assert "File “批复.pdf” is refused: its content is not a PDF (the name and the content disagree)" in refused(
        "批复.pdf", b"PK\x03\x04 a zip"
    )
    assert "File “现场.jpg” is refused: its content is not a JPEG image (the name and the content disagree)" in (
        refused("现场.jpg", b"\x89PNG\r\n\x1a\n\0\0")
    )
    configure(EVIDENCE_MAX_BYTES=100)
    try:
        assert "File “大.pdf” is 245 B, over the limit of 100 B" in refused("大.pdf", PDF + b"0" * 200)
    finally:
        reset()
    stopped = refused("扫描件.pdf", PDF + b"0" * (5 * 1024 * 1024))
    assert "File “扫描件.pdf” is over the 5.0 MB limit for evidence: receiving stopped, no evidence was attached" in (
        stopped
    )
    assert not Evidence.objects.exists()


def test_a_refused_new_report_says_why_once(yudu_task, cast, client_for):
    response = client_for(cast.yudu).post(
        reverse("work-report-new", args=["task", yudu_task.pk]),
        {"period": "2025Q3", "coordination": "city", "coordination_text": "", "reason": "报告"},
    )
    assert response.status_code == 422
    assert response.content.decode().count("请写明需协调解决的问题") == 1
    assert not ProgressReport.objects.exists()
