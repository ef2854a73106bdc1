"""The audit page in words and in pages (issue 11): 「状态:已提交 → 已通过」, not ``status=approved``."""

from __future__ import annotations

from planwatch.web.monitoring.changes import Change, readable_changes
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry


def test_changes_read_in_words():
    entry = AuditEntry(
        subject="observation",
        old={"status": "submitted", "value": 25.0, "active": True},
        new={"status": "approved", "value": 250.0, "active": False, "frequency": "annual"},
    )
    assert readable_changes(entry) == [
        Change("状态", "已提交", "已通过"),
        Change("数值", "25", "250"),
        Change("启用", "是", "否"),
        Change("频率", "", "年度"),
    ]


def test_a_target_a_role_and_a_user_read_in_words_not_codes(db, reference_data):
    """As the audit page showed them: 「origin:plan → adjustment」, 「状态:已通过 → proposed」,
    「unit_id:193」, 「is_staff:否」 — each field by its name and each value by its word."""
    target = AuditEntry(
        subject="target",
        old={"version": 1, "kind": "level", "status": "approved", "origin": "plan", "decision_comment": ""},
        new={"version": 2, "kind": "about", "status": "proposed", "origin": "adjustment", "decision_comment": ""},
    )
    assert readable_changes(target) == [
        Change("版本", "1", "2"),
        Change("类型", "达到某值", "左右"),
        Change("状态", "已批准", "待审批"),
        Change("来源", "规划原文", "动态调整"),
        Change("审批意见", "(空)", "(空)"),
    ]
    unit = reference_data.units["于都县人民政府"]
    role = AuditEntry(subject="user", new={"role": "reporter", "unit_id": unit.pk})
    assert readable_changes(role) == [Change("角色", "", "填报人"), Change("所属单位", "", "于都县人民政府")]
    user = AuditEntry(subject="user", old={"is_staff": False}, new={"is_staff": True, "first_name": "于都县填报员"})
    assert readable_changes(user) == [Change("可进管理后台", "否", "是"), Change("姓名", "", "于都县填报员")]


def test_audit_page_is_paginated_and_readable(client_for, cast, figures):
    for n in range(60):
        audit.record(
            actor=cast.admin,
            action="update",
            subject=AuditEntry.Subject.OBSERVATION,
            object_id=n,
            object_repr=f"测试{n}",
            old={"status": "submitted"},
            new={"status": "returned"},
            reason="核对",
        )
    client = client_for(cast.supervisor)
    first = client.get("/monitoring/audit/").content.decode()
    assert first.count("<b>状态</b>:已提交 → 已退回") == 50
    assert "status=" not in first
    assert "第 1 / 2 页" in first and "?page=2" in first
    second = client.get("/monitoring/audit/?page=2").content.decode()
    assert "第 2 / 2 页" in second


def test_a_plan_load_reads_on_the_audit_page(client_for, cast):
    """Loading a plan records how many indicators it has under ``indicators`` — on a plan that name is the
    reverse relation to its indicators, not a column — and the audit page answered 500
    (``'ManyToOneRel' object has no attribute 'choices'``). The 赣州 plan has 36 indicators (I01–I36)."""
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    load_plan(read_plan(GANZHOU_PLAN), user=cast.planner, reason="载入赣州规划")
    response = client_for(cast.supervisor).get("/monitoring/audit/?subject=plan")
    assert response.status_code == 200
    assert "<b>指标数</b>:36" in response.content.decode()


def test_a_key_that_is_no_column_reads_as_its_value():
    """A reverse relation, a many-to-many of names and a key no model has each read as the value stored."""
    entry = AuditEntry(subject="plan", new={"indicators": 36, "pillars": 2, "no_such_field": "x"})
    assert readable_changes(entry) == [Change("指标数", "", "36"), Change("pillars", "", "2"),
                                       Change("no_such_field", "", "x")]
    assignment = AuditEntry(subject="assignment", new={"regions": ["于都县", "瑞金市"]})
    assert readable_changes(assignment) == [Change("地区", "", "于都县、瑞金市")]
