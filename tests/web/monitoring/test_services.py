"""The observation lifecycle through the services: rights, transitions, revisions, history, mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator

S = Observation.Status


@pytest.fixture
def gdp(small_plan):
    return indicator(small_plan, "I01")


def draft(user, gdp, region, value=250.0, year=2024, **kw):
    return services.create_draft(user=user, reason="填报", indicator=gdp, region=region, year=year, value=value,
                                 source="于都县2024年统计公报", **kw)


def test_reporter_creates_draft_only_for_assigned_region(cast, assignments, gdp, reference_data):
    regions = reference_data.regions
    obs = draft(cast.yudu, gdp, regions["于都县"])
    assert (obs.status, obs.unit.name, obs.period, obs.vintage) == (S.DRAFT, "于都县人民政府", "2024", 1)
    assert obs.measure_unit == "亿元" and obs.original_unit == "亿元" and obs.original_value == "250"
    with pytest.raises(PermissionDenied, match="「地区生产总值」「瑞金市」未分配给于都县人民政府填报"):
        draft(cast.yudu, gdp, regions["瑞金市"])


def test_supervisor_and_planner_cannot_enter_data(cast, assignments, gdp, reference_data):
    for user in (cast.supervisor, cast.planner):
        with pytest.raises(PermissionDenied):
            draft(user, gdp, reference_data.regions["于都县"])


def test_full_lifecycle_returned_corrected_approved_published(cast, assignments, gdp, reference_data):
    obs = draft(cast.yudu, gdp, reference_data.regions["于都县"], value=25.0)
    obs = services.submit_observation(obs, user=cast.yudu)
    obs = services.return_observation(obs, user=cast.reviewer, comment="单位应为亿元,请核对数值")
    assert obs.status == S.RETURNED and obs.review_comment == "单位应为亿元,请核对数值"
    obs = services.update_draft(obs, user=cast.yudu, reason="按审核意见更正", value=250.0)
    obs = services.submit_observation(obs, user=cast.yudu)
    obs = services.approve_observation(obs, user=cast.reviewer)
    obs = services.publish_observation(obs, user=cast.reviewer)
    assert (obs.status, obs.value, obs.lock_version) == (S.PUBLISHED, 250.0, 7)
    actions = list(AuditEntry.objects.filter(subject="observation", object_id=obs.pk)
                   .order_by("at", "id").values_list("action", flat=True))
    assert actions == ["create", "submit", "return", "update", "submit", "approve", "publish"]
    correction = AuditEntry.objects.get(object_id=obs.pk, action="update")
    assert (correction.old, correction.new, correction.reason) == ({"value": 25.0}, {"value": 250.0}, "按审核意见更正")
    reasons = list(obs.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert reasons[0] == "填报" and reasons[3] == "按审核意见更正"
    users = list(obs.history.order_by("history_id").values_list("history_user__username", flat=True))
    assert users == ["yudu", "yudu", "reviewer", "yudu", "yudu", "reviewer", "reviewer"]


def test_reviewer_cannot_approve_own_submission(cast, assignments, small_plan, reference_data):
    """市统计局 reviews, and also reports the city's figures: its reviewer must not approve them."""
    obs = services.create_draft(user=cast.reviewer, reason="填报", indicator=indicator(small_plan, "I03"),
                                region=reference_data.regions["赣州市"], year=2024, value=897.0)
    services.submit_observation(obs, user=cast.reviewer)
    with pytest.raises(PermissionDenied, match="不能审核本人填报的数据"):
        services.approve_observation(obs.pk, user=cast.reviewer)
    assert services.approve_observation(obs.pk, user=cast.reviewer2).status == S.APPROVED


def test_reporter_cannot_approve_and_supervisor_cannot_write(cast, assignments, gdp, reference_data):
    obs = services.submit_observation(draft(cast.yudu, gdp, reference_data.regions["于都县"]), user=cast.yudu)
    for user in (cast.yudu, cast.ruijin, cast.supervisor, cast.planner):
        with pytest.raises(PermissionDenied):
            services.approve_observation(obs.pk, user=user)
    with pytest.raises(PermissionDenied):
        services.update_draft(obs.pk, user=cast.ruijin, reason="x", value=1.0)


