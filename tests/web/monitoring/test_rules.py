"""Validation rules are data planners edit; the ratio rule 人均GDP ≈ GDP ÷ 常住人口 × 10000 within 2%."""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import ValidationRule
from planwatch.web.places.models import AuditEntry
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
    assert response.status_code == 422  # refused, with the reason on the page
    assert "比例规则需要指定指标、分子和分母" in response.content.decode()
    assert not ValidationRule.objects.exists()


SEED = "/monitoring/rules/seed/"
SKIPPED = "默认规则「urban-rural-income-ratio」未载入:当前规划中没有指标「城乡居民人均可支配收入比」"


def test_a_planner_loads_the_default_rules_as_editable_rows_and_each_is_audited(client_for, cast, small_plan):
    """The small plan has 地区生产总值, 人均地区生产总值 and 常住人口 (the bulletins' GDP, 人均GDP, 常住人口) but no
    城乡收入比: three of the four defaults are stored, the fourth is skipped with its reason."""
    response = client_for(cast.planner).post(SEED, follow=True)
    page = response.content.decode()
    assert "已载入 3 条默认规则,可逐条修改或停用" in page and SKIPPED in page
    rules = {r.default_key: r for r in ValidationRule.objects.select_related("indicator", "numerator", "denominator")}
    assert sorted(rules) == ["gdp-per-capita", "outlier-default", "yoy-default"]
    yoy, ratio = rules["yoy-default"], rules["gdp-per-capita"]
    assert (yoy.kind, yoy.severity, yoy.indicator, yoy.threshold, yoy.note) == (
        "yoy_change", "warning", None, 0.30, "默认规则:同比变动超过30%需说明")
    assert (ratio.indicator.code, ratio.numerator.code, ratio.denominator.code, ratio.factor, ratio.threshold) == (
        "I02", "I01", "I03", 10000.0, 0.02)
    assert rules["outlier-default"].threshold == 3.5
    entries = AuditEntry.objects.filter(subject="rule", action="create")
    assert sorted(e.new["default_key"] for e in entries) == sorted(rules)
    assert {(e.actor_name, e.reason) for e in entries} == {("planner", "在校验规则页载入默认规则")}


def test_loading_the_defaults_again_adds_nothing_and_keeps_a_planners_change(client_for, cast, small_plan):
    client = client_for(cast.planner)
    client.post(SEED)
    yoy = ValidationRule.objects.get(default_key="yoy-default")
    response = client.post(f"/monitoring/rules/{yoy.pk}/", {
        "kind": "yoy_change", "severity": "warning", "threshold": "0.5", "factor": "1", "active": "on",
        "note": "本市波动大,放宽到50%", "reason": "规划科决定放宽"})
    assert response.status_code == 302
    before = (ValidationRule.objects.count(), AuditEntry.objects.count())
    page = client.post(SEED, follow=True).content.decode()
    assert "默认规则均已载入,没有改动" in page
    assert (ValidationRule.objects.count(), AuditEntry.objects.count()) == before
    assert ValidationRule.objects.get(default_key="yoy-default").threshold == 0.5


def test_stored_defaults_check_exactly_what_the_built_in_defaults_checked(cast, small_plan, city_figures):
    """GDP 4500 亿元 ÷ 常住人口 900 万人 × 10000 = 50000 元; 52000 is 4% off (> 2%): the same warning, word for
    word, from the built-in defaults (empty table) and from the seeded rows."""
    from planwatch.web.monitoring import validation
    from planwatch.web.monitoring.rulebook import seed_default_rules

    per_capita = services.create_draft(user=cast.stats_reporter, reason="填报", indicator=indicator(small_plan, "I02"),
                                       region=city_figures, year=2024, value=52000.0)
    built_in = validation.check_submission(per_capita)
    assert [p.rule for p in built_in] == ["ratio"] and "50000" in built_in[0].message
    seed_default_rules(user=cast.planner, reason="载入默认规则")
    assert validation.check_submission(per_capita) == built_in


