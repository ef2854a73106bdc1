"""督查督办: lights by hand-worked dates, reminders only to units that owe, lagging indicators with no work,
the Excel export, and who may see the page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail

from planwatch.web.work import services
from planwatch.web.work.models import Milestone, WorkTask
from planwatch.web.work.reminders import send_work_reminders
from planwatch.web.work.services import ReportInput
from planwatch.web.work.supervision import build_board
from planwatch.work.lights import Light

pytestmark = pytest.mark.django_db


def _submit(subject, user, period="2025Q3", **fields):
    report = services.save_report(
        subject, user=user, reason="报告", period=period, data=ReportInput(**fields)
    )
    return services.submit_report(report, user=user, reason="报送")


def _light(board, item) -> Light:
    kind = "task" if isinstance(item, WorkTask) else "project"
    return next(line.light for line in board.lines if line.item.pk == item.pk and line.kind == kind)


def test_lights_follow_the_owed_quarter_and_the_deadline(ganzhou, yudu_task, nankang_project, cast):
    """Owed on 5 Oct 2025: 2025Q3, due 10 Oct (quarter end + 10 days).

    5 Oct: 5 days left < 7 → yellow for both; 于都 submits → green. 11 Oct: 南康 is late → red.
    5 Jan 2026: task 1's deadline (31 Dec 2025) has passed with no accepted report at 100% → red,
    though its 2025Q4 report is only due on 10 Jan.
    """
    board = build_board(ganzhou, today=dt.date(2025, 10, 5), with_indicators=False)
    assert board.quarter.key == "2025Q3" and board.quarter.due == dt.date(2025, 10, 10)
    assert (_light(board, yudu_task), _light(board, nankang_project)) == (Light.YELLOW, Light.YELLOW)
    _submit(yudu_task, cast.yudu)
    board = build_board(ganzhou, today=dt.date(2025, 10, 11), with_indicators=False)
    assert (_light(board, yudu_task), _light(board, nankang_project)) == (Light.GREEN, Light.RED)
    assert board.whole.counts == {"green": 1, "red": 1}
    assert board.unassigned_tasks == 66
    late = next(line for line in board.lines if line.kind == "project")
    assert late.why == ["2025年第3季度进展逾期未报(截止 2025-10-10)"]
    board = build_board(ganzhou, today=dt.date(2026, 1, 5), with_indicators=False)
    line = next(line for line in board.lines if line.kind == "task")
    assert line.light is Light.RED
    assert "已过完成时限 2025-12-31,尚未完成" in line.why


def test_a_task_complete_before_its_deadline_stays_green(ganzhou, yudu_task, cast):
    report = _submit(yudu_task, cast.yudu, period="2025Q4", percent=100)
    services.review_report(report, user=cast.planner, reason="审核", accept=True)
    board = build_board(ganzhou, today=dt.date(2026, 1, 5), with_indicators=False)
    assert _light(board, yudu_task) is Light.GREEN


def test_a_missed_milestone_is_red(ganzhou, yudu_task, cast):
    _submit(yudu_task, cast.yudu)
    Milestone.objects.create(work_task=yudu_task, due_date=dt.date(2025, 9, 30), title="完成可研")
    board = build_board(ganzhou, today=dt.date(2025, 10, 5), with_indicators=False)
    assert _light(board, yudu_task) is Light.RED


def test_project_investment_behind_the_time_share_of_the_year(ganzhou, nankang_project, cast):
    """30 June 2025: time share 181/365 = 0.4959. Planned 10 亿元: done 3 → lag 0.196 → yellow;
    done 2.5 → lag 0.246 → red (the report itself is in, so only the money decides)."""
    _submit(nankang_project, cast.nankang, period="2025Q1")
    for done, light in ((3.0, Light.YELLOW), (2.5, Light.RED), (4.5, Light.GREEN)):
        services.update_project(
            nankang_project, user=cast.planner, reason="调度", planned_investment=10.0, investment_done=done
        )
        board = build_board(ganzhou, today=dt.date(2025, 6, 30), with_indicators=False)
        assert _light(board, nankang_project) is light, done


def test_by_unit_and_by_county(ganzhou, yudu_task, nankang_project, cast):
    board = build_board(ganzhou, today=dt.date(2025, 10, 11), with_indicators=False)
    assert [(t.name, t.of("red")) for t in board.by_unit] == [("于都县人民政府", 1), ("南康区人民政府", 1)]
    assert {t.name for t in board.by_county} == {"南康区", "于都县"}


def test_reminders_go_only_to_units_that_have_not_reported(ganzhou, yudu_task, nankang_project, cast):
    """2025Q3 is due 10 Oct; REMINDER_OFFSETS (3, 0, −1, −7) make 7 Oct a reminder day, 8 Oct not."""
    _submit(yudu_task, cast.yudu)
    assert send_work_reminders(ganzhou, today=dt.date(2025, 10, 8)) == []
    sent = send_work_reminders(ganzhou, today=dt.date(2025, 10, 7))
    assert [o.unit.name for o in sent] == ["南康区人民政府"]
    assert [m.to for m in mail.outbox] == [["nankang@example.gov.cn"]]
    assert (
        "长赣高铁" in mail.outbox[0].body and mail.outbox[0].subject == "[Planwatch] 催报进展:2025年第3季度"
    )
    # A draft is not a report: 南康 saving one does not stop the reminder.
    services.save_report(
        nankang_project, user=cast.nankang, reason="草稿", period="2025Q3", data=ReportInput()
    )
    assert [o.unit.name for o in send_work_reminders(ganzhou, today=dt.date(2025, 10, 17))] == [
        "南康区人民政府"
    ]


def test_a_lagging_indicator_with_no_linked_work_is_flagged(db, cast):
    """The dashboard seed: I01 地区生产总值 滞后 (completion 0.408 < time share 0.75) and I02 森林覆盖率 逆向.
    Linking I02 to an assigned task takes it off the list; I01 stays flagged."""
    from tests.web.dashboard.seed import seed

    data = seed()
    plan, ind = data["plan"], data["indicators"]
    board = build_board(plan, today=dt.date(2025, 1, 15))
    assert [g.indicator.code for g in board.unlinked_lagging] == ["I01", "I02"]
    task = WorkTask.objects.get(plan=plan)  # 提升森林质量 (the 总体要求 chapter's task is not work)
    services.assign_task(
        task, user=cast.planner, reason="分工", lead_unit=cast.nankang.planwatch.unit, indicators=[ind["I02"]]
    )
    board = build_board(plan, today=dt.date(2025, 1, 15))
    assert [(g.indicator.code, g.grade) for g in board.unlinked_lagging] == [("I01", "滞后")]


def test_supervision_page_and_export(ganzhou, yudu_task, nankang_project, cast, client_for):
    html = client_for(cast.supervisor).get("/work/supervision/").content.decode()
    assert "督查督办" in html and "长赣高铁" in html and "于都县人民政府" in html
    response = client_for(cast.supervisor).get("/work/supervision.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["督查督办", "按单位", "按县(市、区)", "滞后指标无任务"]
    rows = list(book["督查督办"].iter_rows(values_only=True))
    assert rows[0] == ("灯", "类型", "名称", "牵头单位", "县(市、区)", "本期报告", "原因")
    assert {r[2] for r in rows[1:]} == {"打造高能级创新平台", "长赣高铁"}


@pytest.mark.parametrize(
    "who, status", [("supervisor", 200), ("planner", 200), ("reviewer", 200), ("yudu", 403), (None, 302)]
)
def test_who_may_see_the_supervision_page(ganzhou, cast, client_for, who, status):
    user = getattr(cast, who) if who else None
    assert client_for(user).get("/work/supervision/").status_code == status


def test_reminder_button_is_refused_to_a_reporter(ganzhou, cast, client_for):
    assert client_for(cast.yudu).post("/work/supervision/remind/").status_code == 403


def test_milestones_are_set_by_planners_and_reached_by_the_lead_unit(ganzhou, yudu_task, cast, client_for):
    client = client_for(cast.planner)
    client.post(
        f"/work/tasks/{yudu_task.pk}/milestones/",
        {"due_date": "2025-09-30", "title": "完成可研批复", "reason": "年度节点"},
    )
    milestone = yudu_task.milestones.get()
    assert (
        client_for(cast.yudu)
        .post(
            f"/work/tasks/{yudu_task.pk}/milestones/", {"due_date": "2025-09-30", "title": "x", "reason": "x"}
        )
        .status_code
        == 403
    )
    board = build_board(ganzhou, today=dt.date(2025, 10, 5), with_indicators=False)
    assert "有逾期未完成的节点" in next(line for line in board.lines if line.kind == "task").why
    response = client_for(cast.ruijin).post(
        f"/work/tasks/{yudu_task.pk}/milestones/{milestone.pk}/", follow=True
    )
    assert "只有牵头单位或规划管理人员可以确认节点完成" in response.content.decode()
    client_for(cast.yudu).post(f"/work/tasks/{yudu_task.pk}/milestones/{milestone.pk}/")
    milestone.refresh_from_db()
    assert milestone.reached_on is not None
    board = build_board(ganzhou, today=dt.date(2025, 10, 5), with_indicators=False)
    assert "有逾期未完成的节点" not in next(line for line in board.lines if line.kind == "task").why


def test_the_quarter_is_named_in_the_page_language(ganzhou, yudu_task, cast, client_for, monkeypatch):
    """11 Oct 2025: 2025Q3 (due 10 Oct) is late. Chinese pages say 2025年第3季度, English ones Q3 2025."""
    from django.urls import reverse

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 10, 11))
    client = client_for(cast.supervisor)
    assert "2025年第3季度进展逾期未报(截止 2025-10-10)" in client.get("/work/supervision/").content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/work/"})
    for url in ("/work/supervision/", "/work/"):
        html = client.get(url).content.decode()
        assert "Q3 2025" in html and "年第3季度" not in html, url
    assert (
        "Q3 2025 progress report late (due 2025-10-10)" in client.get("/work/supervision/").content.decode()
    )
