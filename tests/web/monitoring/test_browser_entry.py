"""Entry and review as a clerk and a reviewer use them, in a real headless Chromium (issue 11).

- A correction typed on a returned figure is what 提交审核 submits (before, 修改 and 提交审核 were two
  forms, and 提交审核 sent the old value back, saying "已提交审核").
- A bad value in row 3 of 3 is named beside row 3, and what was typed in rows 1–2 stays on the page.
- Three figures submitted, approved and published as one selection each time, then seen on the portal.
"""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Assignment, Observation
from tests.web.conftest import entered, indicator
from tests.web.log_in import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _three_rows(assignments) -> None:
    """市统计局 reports 地区生产总值, 人均地区生产总值 and 常住人口 for 赣州市 (its 城镇化率 task is closed)."""
    Assignment.objects.filter(pk=assignments["统计局I04"].pk).update(active=False)


def test_clerk_correction_of_a_returned_figure_is_what_the_reviewer_sees(
    live_server, page, chromium, artifacts_dir, cast, assignments, small_plan, reference_data
):
    obs = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 25.0, source="统计公报")
    obs = services.submit_observation(obs, user=cast.yudu)
    services.return_observation(obs, user=cast.reviewer, comment="数值疑似少一位,请按统计公报核对")
    base = live_server.url

    log_in(page, base, "yudu", f"/monitoring/observations/{obs.pk}/")
    assert page.locator("#review-comment").inner_text() == "数值疑似少一位,请按统计公报核对"
    page.fill("#edit-form input[name=value]", "250")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_load_state()
    assert "已提交审核" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "entry-correction-submitted.png"), full_page=True)

    reviewer = chromium.new_context(locale="zh-CN").new_page()
    log_in(reviewer, base, "reviewer", "/monitoring/review/")
    reviewer.goto(f"{base}/monitoring/observations/{obs.pk}/")
    assert reviewer.locator("#obs-value").inner_text().startswith("250亿元")
    reviewer.goto(f"{base}/monitoring/review/")
    row = reviewer.locator('table.queue tr[data-region="于都县"][data-period="2024"]')
    assert row.locator("td.num").first.inner_text() == "250亿元"
    reviewer.goto(f"{base}/monitoring/observations/{obs.pk}/")
    # The answered comment is history now, not the figure's open comment.
    assert reviewer.locator("#review-comment").count() == 0
    assert "数值疑似少一位,请按统计公报核对" in reviewer.locator("#comment-history").inner_text()
    obs.refresh_from_db()
    assert (obs.value, obs.status) == (250.0, "submitted")


def test_bad_value_in_row_three_is_named_and_rows_one_and_two_are_kept(
    live_server, page, cast, assignments, small_plan, reference_data, artifacts_dir
):
    _three_rows(assignments)
    base = live_server.url
    log_in(page, base, "stats", "/monitoring/entry/")
    rows = page.locator("table.entry tbody tr")
    assert rows.count() == 3
    rows.nth(0).locator('input[name^="value-"]').fill("4,716.5")
    rows.nth(1).locator('input[name^="value-"]').fill("５２,０００")
    rows.nth(2).locator('input[name^="value-"]').fill("12,3")
    page.click("#save-all")
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts_dir / "entry-row-3-refused.png"), full_page=True)

    rows = page.locator("table.entry tbody tr")
    assert rows.nth(0).locator('input[name^="value-"]').input_value() == "4,716.5"
    assert rows.nth(1).locator('input[name^="value-"]').input_value() == "５２,０００"
    assert rows.nth(2).locator('input[name^="value-"]').input_value() == "12,3"
    assert (
        rows.nth(2).locator(".row-error").inner_text()
        == "第3行(常住人口 · 赣州市 · 2024):数值「12,3」不是有效数字"
    )
    assert rows.nth(0).locator(".row-error").count() == 0
    assert Observation.objects.count() == 0  # nothing half-saved

    rows.nth(2).locator('input[name^="value-"]').fill("897")
    page.click("#save-all")
    page.wait_for_load_state()
    assert sorted(Observation.objects.values_list("value", flat=True)) == [897.0, 4716.5, 52000.0]


