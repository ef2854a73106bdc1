"""重大事项 and the role home pages (待办); login lands on the home."""

from __future__ import annotations

import datetime as dt

import pytest

from planwatch.web.work import services
from planwatch.web.work.escalations import sync_warnings
from planwatch.web.work.models import Escalation
from planwatch.web.work.services import ReportInput

pytestmark = pytest.mark.django_db


def _report(subject, user, period="2025Q3", submit=True, **fields):
    report = services.save_report(
        subject, user=user, reason="报告", period=period, data=ReportInput(**fields)
    )
    return services.submit_report(report, user=user, reason="报送") if submit else report


def test_every_binding_indicator_with_a_warning_is_listed_once(db, cast, client_for):
    """Dashboard seed: I02 森林覆盖率 (约束性) is 逆向 with a 预警; I01 is 滞后 but 预期性 → not listed."""
    from tests.web.dashboard.seed import seed

    plan = seed()["plan"]
    assert sync_warnings(plan) == 1
    assert sync_warnings(plan) == 0
    esc = Escalation.objects.get()
    assert (esc.kind, esc.indicator.code, esc.status) == ("warning", "I02", "open")
    assert esc.title.startswith("森林覆盖率")


def test_a_coordination_request_reaches_the_supervisor_and_the_planner_resolves_it(
    ganzhou, yudu_task, cast, client_for
):
    _report(yudu_task, cast.yudu, coordination="city", coordination_text="需市里协调土地报批")
    html = client_for(cast.supervisor).get("/work/escalations/").content.decode()
    assert "需市里协调土地报批" in html and "于都县人民政府" in html and "需市级协调" in html
    esc = Escalation.objects.get()
    assert (
        client_for(cast.supervisor)
        .post(f"/work/escalations/{esc.pk}/", {"status": "resolved", "resolution": "x", "reason": "督查"})
        .status_code
        == 403
    )
    response = client_for(cast.planner).post(
        f"/work/escalations/{esc.pk}/",
        {"status": "resolved", "resolution": "", "reason": "协调"},
        follow=True,
    )
    assert "标记为已解决时请填写处理结果" in response.content.decode()
    client_for(cast.planner).post(
        f"/work/escalations/{esc.pk}/",
        {"status": "resolved", "resolution": "市自然资源局已安排用地指标", "reason": "协调会议定"},
    )
    esc.refresh_from_db()
    assert (esc.status, esc.resolution) == ("resolved", "市自然资源局已安排用地指标")
    # A unit sees only its own escalations.
    assert "需市里协调土地报批" not in client_for(cast.nankang).get("/work/escalations/").content.decode()


def test_login_lands_on_the_home_page_and_slash_stays_the_plan(ganzhou, cast, client):
    from tests.web.conftest import PASSWORD

    response = client.post("/accounts/login/", {"username": "yudu", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/work/"
    assert "plans/plan.html" in [t.name for t in client.get("/").templates]


def test_unit_home_lists_what_it_owes_and_what_came_back(
    ganzhou, yudu_task, nankang_project, cast, client_for, monkeypatch
):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 10, 11))
    html = client_for(cast.nankang).get("/work/").content.decode()
    assert "本单位应报" in html and "长赣高铁" in html and "打造高能级创新平台" not in html
    report = _report(yudu_task, cast.yudu)
    services.review_report(report, user=cast.planner, reason="审核", accept=False, comment="请补充佐证材料")
    html = client_for(cast.yudu).get("/work/").content.decode()
    assert "请补充佐证材料" in html
    assert "打造高能级创新平台" in html  # returned: owed again


def test_reviewer_home_lists_what_waits_and_supervisor_home_what_is_red(
    ganzhou, yudu_task, nankang_project, cast, client_for, monkeypatch
):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 10, 11))
    _report(yudu_task, cast.yudu)
    html = client_for(cast.reviewer).get("/work/").content.decode()
    assert "待审核" in html and "打造高能级创新平台 · 2025年第3季度" in html
    html = client_for(cast.supervisor).get("/work/").content.decode()
    red = html.split("红灯事项")[1].split("未解决的重大事项")[0]
    assert "长赣高铁" in red and "打造高能级创新平台" not in red
    html = client_for(cast.planner).get("/work/").content.decode()
    assert "未分工任务" in html and "待审核" in html and "红灯事项" in html


def test_pages_need_login_and_hide_what_a_unit_has_no_part_in(
    ganzhou, yudu_task, nankang_project, cast, client_for, anonymous_client
):
    for url in (
        "/work/",
        "/work/tasks/",
        "/work/projects/",
        "/work/escalations/",
        f"/work/tasks/{yudu_task.pk}/",
    ):
        assert anonymous_client.get(url).status_code == 302, url
    assert client_for(cast.nankang).get(f"/work/tasks/{yudu_task.pk}/").status_code == 404
    assert client_for(cast.zhanggong).get(f"/work/projects/{nankang_project.pk}/").status_code == 404
    tasks = client_for(cast.yudu).get("/work/tasks/").content.decode()
    assert "打造高能级创新平台" in tasks and "共 1 项任务" in tasks
    assert (
        client_for(cast.yudu).post(f"/work/tasks/{yudu_task.pk}/assign/", {"reason": "x"}).status_code == 403
    )
    assert (
        client_for(cast.supervisor).post(f"/work/tasks/{yudu_task.pk}/assign/", {"reason": "x"}).status_code
        == 403
    )


