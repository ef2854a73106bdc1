"""量稳质升's quality part: recorded by a planner with its author, graded by the engine, refused to others.

The real Ganzhou plan: I22 出口总额 (亿元), base 576.47 (2021), target 量稳质升. One approved figure,
590 (2023, a test figure): volume change (590 − 576.47)/576.47 = 13.53/576.47 = +2.35%, inside the
±5% 保持稳定 band → the volume part alone is 基本符合预期.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planwatch.web.dashboard import pages
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.models import QualityJudgement
from planwatch.web.plans.services import JudgementRefused, record_quality_judgement

MEASURE = "高新技术产品出口占比"


@pytest.fixture
def ganzhou(reference_data):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    plan = load_plan(read_plan(GANZHOU_PLAN), reason="测试:载入赣州规划").plan
    exports = plan.indicators.get(code="I22")
    Observation.objects.create(
        indicator=exports, region=Region.objects.get(name="赣州市"), unit=Unit.objects.get(name="市统计局"),
        year=2023, value=590.0, status=Observation.Status.APPROVED, vintage=1, source="测试数据",
        measure_unit=exports.unit)
    return plan, exports


def _assessment(plan, indicator):
    return pages.indicator_page(plan, indicator, public=False).assessment


def _judge(indicator, user, verdict="not_achieved", year=2023, region="赣州市", reason="年度评估会商"):
    return record_quality_judgement(indicator, region=Region.objects.get(name=region), year=year, verdict=verdict, measure=MEASURE,
                                    note="出口结构未见改善", user=user, reason=reason)


def test_without_a_judgement_only_the_volume_part_is_graded_and_the_reason_says_so(ganzhou):
    plan, exports = ganzhou
    assessment = _assessment(plan, exports)
    assert assessment.grade == "基本符合预期"
    assert assessment.reason == ("2023年为590,较基期576.47增长2.3%,处于±5%稳定区间;"
                                 "质的方面尚无评判,仅按数量部分评定")


def test_quality_judged_not_improved_lowers_the_grade_to_behind_and_names_the_judge(ganzhou, planner):
    """Volume inside the band (基本符合预期) but quality 未达到 → at best 滞后 (docs/evaluation.md 3.6)."""
    plan, exports = ganzhou
    _judge(exports, planner)
    assessment = _assessment(plan, exports)
    assert assessment.grade == "滞后"
    assert assessment.reason.endswith(f"质的方面评判为「未升」(发改委规划科,依据「{MEASURE}」)")


def test_quality_judged_improved_keeps_the_volume_grade_and_names_the_judge(ganzhou, administrator):
    plan, exports = ganzhou
    _judge(exports, administrator, verdict="achieved")
    assessment = _assessment(plan, exports)
    assert assessment.grade == "基本符合预期"
    assert f"质的方面评判为「升」(系统管理员,依据「{MEASURE}」)" in assessment.reason


def test_a_judgement_after_the_evaluation_year_does_not_count(ganzhou, planner):
    """As of 2023 (the latest figure) a 2024 judgement is not yet in force: volume only."""
    plan, exports = ganzhou
    _judge(exports, planner, year=2024)
    assert _assessment(plan, exports).grade == "基本符合预期"


def test_a_second_judgement_for_the_same_year_replaces_the_first_and_history_keeps_both(ganzhou, planner,
                                                                                         administrator):
    plan, exports = ganzhou
    _judge(exports, planner, reason="初评")
    _judge(exports, administrator, verdict="achieved", reason="复核后改判")
    row = QualityJudgement.objects.get(indicator=exports, region__name="赣州市", year=2023)
    assert (row.verdict, row.author_name) == ("achieved", "系统管理员")
    history = list(row.history.order_by("history_date").values_list("verdict", "author_id", "history_change_reason"))
    assert history == [("not_achieved", planner.pk, "初评"), ("achieved", administrator.pk, "复核后改判")]
    assert _assessment(plan, exports).grade == "基本符合预期"


@pytest.mark.parametrize("who", ["supervisor", "zhanggong", "reviewer", "stats_reporter"])
def test_only_planners_and_administrators_may_record(ganzhou, cast, who):
    with pytest.raises(PermissionDenied):
        _judge(ganzhou[1], getattr(cast, who))
    assert not QualityJudgement.objects.exists()


def test_an_indicator_without_a_quality_part_is_refused_in_chinese(ganzhou, planner):
    plan, _ = ganzhou
    gdp = plan.indicators.get(code="I01")
    with pytest.raises(JudgementRefused, match="^指标「GDP」的目标不是「量稳质升」,没有质的方面可评判$"):
        _judge(gdp, planner)


def test_a_judgement_needs_a_named_quality_measure(ganzhou, planner):
    with pytest.raises(JudgementRefused, match="^「质量指标」不能为空:请写明据以评判的质量指标$"):
        record_quality_judgement(ganzhou[1], region=Region.objects.get(name="赣州市"), year=2023, verdict="achieved",
                                 measure="  ",
                                 user=planner, reason="会商")


# --- the dashboard form ----------------------------------------------------------------------

def _url(name="dashboard-indicator"):
    return reverse(name, args=["I22"])


FORM = {"year": "2023", "verdict": "not_achieved", "measure": MEASURE, "note": "", "reason": "年度评估会商"}


@pytest.mark.parametrize("who, status", [
    ("planner", 302), ("admin", 302), ("supervisor", 403), ("zhanggong", 403), ("reviewer", 403),
    ("stats_reporter", 403),
])
def test_recording_through_the_page_by_role(ganzhou, cast, client_for, who, status):
    response = client_for(getattr(cast, who)).post(_url("dashboard-quality-judgement"), FORM)
    assert response.status_code == status
    assert QualityJudgement.objects.exists() is (status == 302)


def test_anonymous_visitor_is_sent_to_sign_in(ganzhou, anonymous_client):
    response = anonymous_client.post(_url("dashboard-quality-judgement"), FORM)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"] or "login" in response["Location"]
    assert not QualityJudgement.objects.exists()


@pytest.mark.parametrize("who, sees_form", [("planner", True), ("admin", True), ("supervisor", False),
                                            ("zhanggong", False)])
def test_the_form_is_shown_to_planners_only(ganzhou, cast, client_for, who, sees_form):
    html = client_for(getattr(cast, who)).get(_url()).content.decode()
    assert 'id="quality-title"' in html
    assert ('id="quality-form"' in html) is sees_form


def test_the_page_shows_the_judgement_and_the_changed_grade_after_recording(ganzhou, planner, client_for):
    client = client_for(planner)
    assert client.post(_url("dashboard-quality-judgement"), FORM).status_code == 302
    html = client.get(_url()).content.decode()
    assert "未达到质量提升" in html and "发改委规划科" in html
    assert f"质的方面评判为「未升」(发改委规划科,依据「{MEASURE}」)" in html
    assert "滞后" in html


def test_a_year_outside_the_plan_is_refused_on_the_page(ganzhou, planner, client_for):
    response = client_for(planner).post(_url("dashboard-quality-judgement"), {**FORM, "year": "2030"})
    assert response.status_code == 422
    assert "「评判年份」须在2022—2025年之间" in response.content.decode()
    assert not QualityJudgement.objects.exists()


def test_no_form_for_an_indicator_without_a_quality_part(ganzhou, planner, client_for):
    assert client_for(planner).post(reverse("dashboard-quality-judgement", args=["I01"]), FORM).status_code == 404
    assert 'id="quality-title"' not in client_for(planner).get(reverse("dashboard-indicator", args=["I01"])).content.decode()
