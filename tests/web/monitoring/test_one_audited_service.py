"""The save-and-audit steps that used to differ from writer to writer, now the same everywhere: history
with the acting user, one reason for one change, an audit row for every kind of change, and users
created by a program logged with the reason given (never as 管理后台修改)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from planwatch.web.monitoring import services
from planwatch.web.places.accounts import create_account
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator


def test_an_assignment_change_carries_its_user_in_the_history(cast, reference_data, small_plan):
    a = services.create_assignment(
        user=cast.planner,
        reason="新任务",
        unit=reference_data.units["于都县人民政府"],
        indicator=indicator(small_plan, "I02"),
        regions=[reference_data.regions["于都县"]],
        year=2024,
        due_date=dt.date(2025, 3, 31),
    )
    services.update_assignment(a, user=cast.planner, reason="延期", due_date=dt.date(2025, 4, 30))
    rows = [(h.history_user, h.history_change_reason) for h in a.history.order_by("history_id")]
    assert rows[0] == (cast.planner, "新任务") and rows[-1] == (cast.planner, "延期")  # (+ the regions' step)
    assert {user for user, _ in rows} == {cast.planner}


def test_a_target_decision_records_one_reason_in_history_and_audit(cast, small_plan):
    tv = services.propose_target_adjustment(
        indicator(small_plan, "I01"), user=cast.planner, reason="中期调整", value=5400.0
    )
    services.approve_target_adjustment(tv, user=cast.admin)
    history = tv.history.latest("history_id")
    entry = AuditEntry.objects.get(subject="target", action="approve")
    assert history.history_change_reason == entry.reason == "中期调整"
    assert history.history_user == cast.admin


def test_a_plan_load_is_audited_with_its_reason(db, small_plan):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    plan = load_plan(read_plan(GANZHOU_PLAN), reason="载入赣州规划").plan
    entry = AuditEntry.objects.get(subject="plan", object_id=plan.pk)
    assert (entry.action, entry.reason, entry.new["version"]) == ("create", "载入赣州规划", plan.version)


def test_users_created_by_a_program_are_logged_with_their_reason(db, reference_data):
    account, created = create_account(
        "newcomer",
        user=None,
        reason="命令行创建演示用户",
        role="reporter",
        unit=reference_data.units["于都县人民政府"],
        password="s3cret-pass-2024",
    )
    assert created
    entries = AuditEntry.objects.filter(subject="user", object_id=account.pk)
    assert {(e.actor_name, e.reason) for e in entries} == {("系统", "命令行创建演示用户")}
    assert len(entries) == 2  # the account, then its role
    other = get_user_model().objects.create_user("scripted", password="x-2024-pass")
    assert AuditEntry.objects.get(subject="user", object_id=other.pk).reason == "程序修改(未说明理由)"


def test_a_reason_of_invisible_characters_only_is_refused(cast, small_plan):
    """"\x07\u202e" passes a form's required check but is no reason once cleaned: nothing is changed."""
    import pytest

    with pytest.raises(services.ServiceError, match="请填写理由"):
        services.create_assignment(user=cast.planner, reason="\x07\u202e", unit=cast.yudu.planwatch.unit,
                                   indicator=indicator(small_plan, "I02"), regions=[cast.yudu.planwatch.unit.region],
                                   year=2024, due_date=dt.date(2025, 3, 31))
    assert not AuditEntry.objects.filter(subject="assignment").exists()