def test_the_unit_home_asks_for_each_report_once(ganzhou, yudu_task, cast, client_for, monkeypatch):
    """11 Oct 2025: 2025Q3 is owed. 于都's draft for it, then the same report returned, stands on the owed
    line (its state, the review comment, the link to it) and in no second list; an older draft (2025Q2)
    is still listed under 草稿, since no owed line holds it."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 10, 11))
    report = _report(yudu_task, cast.yudu, submit=False, percent=30)
    html = client_for(cast.yudu).get("/work/").content.decode()
    owed = html.split('id="owed"')[1].split("</table>")[0]
    assert html.count("打造高能级创新平台") == 1 and '<span class="tag">草稿</span>' in owed
    assert f'href="/work/reports/{report.pk}/"' in owed and 'id="drafts"' not in html
    services.submit_report(report, user=cast.yudu, reason="报送")
    services.review_report(report, user=cast.planner, reason="审核", accept=False, comment="请补充佐证材料")
    html = client_for(cast.yudu).get("/work/").content.decode()
    owed = html.split('id="owed"')[1].split("</table>")[0]
    assert html.count("打造高能级创新平台") == 1 and html.count("请补充佐证材料") == 1
    assert '<span class="tag">已退回</span> 审核意见:请补充佐证材料' in owed and 'id="returned"' not in html
    older = _report(yudu_task, cast.yudu, period="2025Q2", submit=False)
    drafts = client_for(cast.yudu).get("/work/").content.decode().split('id="drafts"')[1]
    assert f'href="/work/reports/{older.pk}/"' in drafts and "2025年第2季度" in drafts


def test_a_binding_warning_is_on_the_supervisor_home_before_anyone_opens_the_list(db, cast, client_for):
    """Dashboard seed: I02 森林覆盖率 (约束性) is 逆向 with a 预警; the supervisor's first page is the home."""
    from tests.web.dashboard.seed import seed

    seed()
    html = client_for(cast.supervisor).get("/work/").content.decode()
    assert "森林覆盖率:逆向预警" in html.split("未解决的重大事项")[-1]
    assert Escalation.objects.filter(kind="warning").count() == 1


def test_a_resolved_escalation_shows_its_own_state_in_its_form(ganzhou, yudu_task, cast, client_for):
    """A blank row form said 待处理 beside a resolved item: saving a note there would have reopened it."""
    _report(yudu_task, cast.yudu, coordination="city", coordination_text="需市里协调土地报批")
    esc = Escalation.objects.get()
    services.resolve_escalation(
        esc, user=cast.planner, reason="协调会议定", status="resolved", resolution="已安排用地指标"
    )
    html = client_for(cast.planner).get("/work/escalations/").content.decode()
    form = html[html.index(f'action="/work/escalations/{esc.pk}/"') :].split("</form>")[0]
    assert '<option value="resolved" selected>已解决</option>' in form
    assert "已安排用地指标</textarea>" in form
    assert 'aria-label="处理结果"' in form and 'placeholder="理由(记入审计)"' in form


def test_a_clerks_home_lists_the_figures_past_due_and_links_to_the_entry_page(
    cast, assignments, small_plan, client_for, monkeypatch
):
    """于都县 owes 地区生产总值 2024 for 于都县, due 2025-03-31; on 2025-04-10 it is 10 days late
    (31 March → 10 April) and nothing is submitted: the clerk's 待办 says so, beside its progress reports.
    Once submitted, the figure is no longer owed."""
    from planwatch.web.monitoring import services as figures

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 4, 10))
    html = client_for(cast.yudu).get("/work/").content.decode()
    owed = html.split('id="figures-owed"')[1].split("</ul>")[0]
    assert 'href="/monitoring/entry/"' in owed
    assert "地区生产总值 2024:已逾期 10 天(截止 2025-03-31),尚缺 于都县" in owed
    theirs = client_for(cast.ruijin).get("/work/").content.decode().split('id="figures-owed"')[1].split("</ul>")[0]
    assert "尚缺 瑞金市" in theirs and "于都县" not in theirs  # each unit its own
    draft = figures.create_draft(user=cast.yudu, reason="填报", indicator=small_plan.indicators.get(code="I01"),
                                 region=assignments["于都县"].regions.get(), year=2024, value=250.0)
    figures.submit_observation(draft, user=cast.yudu)
    owed = client_for(cast.yudu).get("/work/").content.decode().split('id="figures-owed"')[1].split("</ul>")[0]
    assert "地区生产总值" not in owed and "没有逾期未报的数据" in owed



def test_the_figures_waiting_link_opens_for_whoever_the_home_shows_it_to(ganzhou, cast, client_for):
    """Seen on the demo: the planner's 待办 linked 待审核数据 N 条 to the review queue, which answers
    the planner 403 (figures are reviewed by the 统计局 reviewer, not the planner). The reviewer's
    link goes to the queue; the planner's to the submitted figures it may read."""
    import re

    for user, target in ((cast.reviewer, "/monitoring/review/"), (cast.planner, "/monitoring/observations/")):
        client = client_for(user)
        home = client.get("/work/").content.decode()
        link = re.search(r'<a href="([^"]+)">待审核数据 \d+ 条</a>', home).group(1).replace("&amp;", "&")
        assert link.startswith(target), (user.username, link)
        assert client.get(link).status_code == 200, (user.username, link)
