"""A refusal in a real Chromium: the reason on the page the action came from, the refusal's status, and
the page's own address in the bar (so a reload reads the page and does not send the form again)."""

from __future__ import annotations

import pytest

from planwatch.web.monitoring.models import Observation
from tests.web.log_in import log_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_returning_without_a_comment_shows_the_reason_on_the_figures_page(live_server, page, cast, figures):
    base = live_server.url
    obs = figures.ruijin_submitted
    detail = f"/monitoring/observations/{obs.pk}/"
    log_in(page, base, "reviewer", detail)
    with page.expect_response(lambda r: r.url.endswith(f"{obs.pk}/return/")) as answer:
        page.click("#review-form button:has-text('退回')")
    assert answer.value.status == 422
    page.wait_for_load_state()
    assert "退回时必须填写审核意见" in page.locator("ul.messages").inner_text()
    assert page.url == base + detail  # the figure's own address, not the action's
    assert page.locator("#obs-status").inner_text().endswith("已提交")
    page.reload()  # a plain GET of the page: nothing sent again, the message gone
    assert page.locator("ul.messages").count() == 0
    assert Observation.objects.get(pk=obs.pk).status == "submitted"
