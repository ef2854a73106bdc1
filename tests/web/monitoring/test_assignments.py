"""Assignments: overdue lists per unit, reminder mail, the command line, and their audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.monitoring import services
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator

AFTER_DUE = dt.date(2025, 4, 10)  # the fixture's assignments were due 2025-03-31


def test_overdue_lists_each_assignment_with_what_is_missing(cast, assignments, small_plan, reference_data):
    """于都县 submitted its 2024 GDP, so it is not overdue; 章贡区, 南康区, 瑞金市 and 统计局 (4 indicators) are."""
    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=250.0)
    services.submit_observation(obs, user=cast.yudu)
    late = services.overdue_assignments(today=AFTER_DUE)
    assert sorted((o.assignment.unit.name, o.assignment.indicator.code, o.missing) for o in late) == [
        ("南康区人民政府", "I01", (("南康区", "2024"),)),
        ("市统计局", "I01", (("赣州市", "2024"),)),
        ("市统计局", "I02", (("赣州市", "2024"),)),
        ("市统计局", "I03", (("赣州市", "2024"),)),
        ("市统计局", "I04", (("赣州市", "2024"),)),
        ("瑞金市人民政府", "I01", (("瑞金市", "2024"),)),
        ("章贡区人民政府", "I01", (("章贡区", "2024"),)),
    ]
    assert services.overdue_assignments(today=dt.date(2025, 3, 31)) == []


def test_overdue_page_shows_a_reporter_only_their_unit(client_for, cast, assignments):
    page = client_for(cast.yudu).get("/monitoring/overdue/").content.decode()
    assert "于都县人民政府" in page and "瑞金市人民政府" not in page


def test_remind_command_mails_every_overdue_unit(cast, assignments):
    result = CliRunner().invoke(app, ["data", "remind", "--today", "2025-04-10"])
    assert result.exit_code == 0, result.output
    assert "已发送催报邮件 8 封" in result.output
    to = sorted(addr for m in mail.outbox for addr in m.to)
    assert to.count("stats@example.gov.cn") == 4 and "yudu@example.gov.cn" in to
    body = next(m.body for m in mail.outbox if m.to == ["yudu@example.gov.cn"])
    assert "「地区生产总值」2024 年数据已过截止日期 2025-03-31" in body and "于都县 2024" in body


def test_remind_command_refuses_a_bad_date(db):
    result = CliRunner().invoke(app, ["data", "remind", "--today", "2025-13-01"])
    assert result.exit_code == 2 and "日期「2025-13-01」应为 YYYY-MM-DD" in result.output


def test_only_planners_assign_and_every_change_is_audited(cast, reference_data, small_plan):
    regions, units = reference_data.regions, reference_data.units
    with pytest.raises(PermissionDenied):
        services.create_assignment(user=cast.reviewer, reason="x", unit=units["兴国县人民政府"],
                                   indicator=indicator(small_plan, "I01"), regions=[regions["兴国县"]], year=2024,
                                   due_date=dt.date(2025, 3, 31))
    a = services.create_assignment(user=cast.planner, reason="2024年度填报任务", unit=units["兴国县人民政府"],
                                   indicator=indicator(small_plan, "I01"), regions=[regions["兴国县"]], year=2024,
                                   due_date=dt.date(2025, 3, 31))
    services.update_assignment(a, user=cast.planner, reason="统计公报推迟发布", due_date=dt.date(2025, 4, 30),
                               frequency="quarterly")
    entries = AuditEntry.objects.filter(subject="assignment", object_id=a.pk).order_by("id")
    assert [(e.actor_name, e.action, e.reason) for e in entries] == [
        ("planner", "create", "2024年度填报任务"), ("planner", "update", "统计公报推迟发布")]
    assert entries[1].old == {"due_date": "2025-03-31", "frequency": "annual"}
    assert entries[1].new == {"due_date": "2025-04-30", "frequency": "quarterly"}
    assert entries[0].new["regions"] == ["兴国县"]