def test_three_figures_submitted_approved_and_published_together_reach_the_portal(
    live_server, page, chromium, cast, assignments, small_plan, reference_data, artifacts_dir
):
    _three_rows(assignments)
    base = live_server.url
    log_in(page, base, "stats", "/monitoring/entry/")
    rows = page.locator("table.entry tbody tr")
    for i, value in enumerate(("4716.5", "52000", "897")):
        rows.nth(i).locator('input[name^="value-"]').fill(value)
        rows.nth(i).locator('input[name^="source-"]').fill("赣州市2024年统计公报")
    page.check("#pick-all")
    page.click("#submit-picked")
    page.wait_for_load_state()
    assert "已提交审核 3 行" in page.locator(".messages").inner_text()
    assert sorted(Observation.objects.values_list("status", flat=True)) == ["submitted"] * 3

    reviewer = chromium.new_context(locale="zh-CN").new_page()
    log_in(reviewer, base, "reviewer", "/monitoring/review/")
    assert reviewer.locator("table.queue tbody tr").count() == 3
    # 审核通过 and 退回 say what they do and do not look alike (green filled ✓ vs red-bordered ↩).
    look = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderColor, getComputedStyle(b).color]"
    approve, send_back = (reviewer.eval_on_selector(s, look) for s in ("#approve-picked", "#return-picked"))
    assert approve != send_back
    assert (reviewer.inner_text("#approve-picked"), reviewer.inner_text("#return-picked")) == ("审核通过所选", "退回所选")
    reviewer.check("#pick-all")
    reviewer.click("#approve-picked")
    reviewer.wait_for_load_state()
    assert "已审核通过 3 条" in reviewer.locator(".messages").inner_text()
    reviewer.goto(f"{base}/monitoring/review/?tab=approved")
    reviewer.check("#pick-all")
    reviewer.click("#publish-picked")
    reviewer.wait_for_load_state()
    assert "已发布 3 条" in reviewer.locator(".messages").inner_text()

    public = chromium.new_context(locale="zh-CN").new_page()
    for code, shown in (("I01", "4716.5亿元"), ("I02", "52000元"), ("I03", "897万人")):
        public.goto(f"{base}/portal/indicators/{code}/published/")
        assert public.locator('tr[data-region="赣州市"][data-period="2024"] td.num').inner_text() == shown
    public.screenshot(path=str(artifacts_dir / "batch-published-portal.png"), full_page=True)
    assert sorted(Observation.objects.values_list("status", flat=True)) == ["published"] * 3


def test_last_year_and_the_change_show_while_typing(
    live_server, page, cast, assignments, small_plan, reference_data, artifacts_dir
):
    """2023: 4000 亿元 (approved). Typing 6000 shows (6000 / 4000 − 1) = +50.0% and the 30% rule's
    warning; typing 4100 shows +2.5% and no warning."""
    _three_rows(assignments)
    old = entered(cast.stats_reporter, small_plan, reference_data.regions["赣州市"], 2023, 4000.0, source="公报")
    services.approve_observation(
        services.submit_observation(old, user=cast.stats_reporter), user=cast.reviewer
    )
    log_in(page, live_server.url, "stats", "/monitoring/entry/")
    row = page.locator('table.entry tr[data-indicator="I01"]')
    assert row.locator("td.last").inner_text() == "4000"
    row.locator('input[name^="value-"]').fill("6000")
    assert row.locator("td.change").inner_text().startswith("+50.0%")
    assert "同比变动较大,提交时需填写预警说明" in row.locator("td.change").inner_text()
    page.screenshot(path=str(artifacts_dir / "entry-change-while-typing.png"), full_page=True)
    row.locator('input[name^="value-"]').fill("4100")
    assert row.locator("td.change").inner_text() == "+2.5%"


