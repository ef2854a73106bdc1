"""Target versions: planners propose, administrators decide, old versions stay, everything audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.web.monitoring import services
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator


def test_adjustment_is_in_force_only_after_approval_and_the_original_stays(cast, small_plan):
    gdp = indicator(small_plan, "I01")
    proposal = services.propose_target_adjustment(gdp, user=cast.planner, reason="中期评估:受外部环境影响下调",
                                                  value=5300.0)
    assert (proposal.version, proposal.status, proposal.origin) == (2, "proposed", "adjustment")
    assert gdp.current_target.value == 5500.0
    services.approve_target_adjustment(proposal, user=cast.admin, comment="同意")
    assert gdp.current_target.value == 5300.0
    assert list(gdp.targets.order_by("version").values_list("version", "value", "status")) == [
        (1, 5500.0, "approved"), (2, 5300.0, "approved")]
    entries = AuditEntry.objects.filter(subject="target").order_by("id")
    assert [(e.actor_name, e.action) for e in entries] == [("planner", "propose"), ("admin", "approve")]
    assert entries[0].old["value"] == 5500.0 and entries[0].new["value"] == 5300.0
    assert entries[0].reason == "中期评估:受外部环境影响下调"


def test_province_figure_for_an_assigned_target(cast, small_plan):
    energy = indicator(small_plan, "I05")
    tv = services.enter_assigned_target(energy, user=cast.planner, reason="省发改委下达“十四五”能耗强度降低目标",
                                        value=14.5, text="累计降低14.5%", kind="cumulative_reduction")
    assert (tv.origin, tv.kind, tv.year) == ("province", "cumulative_reduction", 2027)
    services.approve_target_adjustment(tv, user=cast.admin)
    assert energy.current_target.text == "累计降低14.5%"
    with pytest.raises(services.InvalidTransition, match="不是“按省下达”"):
        services.enter_assigned_target(indicator(small_plan, "I01"), user=cast.planner, reason="x", value=1.0)


def test_only_administrators_decide_and_never_on_their_own_proposal(cast, small_plan):
    gdp = indicator(small_plan, "I01")
    with pytest.raises(PermissionDenied):
        services.propose_target_adjustment(gdp, user=cast.reviewer, reason="x", value=1.0)
    proposal = services.propose_target_adjustment(gdp, user=cast.admin, reason="管理员提出", value=5600.0)
    for user in (cast.planner, cast.supervisor):
        with pytest.raises(PermissionDenied):
            services.approve_target_adjustment(proposal, user=user)
    with pytest.raises(services.InvalidTransition, match="不能审批本人提出的目标调整"):
        services.approve_target_adjustment(proposal, user=cast.admin)


def test_rejected_proposal_keeps_the_target_and_needs_a_comment(cast, small_plan):
    gdp = indicator(small_plan, "I01")
    proposal = services.propose_target_adjustment(gdp, user=cast.planner, reason="上调", value=6000.0)
    with pytest.raises(services.ServiceError, match="必须填写意见"):
        services.reject_target_adjustment(proposal, user=cast.admin, comment=" ")
    services.reject_target_adjustment(proposal, user=cast.admin, comment="依据不足")
    assert gdp.current_target.value == 5500.0
    with pytest.raises(services.ConcurrentChange):
        services.approve_target_adjustment(proposal, user=cast.admin)


def test_target_page_lets_planner_propose_and_admin_approve(client_for, cast, small_plan):
    gdp = indicator(small_plan, "I01")
    client_for(cast.planner).post(f"/monitoring/targets/{gdp.pk}/propose/", {"value": "5400", "reason": "调整"})
    proposal = gdp.targets.get(version=2)
    page = client_for(cast.admin).get("/monitoring/targets/").content.decode()
    assert f"/monitoring/targets/versions/{proposal.pk}/approve/" in page
    client_for(cast.admin).post(f"/monitoring/targets/versions/{proposal.pk}/approve/", {"comment": "同意"})
    assert gdp.current_target.version == 2
