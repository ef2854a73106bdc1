"""The audit page in words and in pages (issue 11): 「状态:已提交 → 已通过」, not ``status=approved``."""

from __future__ import annotations

from planwatch.web.monitoring.changes import Change, readable_changes
from planwatch.web.places import audit
from planwatch.web.places.models import AuditEntry


def test_changes_read_in_words():
    entry = AuditEntry(
        old={"status": "submitted", "value": 25.0, "active": True},
        new={"status": "approved", "value": 250.0, "active": False, "frequency": "annual"},
    )
    assert readable_changes(entry) == [
        Change("状态", "已提交", "已通过"),
        Change("数值", "25", "250"),
        Change("启用", "是", "否"),
        Change("频率", "", "年度"),
    ]


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
