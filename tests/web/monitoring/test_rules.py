"""Validation rules are data planners edit; the ratio rule 人均GDP ≈ GDP ÷ 常住人口 × 10000 within 2%."""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import AuditEntry, ValidationRule
from tests.web.conftest import indicator


@pytest.fixture
def city_figures(cast, assignments, small_plan, reference_data):
    """GDP 4500 亿元 and 常住人口 900 万人 for 赣州市 2024, both submitted."""
    city = reference_data.regions["赣州市"]
    for code, value in (("I01", 4500.0), ("I03", 900.0)):
        obs = services.create_draft(user=cast.stats_reporter, reason="填报", indicator=indicator(small_plan, code),
                                    region=city, year=2024, value=value)
        services.submit_observation(obs, user=cast.stats_reporter)
    return city


def _add_ratio_rule(client, plan) -> None:
    response = client.post("/monitoring/rules/", {
        "kind": "ratio", "severity": "warning", "indicator": indicator(plan, "I02").pk,
        "numerator": indicator(plan, "I01").pk, "denominator": indicator(plan, "I03").pk, "factor": "10000",
        "threshold": "0.02", "active": "on", "reason": "人均GDP与总量、人口一致",
    })
    assert response.status_code == 302


def test_per_capita_gdp_off_by_more_than_two_percent_needs_a_comment(client_for, cast, small_plan, city_figures):
    """Expected 4500 ÷ 900 × 10000 = 50000 元. 52000 ÷ 50000 − 1 = 4% > 2% → warning; 50500 → 1% → none."""
    _add_ratio_rule(client_for(cast.planner), small_plan)
    per_capita = services.create_draft(user=cast.stats_reporter, reason="填报", indicator=indicator(small_plan, "I02"),
                                       region=city_figures, year=2024, value=52000.0)
    with pytest.raises(services.SubmissionBlocked) as warned:
        services.submit_observation(per_capita, user=cast.stats_reporter)
    assert warned.value.needs_comment
    assert [p.rule for p in warned.value.problems] == ["ratio"]
    assert "50000" in warned.value.problems[0].message
    services.update_draft(per_capita.pk, user=cast.stats_reporter, reason="按人口更正", value=50500.0)
    assert services.submit_observation(per_capita.pk, user=cast.stats_reporter).status == "submitted"


def test_rule_changes_are_planners_only_and_audited(client_for, cast, small_plan):
    assert client_for(cast.supervisor).post("/monitoring/rules/", {}).status_code == 403
    _add_ratio_rule(client_for(cast.planner), small_plan)
    rule = ValidationRule.objects.get()
    entry = AuditEntry.objects.get(subject="rule", object_id=rule.pk)
    assert (entry.actor_name, entry.action, entry.reason) == ("planner", "create", "人均GDP与总量、人口一致")


def test_an_incomplete_ratio_rule_is_refused_with_the_reason(client_for, cast, small_plan):
    response = client_for(cast.planner).post("/monitoring/rules/", {
        "kind": "ratio", "severity": "warning", "indicator": indicator(small_plan, "I02").pk, "factor": "1",
        "active": "on", "reason": "x"})
    assert response.status_code == 200
    assert "比例规则需要指定指标、分子和分母" in response.content.decode()
    assert not ValidationRule.objects.exists()
