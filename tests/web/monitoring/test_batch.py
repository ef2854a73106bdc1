"""Submitting, withdrawing, approving, returning and publishing a selection (issue 11): each row goes
through its own service and is audited with the acting user and the one reason; one refused row
refuses the whole selection, naming the row."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from planwatch.web.monitoring import batch, services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.conftest import indicator

S = Observation.Status


@pytest.fixture
def three(cast, assignments, small_plan, reference_data):
    city = reference_data.regions["赣州市"]
    return [
        services.create_draft(
            user=cast.stats_reporter,
            reason="填报",
            indicator=indicator(small_plan, code),
            region=city,
            year=2024,
            value=value,
            source="统计公报",
        )
        for code, value in (("I01", 4716.5), ("I02", 52000.0), ("I03", 897.0))
    ]


def _actions(obs) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=obs.pk, subject=AuditEntry.Subject.OBSERVATION)
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )


def test_a_selection_is_submitted_approved_and_published_each_row_audited(cast, three):
    batch.submit_many(three, user=cast.stats_reporter)
    rows = list(Observation.objects.filter(pk__in=[o.pk for o in three]))
    batch.approve_many(rows, user=cast.reviewer, comment="与统计公报一致")
    rows = list(Observation.objects.filter(pk__in=[o.pk for o in three]))
    batch.publish_many(rows, user=cast.reviewer, reason="2024年数据发布")
    for obs in three:
        obs.refresh_from_db()
        assert (obs.status, obs.reviewed_by, obs.published_by) == (S.PUBLISHED, cast.reviewer, cast.reviewer)
        assert _actions(obs) == ["create", "submit", "approve", "publish"]
    reasons = set(AuditEntry.objects.filter(action="approve").values_list("reason", "actor_name"))
    assert reasons == {("与统计公报一致", "reviewer")}


def test_one_refused_row_refuses_the_selection_and_is_named(cast, three):
    batch.submit_many(three[:2], user=cast.stats_reporter)
    rows = list(Observation.objects.filter(pk__in=[o.pk for o in three]))  # the third is still a draft
    with pytest.raises(batch.BatchRefused) as refused:
        batch.approve_many(rows, user=cast.reviewer)
    assert str(refused.value).startswith("常住人口 · 赣州市 · 2024:")
    assert str(refused.value).endswith("(所选数据均未处理)")
    assert sorted(Observation.objects.values_list("status", flat=True)) == [S.DRAFT, S.SUBMITTED, S.SUBMITTED]


def test_returning_a_selection_needs_one_reason(cast, three):
    batch.submit_many(three, user=cast.stats_reporter)
    rows = list(Observation.objects.all())
    with pytest.raises(services.ServiceError, match="^退回时必须填写审核意见$"):
        batch.return_many(rows, user=cast.reviewer, comment=" ")
    batch.return_many(rows, user=cast.reviewer, comment="请核对口径")
    assert set(Observation.objects.values_list("status", "review_comment")) == {(S.RETURNED, "请核对口径")}


def test_a_submission_not_yet_reviewed_can_be_withdrawn_by_its_unit_only(cast, three):
    submitted = services.submit_observation(three[0], user=cast.stats_reporter)
    with pytest.raises(PermissionDenied, match="只能撤回本单位已提交、尚未审核的数据"):
        batch.withdraw_submission(submitted, user=cast.yudu, reason="误交")
    back = batch.withdraw_submission(submitted, user=cast.stats_reporter, reason="数值待核对")
    assert back.status == S.DRAFT
    assert _actions(back) == ["create", "submit", "withdraw"]
    entry = AuditEntry.objects.get(object_id=back.pk, action="withdraw")
    assert (entry.reason, entry.old, entry.new, entry.action_label) == (
        "数值待核对",
        {"status": "submitted"},
        {"status": "draft"},
        "撤回",
    )
    approved = services.approve_observation(
        services.submit_observation(back, user=cast.stats_reporter), user=cast.reviewer
    )
    with pytest.raises(PermissionDenied):
        batch.withdraw_submission(approved, user=cast.stats_reporter, reason="太晚了")


def test_review_queue_shows_last_year_change_warning_and_explanation(
    client_for, cast, assignments, small_plan, reference_data
):
    """2023: 4000 亿元 (approved); 2024: 4716.5 → (4716.5 / 4000 − 1) = +17.9%."""
    city, gdp = reference_data.regions["赣州市"], indicator(small_plan, "I01")
    old = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=gdp,
        region=city,
        year=2023,
        value=4000.0,
        source="公报",
    )
    services.approve_observation(
        services.submit_observation(old, user=cast.stats_reporter), user=cast.reviewer
    )
    new = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=gdp,
        region=city,
        year=2024,
        value=4716.5,
        source="公报",
    )
    services.submit_observation(new, user=cast.stats_reporter, warning_comment="新增重大项目投产")
    page = client_for(cast.reviewer2).get("/monitoring/review/").content.decode()
    row = page[page.index(f'<tr data-pk="{new.pk}"') :]
    row = row[: row.index("</tr>")]
    assert ">4000<" in row and "+17.9%" in row and "新增重大项目投产" in row
    assert 'class="state state-submitted"' in row
    filtered = client_for(cast.reviewer2).get(
        f"/monitoring/review/?region={reference_data.regions['于都县'].pk}"
    )
    assert f'<tr data-pk="{new.pk}"' not in filtered.content.decode()


def test_review_queue_shows_the_city_figure_and_the_other_counties_median(
    client_for, cast, assignments, small_plan, reference_data
):
    """于都县 submits 300 亿元 for 2024; 赣州市's own figure is 4716.5 (approved); the other counties:
    瑞金市 280 and 南康区 320 (submitted) → median (280 + 320) / 2 = 300."""
    gdp, regions = indicator(small_plan, "I01"), reference_data.regions

    def submit(user, region, value):
        obs = services.create_draft(
            user=user,
            reason="填报",
            indicator=gdp,
            region=regions[region],
            year=2024,
            value=value,
            source="公报",
        )
        return services.submit_observation(obs, user=user)

    services.approve_observation(submit(cast.stats_reporter, "赣州市", 4716.5), user=cast.reviewer)
    submit(cast.ruijin, "瑞金市", 280.0)
    submit(cast.nankang, "南康区", 320.0)
    yudu = submit(cast.yudu, "于都县", 300.0)
    page = client_for(cast.reviewer).get("/monitoring/review/").content.decode()
    row = page[page.index(f'<tr data-pk="{yudu.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "4716.5 / 300(2)" in row, row


def test_a_figure_corrected_since_the_reviewer_saw_it_is_refused_not_approved_unseen(client_for, cast, three):
    """Walking the demo: a reviewer with the queue open in a second window approved a figure that had
    been returned, corrected (66.6 → 58.8) and submitted again meanwhile — approving a value never seen.
    The queue now sends the version each row showed; a changed one is refused with 409 and named."""
    from django.urls import reverse

    figure = services.submit_observation(three[0], user=cast.stats_reporter, reason="报送")
    reviewer = client_for(cast.reviewer)
    page = reviewer.get(reverse("review-queue")).content.decode()
    shown = f'name="version-{figure.pk}" value="{figure.lock_version}"'
    assert shown in page
    returned = services.return_observation(figure, user=cast.reviewer2, comment="请核对")
    corrected = services.update_draft(returned, user=cast.stats_reporter, reason="改正", value=4700.0)
    services.submit_observation(corrected, user=cast.stats_reporter, reason="再次报送")

    answer = reviewer.post(reverse("review-batch"), {"pick": [figure.pk], "act": "approve", "comment": "同意",
                                                     f"version-{figure.pk}": figure.lock_version})
    assert answer.status_code == 409
    assert "已被他人修改" in answer.content.decode()
    assert Observation.objects.get(pk=figure.pk).status == Observation.Status.SUBMITTED  # not approved unseen
    fresh = Observation.objects.get(pk=figure.pk)
    again = reviewer.post(reverse("review-batch"), {"pick": [figure.pk], "act": "approve", "comment": "同意",
                                                    f"version-{figure.pk}": fresh.lock_version})
    assert again.status_code == 302
    assert Observation.objects.get(pk=figure.pk).status == Observation.Status.APPROVED


def test_review_queue_filters_by_unit_indicator_region_and_period(client_for, cast, figures, reference_data):
    """Waiting (``figures``): 瑞金市 地区生产总值 2023 (瑞金市人民政府) and 赣州市 常住人口 2024 (市统计局,
    entered by the bureau's reviewer, so reviewer2 sees both). Each filter keeps exactly its row."""
    ruijin, stats = figures.ruijin_submitted.pk, figures.stats_own.pk
    client = client_for(cast.reviewer2)

    def shown(query: str) -> set[int]:
        page = client.get(f"/monitoring/review/?{query}").content.decode()
        return {pk for pk in (ruijin, stats) if f'<tr data-pk="{pk}"' in page}

    units, regions = reference_data.units, reference_data.regions
    assert shown("") == {ruijin, stats}
    assert shown(f"unit={units['瑞金市人民政府'].pk}") == {ruijin}
    assert shown(f"indicator={figures.stats_own.indicator_id}") == {stats}
    assert shown(f"region={regions['瑞金市'].pk}") == {ruijin}
    assert shown("period=2024") == {stats}
    assert shown(f"unit={units['市统计局'].pk}&period=2023") == set()


def test_a_refused_return_keeps_the_reviewers_ticks(client_for, cast, three):
    """Walking the demo: ticking two of three figures and pressing 退回所选 without a comment was refused
    (422) and showed the queue with every tick cleared. The queue comes back with the same two ticked."""
    from django.urls import reverse

    submitted = batch.submit_many(three, user=cast.stats_reporter)
    picked = [o.pk for o in submitted[:2]]
    answer = client_for(cast.reviewer).post(reverse("review-batch"), {"pick": picked, "act": "return", "comment": " "})
    assert answer.status_code == 422
    page = answer.content.decode()
    assert "退回时必须填写审核意见" in page
    boxes = {o.pk: page.split(f'name="pick" value="{o.pk}"')[1].split(">")[0] for o in submitted}  # all listed
    assert {pk for pk, rest in boxes.items() if "checked" in rest} == set(picked)
    assert set(Observation.objects.values_list("status", flat=True)) == {S.SUBMITTED}
