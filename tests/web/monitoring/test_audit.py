"""The audit log: observations, targets, assignments and users, listed and exported with who/when/old/new/why."""

from __future__ import annotations

import csv
import io

from django.contrib.auth import get_user_model

from planwatch.web.monitoring import services
from planwatch.web.places.models import AuditEntry, Profile
from tests.web.conftest import indicator


def test_user_changes_in_the_admin_are_audited_with_the_acting_admin(client_for, cast, reference_data):
    client = client_for(cast.admin)
    user = cast.nankang
    response = client.post(f"/admin/auth/user/{user.pk}/change/", {
        "username": "nankang", "first_name": "南康区填报员", "last_name": "", "email": "nk@example.gov.cn",
        "is_active": "on", "date_joined_0": "2024-01-01", "date_joined_1": "08:00:00", "audit_reason": "更换邮箱",
    })
    assert response.status_code == 302, response.content.decode()[:500]
    entry = AuditEntry.objects.filter(subject="user", object_id=user.pk, action="update").latest("id")
    assert (entry.actor_name, entry.old, entry.new) == (
        "admin", {"email": "nankang@example.gov.cn"}, {"email": "nk@example.gov.cn"})
    assert entry.reason == "更换邮箱"


def test_role_change_is_audited_with_the_reason_given(cast, reference_data):
    profile = Profile.objects.get(user=cast.ruijin)
    profile.role = "reviewer"
    profile._audit_actor, profile._audit_reason = cast.admin, "调任审核岗位"
    profile.save()
    entry = AuditEntry.objects.filter(subject="user", object_id=cast.ruijin.pk).latest("id")
    assert (entry.actor_name, entry.old, entry.new, entry.reason) == (
        "admin", {"role": "reporter"}, {"role": "reviewer"}, "调任审核岗位")


def test_new_user_is_audited_without_the_password(db):
    get_user_model().objects.create_user("newcomer", password="s3cret-pass")
    entry = AuditEntry.objects.get(subject="user", action="create")
    assert entry.new["password"] == "(已设置)" and "s3cret" not in str(entry.new)


def test_audit_export_has_who_when_old_new_reason_for_every_kind(client_for, cast, assignments, small_plan,
                                                                 reference_data):
    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=25.0)
    services.update_draft(obs, user=cast.yudu, reason="小数点错位", value=250.0)
    services.propose_target_adjustment(indicator(small_plan, "I01"), user=cast.planner, reason="下调", value=5300.0)
    response = client_for(cast.supervisor).get("/monitoring/audit.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == ["时间", "操作人", "操作", "对象类型", "对象编号", "对象", "单位", "原值", "新值", "理由"]
    correction = next(r for r in rows if r["理由"] == "小数点错位")
    assert (correction["操作人"], correction["操作"], correction["对象类型"]) == ("yudu", "修改", "观测值")
    assert correction["单位"] == "于都县人民政府"
    assert (correction["原值"], correction["新值"]) == ('{"value": 25.0}', '{"value": 250.0}')
    assert {r["对象类型"] for r in rows} >= {"观测值", "目标", "用户"}
    only_targets = client_for(cast.supervisor).get("/monitoring/audit.csv?subject=target")
    assert {r["对象类型"] for r in csv.DictReader(io.StringIO(only_targets.content.decode("utf-8-sig")))} == {"目标"}


def test_audit_page_lists_entries_for_supervisor(client_for, cast, small_plan):
    services.propose_target_adjustment(indicator(small_plan, "I01"), user=cast.planner, reason="下调", value=5300.0)
    page = client_for(cast.supervisor).get("/monitoring/audit/?subject=target").content.decode()
    assert "提出调整" in page and "下调" in page and "planner" in page


def test_assignment_edited_in_the_admin_is_audited(client_for, cast, assignments):
    a = assignments["于都县"]
    response = client_for(cast.admin).post(f"/admin/monitoring/assignment/{a.pk}/change/", {
        "unit": a.unit_id, "indicator": a.indicator_id, "regions": [r.pk for r in a.regions.all()],
        "year": 2024, "frequency": "annual", "due_date": "2025-04-15", "active": "on", "audit_reason": "县里申请延期",
    })
    assert response.status_code == 302, response.content.decode()[:800]
    entry = AuditEntry.objects.filter(subject="assignment", object_id=a.pk).latest("id")
    assert (entry.actor_name, entry.old, entry.new, entry.reason) == (
        "admin", {"due_date": "2025-03-31"}, {"due_date": "2025-04-15"}, "县里申请延期")


def test_observations_cannot_be_changed_in_the_admin(client_for, cast, figures):
    response = client_for(cast.admin).post(f"/admin/monitoring/observation/{figures.published.pk}/change/",
                                           {"value": "1"})
    assert response.status_code == 403


def test_audit_export_writes_a_formula_like_reason_as_text(client_for, cast, assignments, small_plan,
                                                           reference_data):
    """Excel would run "=HYPERLINK(…)" typed as a reason; the export writes it with a leading apostrophe.
    A negative number stays a number: "-3.5" is not prefixed."""
    from planwatch.reports.tables import spreadsheet_safe

    obs = services.create_draft(user=cast.yudu, reason="填报", indicator=indicator(small_plan, "I01"),
                                region=reference_data.regions["于都县"], year=2024, value=25.0)
    services.update_draft(obs, user=cast.yudu, reason='=HYPERLINK("http://evil.example","点此")', value=250.0)
    rows = list(csv.DictReader(io.StringIO(
        client_for(cast.supervisor).get("/monitoring/audit.csv").content.decode("utf-8-sig"))))
    assert '\'=HYPERLINK("http://evil.example","点此")' in [r["理由"] for r in rows]
    assert [spreadsheet_safe(v) for v in ("-3.5", "+1", "@x", "-x", "正常", 7)] == ["-3.5", "+1", "'@x", "'-x", "正常", 7]


def test_a_validation_rule_deleted_in_the_admin_is_audited(client_for, cast, small_plan):
    from planwatch.web.monitoring.models import ValidationRule
    from planwatch.web.monitoring.rulebook import save_rule

    rule = save_rule(ValidationRule(kind="range", severity="error", min_value=0, max_value=100),
                     user=cast.planner, reason="百分比范围")
    response = client_for(cast.admin).post(f"/admin/monitoring/validationrule/{rule.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not ValidationRule.objects.exists()
    entry = AuditEntry.objects.get(subject="rule", action="delete")
    assert (entry.actor_name, entry.object_id, entry.old["min_value"], entry.old["max_value"], entry.reason) == (
        "admin", rule.pk, 0, 100, "管理后台修改")


def test_an_assignment_deleted_in_the_admin_is_audited(client_for, cast, assignments):
    a = assignments["于都县"]
    response = client_for(cast.admin).post(f"/admin/monitoring/assignment/{a.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(subject="assignment", action="delete")
    assert (entry.actor_name, entry.object_id, entry.unit.name, entry.old["regions"]) == (
        "admin", a.pk, "于都县人民政府", ["于都县"])
