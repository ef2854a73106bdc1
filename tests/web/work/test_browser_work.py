"""The work pages in a real Chromium: a planner assigns a task to 市交通运输局 with 于都县 cooperating; the
lead unit (signing in through the login form) lands on its 待办, reports progress with an evidence PDF
and a coordination request; the supervisor sees it on the 重大事项 list and the overdue task red."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from planwatch.web.places.models import Profile, Role, Unit
from planwatch.web.work.models import Evidence, WorkTask
from tests.web.conftest import PASSWORD, password_hash
from tests.web.dashboard.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def transport_clerk(reference_data):
    user = get_user_model().objects.create(
        username="jiaotong",
        first_name="交通局填报员",
        password=password_hash(),
        email="jiaotong@example.gov.cn",
    )
    Profile.objects.create(user=user, role=Role.REPORTER, unit=Unit.objects.get(name="市交通运输局"))
    return user


def test_assign_report_escalate_and_supervise(
    live_server, page, ganzhou, cast, transport_clerk, artifacts_dir, tmp_path
):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    task = WorkTask.objects.get(plan=ganzhou, number=1)

    # The planner assigns task 1; the deadline has passed (the plan ended in 2025), so it will be overdue.
    sign_in(page, live_server, cast.planner)
    page.goto(f"{live_server.url}/work/tasks/{task.pk}/")
    page.select_option("#id_lead_unit", label="市交通运输局")
    page.select_option("#id_cooperating_units", label="于都县人民政府")
    page.fill("#id_deadline", "2025-06-30")
    page.fill("#id_reason", "市政府分工方案")
    page.get_by_role("button", name="保存分工").click()
    assert "已保存分工" in page.locator(".messages").inner_text()
    assert page.locator("#lead").inner_text() == "市交通运输局"
    assert page.locator("#cooperating").inner_text() == "于都县人民政府"
    page.context.clear_cookies()

    # The lead unit signs in through the form and lands on its home, which lists what it owes.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "jiaotong")
    page.fill("#id_password", PASSWORD)
    page.locator("form").get_by_role("button").click()
    page.wait_for_url("**/work/")
    owed = page.locator("#owed")
    assert "打造高能级创新平台" in owed.inner_text() and "红灯" in owed.inner_text()
    page.screenshot(path=artifacts_dir / "work-unit-home.png", full_page=True)
    owed.get_by_role("link", name="报告进展").click()
    page.fill("#id_done_text", "完成稀土新材料国家实验室筹建方案")
    page.fill("#id_percent", "40")
    page.select_option("#id_coordination", "province")
    page.fill("#id_coordination_text", "需省级协调实验室建设用地指标")
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_url("**/work/reports/*/")
    assert page.locator("#status").inner_text() == "草稿"

    # Unhappy path: a file named .pdf that is not a PDF is refused; then the real PDF is taken.
    fake = tmp_path / "批复.pdf"
    fake.write_bytes(b"PK\x03\x04 a zip in disguise")
    page.set_input_files("#evidence_file", str(fake))
    page.locator("#evidence-form").get_by_role("button", name="上传").click()
    assert "的内容不是PDF(文件名与内容不符),已拒收" in page.locator(".messages").inner_text()
    assert not Evidence.objects.exists()
    real = tmp_path / "实验室筹建批复.pdf"
    real.write_bytes(PDF)
    page.set_input_files("#evidence_file", str(real))
    page.locator("#evidence-form").get_by_role("button", name="上传").click()
    assert "已上传佐证材料" in page.locator(".messages").inner_text()
    assert page.locator("#evidence").inner_text().startswith("实验室筹建批复.pdf")
    page.locator("#submit-form").get_by_role("button", name="提交").click()
    assert page.locator("#status").inner_text() == "已提交"
    page.screenshot(path=artifacts_dir / "work-report.png", full_page=True)
    page.context.clear_cookies()

    # The supervisor sees the request on the escalation list and the overdue task red.
    sign_in(page, live_server, cast.supervisor)
    page.goto(f"{live_server.url}/work/escalations/")
    row = page.locator("#escalations tbody tr").filter(has_text="需省级协调实验室建设用地指标")
    assert (
        "市交通运输局" in row.inner_text()
        and "需省级协调" in row.inner_text()
        and "待处理" in row.inner_text()
    )
    page.goto(f"{live_server.url}/work/supervision/")
    red = page.locator("tr.line-red").filter(has_text="打造高能级创新平台")
    assert "已过完成时限 2025-06-30,尚未完成" in red.inner_text()
    page.screenshot(path=artifacts_dir / "work-supervision.png", full_page=True)
    # A supervisor reads; the planner's form is not there and a forged post is refused.
    assert page.locator("#assign-form").count() == 0
    assert errors == []
