"""A refused page action answers with the reason on the page and a status that says it was refused:
403 not the user's to do, 409 the state does not allow it (done already, changed meanwhile), 422 the
input is not acceptable. Never the 302 of a success; and nothing is changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry


def _state(obs: Observation) -> tuple[str, int, int]:
    obs.refresh_from_db()
    return obs.status, obs.lock_version, AuditEntry.objects.count()


def test_entering_a_figure_that_already_exists_is_a_conflict_shown_on_the_entry_page(
    cast, figures, assignments, reference_data, client_for
):
    """于都县 already has a 2024 draft of GDP: a second one for the same period is refused (409)."""
    count, audited = Observation.objects.count(), AuditEntry.objects.count()
    response = client_for(cast.yudu).post(reverse("monitoring-entry-new"), {
        "assignment": assignments["于都县"].pk, "region": reference_data.regions["于都县"].pk,
        "year": 2024, "value": "265"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "该指标、地区、期别已有数据:请修改草稿或对已发布数据提出修订" in page
    assert "<title>数据填报" in page  # the entry page the action was sent from
    assert (Observation.objects.count(), AuditEntry.objects.count()) == (count, audited)


def test_a_stale_approval_is_a_conflict_and_the_figure_is_left_as_it_was(cast, figures, client_for):
    obs = figures.ruijin_submitted
    before = _state(obs)
    response = client_for(cast.reviewer).post(reverse("observation-approve", args=[obs.pk]),
                                              {"lock_version": str(obs.lock_version - 1)})
    assert response.status_code == 409
    assert "已被他人修改:该数据当前状态为「已提交」" in response.content.decode()
    assert _state(obs) == before


def test_returning_without_a_comment_is_refused_as_bad_input_with_the_reason(cast, figures, client_for):
    obs = figures.ruijin_submitted
    before = _state(obs)
    response = client_for(cast.reviewer).post(reverse("observation-return", args=[obs.pk]), {"comment": " "})
    assert response.status_code == 422
    assert "退回时必须填写审核意见" in response.content.decode()
    assert _state(obs) == before


def test_the_reason_is_in_english_for_an_english_reader(cast, figures, client_for):
    client = client_for(cast.reviewer)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("observation-return", args=[figures.ruijin_submitted.pk]), {"comment": ""})
    assert response.status_code == 422
    assert "A review comment is required when returning a figure" in response.content.decode()


def test_a_reporter_approving_is_forbidden_with_the_reason(cast, figures, client_for):
    obs = figures.ruijin_submitted
    before = _state(obs)
    response = client_for(cast.ruijin).post(reverse("observation-approve", args=[obs.pk]))
    assert response.status_code == 403
    assert 'class="refusal"' in response.content.decode()
    assert _state(obs) == before


def test_an_empty_batch_is_refused_on_the_review_queue(cast, figures, client_for):
    before = AuditEntry.objects.count()
    response = client_for(cast.reviewer).post(reverse("review-batch"), {"act": "approve", "comment": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert "请先勾选要处理的数据" in page and 'name="pick"' in page  # the queue, with its tick boxes
    assert AuditEntry.objects.count() == before


def test_a_batch_with_one_row_not_the_reviewers_to_approve_refuses_all_as_forbidden(cast, figures, client_for):
    rows = [figures.ruijin_submitted, figures.published]
    before = [_state(o) for o in rows]
    response = client_for(cast.reviewer2).post(
        reverse("review-batch"), {"act": "approve", "pick": [str(o.pk) for o in rows]})
    assert response.status_code == 403  # the published row's refusal, for the whole selection
    assert "所选数据均未处理" in response.content.decode()
    assert [_state(o) for o in rows] == before


def test_a_second_target_adjustment_while_one_is_pending_is_a_conflict(cast, figures, client_for):
    from planwatch.web.plans.models import TargetVersion

    count = TargetVersion.objects.count()
    response = client_for(cast.planner).post(reverse("target-propose", args=[figures.gdp.pk]),
                                             {"value": "5600", "reason": "中期评估调整"})
    assert response.status_code == 409
    assert "已有待审批的目标调整,请先处理" in response.content.decode()
    assert TargetVersion.objects.count() == count


def test_a_proposal_without_a_reason_is_refused_as_bad_input(cast, figures, client_for):
    response = client_for(cast.planner).post(reverse("target-propose", args=[figures.gdp.pk]), {"value": "5600"})
    assert response.status_code == 422
    assert "请填写理由和目标值" in response.content.decode()


def test_a_stale_edit_renders_the_form_again_with_409(cast, figures, client_for):
    obs = figures.ruijin_draft
    services.update_draft(obs, user=cast.ruijin, reason="同事修改", value=301.0)
    before = _state(obs)
    response = client_for(cast.ruijin).post(reverse("observation-edit", args=[obs.pk]),
                                            {"value": "305", "lock_version": str(obs.lock_version - 1)})
    assert response.status_code == 409
    page = response.content.decode()
    assert "已被他人修改:该数据当前状态为「草稿」" in page and 'value="305"' in page  # what was typed is kept
    assert _state(obs) == before


@pytest.mark.parametrize("value", ["abc", "-1e999"])
def test_an_edit_with_a_bad_number_is_422(cast, figures, client_for, value):
    obs = figures.ruijin_draft
    before = _state(obs)
    response = client_for(cast.ruijin).post(reverse("observation-edit", args=[obs.pk]),
                                            {"value": value, "lock_version": str(obs.lock_version)})
    assert response.status_code == 422
    assert "未保存:请按提示改正后再试" in response.content.decode()
    assert _state(obs) == before


def test_success_still_redirects(cast, figures, client_for):
    obs = figures.ruijin_submitted
    response = client_for(cast.reviewer).post(reverse("observation-approve", args=[obs.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("observation-detail", args=[obs.pk])
    obs.refresh_from_db()
    assert obs.status == "approved"


def test_the_api_answers_a_refusal_with_the_status_the_page_gives(cast, figures, assignments, client_for):
    """Refusals through /api answer as the pages do (``refusal_status``): 422 for a return without a comment,
    409 for a second figure of a period that already has one (as the entry page above); each with its
    reason, nothing changed. The API answered both with a bare 400."""
    obs = figures.ruijin_submitted
    before = _state(obs)
    returned = client_for(cast.reviewer).post(f"/api/observations/{obs.pk}/return", {"comment": " "},
                                              content_type="application/json")
    assert (returned.status_code, returned.json()["detail"]) == (422, "退回时必须填写审核意见")
    assert _state(obs) == before
    count, audited = Observation.objects.count(), AuditEntry.objects.count()
    again = client_for(cast.yudu).post("/api/observations", {"indicator": "I01", "region": "于都县", "year": 2024,
                                                             "value": 265}, content_type="application/json")
    assert (again.status_code, again.json()["detail"]) == (
        409, "该指标、地区、期别已有数据:请修改草稿或对已发布数据提出修订")
    assert (Observation.objects.count(), AuditEntry.objects.count()) == (count, audited)