def test_approved_figure_is_never_overwritten_a_revision_is_a_new_vintage(cast, assignments, gdp, reference_data):
    obs = services.submit_observation(draft(cast.yudu, gdp, reference_data.regions["于都县"]), user=cast.yudu)
    obs = services.publish_observation(services.approve_observation(obs, user=cast.reviewer), user=cast.reviewer)
    with pytest.raises(PermissionDenied):
        services.update_draft(obs.pk, user=cast.yudu, reason="改", value=260.0)
    revised = services.revise_observation(obs, user=cast.yudu, reason="第四次经济普查修订", value=262.5)
    obs.refresh_from_db()
    assert (obs.value, obs.status, obs.vintage) == (250.0, S.PUBLISHED, 1)
    assert (revised.value, revised.status, revised.vintage, revised.supersedes_id) == (262.5, S.DRAFT, 2, obs.pk)
    assert revised.source == obs.source


def test_stale_version_is_refused_as_changed_by_someone_else(cast, assignments, gdp, reference_data):
    obs = services.submit_observation(draft(cast.yudu, gdp, reference_data.regions["于都县"]), user=cast.yudu)
    seen = obs.lock_version
    services.return_observation(obs.pk, user=cast.reviewer, comment="请补充来源")
    with pytest.raises(services.ConcurrentChange, match="已被他人修改"):
        services.approve_observation(obs.pk, user=cast.reviewer2, expected_version=seen)


def test_errors_block_submission_and_warnings_need_a_comment(cast, assignments, small_plan, reference_data):
    """城镇化率 is a %: 157 is outside 0–100 (error). GDP 2023 = 200, 2024 = 300: 300 ÷ 200 − 1 = +50% > 30%
    (warning). The verdicts come from the shared engine, planwatch.collection.rules."""
    city, yudu = reference_data.regions["赣州市"], reference_data.regions["于都县"]
    rate = services.create_draft(user=cast.stats_reporter, reason="填报", indicator=indicator(small_plan, "I04"),
                                 region=city, year=2024, value=157.0)
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_observation(rate, user=cast.stats_reporter, warning_comment="确认")
    assert [p.message for p in blocked.value.problems] == ["数值 157 超出百分比范围 0–100"]
    gdp = indicator(small_plan, "I01")
    last = services.submit_observation(draft(cast.yudu, gdp, yudu, value=200.0, year=2023), user=cast.yudu)
    services.approve_observation(last, user=cast.reviewer)
    this = draft(cast.yudu, gdp, yudu, value=300.0)
    with pytest.raises(services.SubmissionBlocked) as warned:
        services.submit_observation(this, user=cast.yudu)
    assert warned.value.needs_comment
    assert [p.message for p in warned.value.problems] == [
        "「地区生产总值」于都县2024年数值 300 较上年同期 200 变动 +50%,超过 30%,请在备注(预警说明)中说明原因"]
    done = services.submit_observation(this.pk, user=cast.yudu, warning_comment="新增大型项目投产")
    assert done.status == S.SUBMITTED and done.problems[0]["rule"] == "yoy_change"


def test_notifications_are_sent_after_commit(cast, assignments, gdp, reference_data, django_capture_on_commit_callbacks):
    obs = draft(cast.yudu, gdp, reference_data.regions["于都县"])
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_observation(obs, user=cast.yudu)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_observation(obs.pk, user=cast.reviewer, comment="请核对")
    subjects = [m.subject for m in mail.outbox]
    assert subjects == ["[Planwatch] 待审核:地区生产总值 · 于都县 · 2024", "[Planwatch] 已退回:地区生产总值 · 于都县 · 2024"]
    assert mail.outbox[0].to == ["reviewer2@example.gov.cn", "reviewer@example.gov.cn"]
    assert mail.outbox[1].to == ["yudu@example.gov.cn"] and "请核对" in mail.outbox[1].body


def test_figure_in_another_unit_is_converted_and_the_original_kept(cast, assignments, gdp, reference_data):
    """2,500,000 万元 = 250 亿元 (1 亿 = 10,000 万)."""
    obs = draft(cast.yudu, gdp, reference_data.regions["于都县"], value=2500000.0, measure_unit="万元")
    assert (obs.value, obs.measure_unit, obs.original_value, obs.original_unit) == (250.0, "亿元", "2500000", "万元")
    with pytest.raises(services.ServiceError, match="「地区生产总值」:单位「吨」无法换算为「亿元」"):
        services.update_draft(obs, user=cast.yudu, reason="改单位", measure_unit="吨", value=3.0)