def test_the_rules_page_says_when_defaults_are_not_in_force(client_for, cast, small_plan):
    """The engine applies the defaults only while the table is empty: once a planner adds a rule, the page says
    which defaults have stopped applying and offers to load them."""
    client = client_for(cast.planner)
    page = client.get("/monitoring/rules/").content.decode()
    assert "规则表为空,正在使用默认规则:同比变动超过30%需说明" in page and 'id="seed-form"' in page
    client.post("/monitoring/rules/", {"kind": "range", "severity": "error", "indicator": indicator(small_plan, "I04").pk,
                                       "min_value": "0", "max_value": "100", "factor": "1", "active": "on",
                                       "reason": "城镇化率范围"})
    page = client.get("/monitoring/rules/").content.decode()
    assert "以下默认规则未载入,当前不生效:同比变动超过30%需说明" in page
    client.post(SEED)
    page = client.get("/monitoring/rules/").content.decode()
    assert "当前不生效:城乡居民人均可支配收入比" in page  # the one the plan cannot use
    assert "同比变动超过30%需说明;" not in page.split('id="defaults-note"')[1].split("</p>")[0]


@pytest.mark.parametrize(("member", "status"), [("supervisor", 403), ("reviewer", 403), ("yudu", 403), ("admin", 302)])
def test_only_planners_and_administrators_load_the_defaults(client_for, cast, small_plan, member, status):
    assert client_for(getattr(cast, member)).post(SEED).status_code == status
    assert ValidationRule.objects.exists() == (status == 302)


def test_planwatch_data_seed_rules_loads_the_defaults_once(cast, small_plan):
    from typer.testing import CliRunner

    from planwatch.cli import app

    def run(*args):
        return CliRunner().invoke(app, ["data", "seed-rules", *args])

    first = run("--user", "planner", "--reason", "年初载入")
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[-2:] == [SKIPPED, "新增 3 条,已有 0 条,未载入 1 条"]
    assert "已载入:默认规则:同比变动超过30%需说明" in first.output
    assert set(AuditEntry.objects.filter(subject="rule").values_list("reason", flat=True)) == {"年初载入"}
    again = run("--user", "planner")
    assert again.exit_code == 0 and again.output.splitlines()[-1] == "新增 0 条,已有 3 条,未载入 1 条"
    refused = run("--user", "yudu")
    assert refused.exit_code == 2 and "错误:只有规划管理人员可以修改校验规则" in refused.output
    assert run("--user", "nobody").exit_code == 2
    assert ValidationRule.objects.count() == 3


def test_a_rule_changed_since_the_page_was_opened_is_refused_not_overwritten(client_for, planner, cast):
    """Two planners open the same rule; the first saves 30% → 25%; the second, still showing 30%, saves
    30% → 40%: refused with 409 and the reason, and the stored rule keeps the first planner's 25%.
    (The form's errors are shown with 422, a page out of date with 409.)"""
    from django.urls import reverse

    from planwatch.web.monitoring.models import ValidationRule
    from planwatch.web.monitoring.rulebook import fingerprint

    rule = ValidationRule.objects.create(kind="yoy_change", severity="warning", threshold=0.30)
    seen_by_both = fingerprint(rule)
    form = {"kind": "yoy_change", "severity": "warning", "factor": 1, "active": "on", "note": "", "seen": seen_by_both}
    first = client_for(planner).post(reverse("rule-edit", args=[rule.pk]),
                                     {**form, "threshold": "0.25", "reason": "收紧"})
    assert first.status_code == 302
    second = client_for(planner).post(reverse("rule-edit", args=[rule.pk]),
                                      {**form, "threshold": "0.40", "reason": "放宽"})
    assert second.status_code == 409
    assert "这条规则在您打开页面后已被他人修改" in second.content.decode()
    rule.refresh_from_db()
    assert rule.threshold == pytest.approx(0.25)
