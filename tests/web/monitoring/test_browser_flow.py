"""The whole round trip in a real headless Chromium: enter, submit, return, correct, approve, publish."""

from __future__ import annotations

import pytest

from planwatch.web.monitoring.models import Observation
from tests.web.log_in import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_county_figure_goes_from_form_to_public_page(live_server, page, chromium, artifacts_dir, cast, assignments):
    base = live_server.url
    shot = lambda p, name: p.screenshot(path=str(artifacts_dir / f"monitoring-flow-{name}.png"), full_page=True)  # noqa: E731

    # 于都县's reporter types 25 (should have been 250) and submits.
    log_in(page, base, "yudu", "/monitoring/entry/")
    row = page.locator('tr[data-region="于都县"][data-period="2024"]')
    row.locator('input[name^="value-"]').fill("25")
    row.locator('input[name^="source-"]').fill("于都县2024年国民经济和社会发展统计公报")
    shot(page, "1-entry")
    row.get_by_role("button", name="提交审核").click()
    page.wait_for_load_state()
    detail_url = base + row.locator("a", has_text="详情").get_attribute("href")
    page.goto(detail_url)
    assert page.locator("#obs-status").inner_text().endswith("已提交")
    shot(page, "2-submitted")

    # 市统计局's reviewer returns it with a comment.
    reviewer = chromium.new_context(locale="zh-CN").new_page()
    log_in(reviewer, base, "reviewer", "/monitoring/review/")
    reviewer.click("table.queue a:has-text('地区生产总值')")
    reviewer.fill("#review-form textarea[name=comment]", "数值疑似少一位,请按统计公报核对(亿元)")
    reviewer.click("#review-form button:has-text('退回')")
    assert reviewer.locator("#obs-status").inner_text().endswith("已退回")
    shot(reviewer, "3-returned")

    # The reporter sees the comment, corrects and resubmits.
    page.goto(detail_url)
    assert page.locator("#review-comment").inner_text() == "数值疑似少一位,请按统计公报核对(亿元)"
    page.fill("#edit-form input[name=value]", "250")
    page.click("#edit-form button[value=save]")
    assert page.locator("#obs-value").inner_text().startswith("250亿元")
    page.click("#submit-button")
    assert page.locator("#obs-status").inner_text().endswith("已提交")
    shot(page, "4-resubmitted")

    # The reviewer approves, then publishes.
    reviewer.goto(detail_url)
    reviewer.click("#review-form button:has-text('审核通过')")
    assert reviewer.locator("#obs-status").inner_text().endswith("已通过")
    reviewer.click("#publish-form button")
    assert reviewer.locator("#obs-status").inner_text().endswith("已发布")
    shot(reviewer, "5-published")

    # Anyone sees the figure on the public page.
    public = chromium.new_context(locale="zh-CN").new_page()
    public.goto(f"{base}/portal/indicators/I01/published/")
    cell = public.locator('tr[data-region="于都县"][data-period="2024"] td.num')
    assert cell.inner_text() == "250亿元"
    shot(public, "6-public")

    obs = Observation.objects.get(region__name="于都县", year=2024)
    assert (obs.value, obs.status, obs.reviewed_by.username, obs.published_by.username) == (
        250.0, "published", "reviewer", "reviewer")
    assert list(obs.history.order_by("history_id").values_list("status", flat=True)) == [
        "draft", "submitted", "returned", "returned", "submitted", "approved", "published"]