def test_enter_in_a_row_saves_what_was_typed_and_submits_no_row(
    live_server, page, cast, assignments, small_plan, reference_data
):
    """Enter in a text box sends the form with its first button. That was row 1's 提交审核: a clerk who
    pressed Enter after typing row 2 sent row 1's draft to the reviewer unasked. Enter now saves."""
    _three_rows(assignments)
    entered(cast.stats_reporter, small_plan, reference_data.regions["赣州市"], 2024, 4716.5, source="公报")
    log_in(page, live_server.url, "stats", "/monitoring/entry/")
    page.locator('table.entry tr[data-indicator="I02"] input[name^="value-"]').fill("52000")
    page.locator('table.entry tr[data-indicator="I02"] input[name^="value-"]').press("Enter")
    page.wait_for_load_state()
    assert "已保存 1 行草稿" in page.locator(".messages").inner_text()
    assert sorted(Observation.objects.values_list("indicator__code", "value", "status")) == [
        ("I01", 4716.5, "draft"), ("I02", 52000.0, "draft")]


def test_enter_in_the_review_comment_approves_nothing(live_server, page, cast, assignments, small_plan,
                                                     reference_data):
    """The queue's first button is 审核通过所选: a reviewer who typed a reason to send a figure back
    and pressed Enter approved it. Enter there now does nothing; only a button decides."""
    obs = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 25.0, source="统计公报")
    services.submit_observation(obs, user=cast.yudu)
    log_in(page, live_server.url, "reviewer", "/monitoring/review/")
    assert "first button" not in page.locator("main").inner_text()  # the template's note stays in the template
    page.check('table.queue tr[data-region="于都县"] input[name=pick]')
    page.fill("#batch-comment", "数值疑似少一位,请按统计公报核对")
    page.press("#batch-comment", "Enter")
    page.wait_for_timeout(500)
    obs.refresh_from_db()
    assert obs.status == "submitted"
    page.click("#return-picked")
    page.wait_for_load_state()
    obs.refresh_from_db()
    assert (obs.status, obs.review_comment) == ("returned", "数值疑似少一位,请按统计公报核对")


def test_enter_in_the_target_decision_comment_approves_nothing(live_server, page, cast, small_plan):
    """The same for a target adjustment: 批准 was the form's first button, so Enter in 审批意见 (typed,
    as often as not, to say why not) put the new target in force."""
    proposed = services.propose_target_adjustment(indicator(small_plan, "I01"), user=cast.planner, reason="下调",
                                                  value=5300.0)
    log_in(page, live_server.url, "admin", "/monitoring/targets/")
    page.fill('section[data-code="I01"] input[name=comment]', "依据不足,请补充省下达文件")
    page.press('section[data-code="I01"] input[name=comment]', "Enter")
    page.wait_for_timeout(500)
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_an_english_page_gives_a_rate_s_change_in_percentage_points(
    live_server, chromium, cast, assignments, small_plan, reference_data
):
    """城镇化率 2023: 57.6 (approved); 2024 typed 58.9: 58.9 − 57.6 = +1.3 points, and 60 typed: +2.4.
    The English page said "+1.3 个百分点", both as stored and while typing."""
    ganzhou = reference_data.regions["赣州市"]
    old = entered(cast.stats_reporter, small_plan, ganzhou, 2023, 57.6, code="I04", source="公报")
    services.approve_observation(services.submit_observation(old, user=cast.stats_reporter), user=cast.reviewer)
    entered(cast.stats_reporter, small_plan, ganzhou, 2024, 58.9, code="I04", source="公报")
    page = chromium.new_context(locale="en-US").new_page()
    log_in(page, live_server.url, "stats", "/monitoring/entry/")
    row = page.locator('table.entry tr[data-indicator="I04"]')
    assert row.locator("td.change").inner_text() == "+1.3 percentage points"
    row.locator('input[name^="value-"]').fill("60")
    assert row.locator("td.change").inner_text() == "+2.4 percentage points"
