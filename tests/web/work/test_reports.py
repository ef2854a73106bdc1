"""Progress reports: draft → submitted → returned / accepted, audited; only the lead unit reports;
last period pre-filled; evidence is a real PDF or image or nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied

from planwatch.web.core.errors import ServiceError
from planwatch.web.places.models import AuditEntry
from planwatch.web.work import services
from planwatch.web.work.models import Escalation, Evidence, ProgressReport
from planwatch.web.work.services import ReportInput

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _draft(task, user, period="2025Q3", **fields):
    return services.save_report(task, user=user, reason="报告进展", period=period, data=ReportInput(**fields))


def test_a_report_goes_draft_submitted_returned_submitted_accepted_with_every_step_audited(yudu_task, cast):
    report = _draft(yudu_task, cast.yudu, done_text="完成选址", percent=20)
    assert report.status == ProgressReport.Status.DRAFT and report.unit.name == "于都县人民政府"
    services.submit_report(report, user=cast.yudu, reason="按期报送")
    report.refresh_from_db()
    assert report.status == "submitted"
    with pytest.raises(ServiceError, match="退回时请填写审核意见"):
        services.review_report(report, user=cast.planner, reason="审核", accept=False)
    services.review_report(
        report, user=cast.planner, reason="审核", accept=False, comment="请补充投资完成情况"
    )
    report.refresh_from_db()
    assert (report.status, report.review_comment) == ("returned", "请补充投资完成情况")
    _draft(yudu_task, cast.yudu, done_text="完成选址,投资 0.5 亿元", percent=25)
    services.submit_report(report, user=cast.yudu, reason="补充后重报")
    services.review_report(report, user=cast.planner, reason="审核", accept=True)
    report.refresh_from_db()
    assert report.status == "accepted"
    actions = list(
        AuditEntry.objects.filter(subject="progress", object_id=report.pk)
        .order_by("at", "id")
        .values_list("action", "actor_name", "reason")
    )
    assert [a for a, _, _ in actions] == ["create", "submit", "return", "update", "submit", "approve"]
    assert actions[2][1:] == ("planner", "审核")
    assert [h.status for h in report.history.order_by("history_date")] == [
        "draft",
        "submitted",
        "returned",
        "returned",
        "submitted",
        "accepted",
    ]


def test_an_accepted_report_cannot_be_changed_and_nobody_reviews_their_own(yudu_task, cast):
    report = _draft(yudu_task, cast.yudu, percent=10)
    services.submit_report(report, user=cast.yudu, reason="报送")
    with pytest.raises(PermissionDenied, match="只能修改本单位的草稿或被退回的进展报告"):
        services.submit_report(report, user=cast.yudu, reason="再报")
    with pytest.raises(PermissionDenied, match="只能审核他人已提交的进展报告"):
        services.review_report(report, user=cast.supervisor, reason="督查不能审核", accept=True)


def test_last_periods_report_is_prefilled(yudu_task, cast):
    _draft(
        yudu_task, cast.yudu, period="2025Q2", done_text="完成可研批复", percent=30, problems="用地指标不足"
    )
    filled = services.prefill(yudu_task, "2025Q3")
    assert (filled.done_text, filled.percent, filled.problems) == ("完成可研批复", 30, "用地指标不足")
    assert services.prefill(yudu_task, "2025Q2") == ReportInput()  # nothing before the first


def test_a_unit_cannot_report_on_another_units_task_or_project(yudu_task, nankang_project, cast, client_for):
    # The service refuses: 南康区 does not lead task 1; 于都县 does not lead 长赣高铁.
    with pytest.raises(PermissionDenied, match="只有牵头单位可以报告进展"):
        _draft(yudu_task, cast.nankang)
    with pytest.raises(PermissionDenied, match="只有牵头单位可以报告进展"):
        services.save_report(
            nankang_project, user=cast.yudu, reason="越权", period="2025Q3", data=ReportInput()
        )
    # The pages: a unit with no part in it gets 404 (may not know it exists); a cooperating unit sees
    # the task but gets 403 on the report form.
    assert client_for(cast.nankang).get(f"/work/task/{yudu_task.pk}/report/").status_code == 404
    assert client_for(cast.yudu).get(f"/work/project/{nankang_project.pk}/report/").status_code == 404
    assert (
        client_for(cast.yudu)
        .post(f"/work/project/{nankang_project.pk}/report/", {"period": "2025Q3", "reason": "越权"})
        .status_code
        == 404
    )
    assert client_for(cast.ruijin).get(f"/work/tasks/{yudu_task.pk}/").status_code == 200
    response = client_for(cast.ruijin).get(f"/work/task/{yudu_task.pk}/report/")
    assert response.status_code == 403
    assert "只有牵头单位可以报告进展" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_another_units_draft_is_not_found_and_a_cooperating_unit_cannot_edit(yudu_task, cast, client_for):
    report = _draft(yudu_task, cast.yudu, percent=5)
    assert client_for(cast.nankang).get(f"/work/reports/{report.pk}/").status_code == 404
    assert (
        client_for(cast.ruijin).get(f"/work/reports/{report.pk}/").status_code == 404
    )  # a draft is the unit's own
    services.submit_report(report, user=cast.yudu, reason="报送")
    assert client_for(cast.ruijin).get(f"/work/reports/{report.pk}/").status_code == 200
    assert client_for(cast.ruijin).post(f"/work/reports/{report.pk}/submit/").status_code == 403


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "work-evidence"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_evidence_that_is_not_what_its_name_claims_is_refused_and_nothing_is_stored(
    yudu_task, cast, client_for
):
    report = _draft(yudu_task, cast.yudu)
    before = _media_files()
    client = client_for(cast.yudu)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile(
        "批复.pdf", b"PK\x03\x04 this is a zip, not a PDF", content_type="application/pdf"
    )
    response = client.post(
        f"/work/reports/{report.pk}/evidence/", {"file": fake, "reason": "上传"}, follow=True
    )
    assert "文件「批复.pdf」的内容不是PDF(文件名与内容不符),已拒收" in response.content.decode()
    png_named_jpg = SimpleUploadedFile("现场.jpg", PNG, content_type="image/jpeg")
    response = client.post(
        f"/work/reports/{report.pk}/evidence/", {"file": png_named_jpg, "reason": "上传"}, follow=True
    )
    assert "文件「现场.jpg」的内容不是JPEG 图片(文件名与内容不符),已拒收" in response.content.decode()
    script = SimpleUploadedFile("说明.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post(
        f"/work/reports/{report.pk}/evidence/", {"file": script, "reason": "上传"}, follow=True
    )
    assert "佐证材料只收 PDF 和图片(PNG、JPEG)" in response.content.decode()
    assert not Evidence.objects.exists() and _media_files() == before


def test_a_real_pdf_is_stored_and_only_visible_users_download_it(yudu_task, cast, client_for):
    report = _draft(yudu_task, cast.yudu)
    evidence = services.add_evidence(report, user=cast.yudu, reason="佐证", name="批复.pdf", content=PDF)
    assert (evidence.kind, evidence.size, evidence.content_type) == ("pdf", len(PDF), "application/pdf")
    response = client_for(cast.yudu).get(f"/work/evidence/{evidence.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert client_for(cast.nankang).get(f"/work/evidence/{evidence.pk}/").status_code == 404
    Path(evidence.file.path).unlink()


def test_oversized_evidence_is_refused(yudu_task, cast, settings):
    from planwatch.work.settings import configure, reset

    report = _draft(yudu_task, cast.yudu)
    configure(EVIDENCE_MAX_BYTES=100)
    try:
        with pytest.raises(ServiceError, match=r"文件「大.pdf」大小 245 B,超过上限 100 B"):
            services.add_evidence(
                report, user=cast.yudu, reason="佐证", name="大.pdf", content=PDF + b"0" * 200
            )
    finally:
        reset()
    assert not Evidence.objects.exists()


def test_a_coordination_request_goes_on_the_escalation_list_when_submitted(yudu_task, cast):
    report = _draft(yudu_task, cast.yudu, coordination="province", coordination_text="需省级协调用地指标")
    assert not Escalation.objects.exists()  # a draft asks nobody yet
    services.submit_report(report, user=cast.yudu, reason="报送")
    esc = Escalation.objects.get()
    assert (esc.kind, esc.level, esc.owner.name, esc.detail, esc.status) == (
        "coordination",
        "province",
        "于都县人民政府",
        "需省级协调用地指标",
        "open",
    )


def test_a_coordination_request_needs_its_problem_written(yudu_task, cast):
    with pytest.raises(ServiceError, match="请写明需协调解决的问题"):
        _draft(yudu_task, cast.yudu, coordination="city")
    with pytest.raises(ServiceError, match="「完成进度」须在 0—100 之间"):
        _draft(yudu_task, cast.yudu, percent=120)


def test_accepting_a_project_report_carries_stage_and_investment_into_the_ledger(nankang_project, cast):
    report = services.save_report(
        nankang_project,
        user=cast.nankang,
        reason="报告",
        period="2025Q3",
        data=ReportInput(stage="建成", investment_done=6.5, percent=100),
    )
    services.submit_report(report, user=cast.nankang, reason="报送")
    services.review_report(report, user=cast.reviewer, reason="核实", accept=True)
    nankang_project.refresh_from_db()
    assert (nankang_project.stage, nankang_project.investment_done) == ("建成", 6.5)
