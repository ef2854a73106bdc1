"""At 1366×768 (the county clerk's office screen) every action is in sight without scrolling sideways.

Seen on the demo: a returned figure's 退回意见 widened the 状态 column until 提交审核 sat past the right
edge of the screen, and the menu broke 重点项目 into 重点项 | 目.
"""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from tests.web.conftest import entered
from tests.web.log_in import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "农村居民人均可支配收入与公报不一致,请核对统计公报第三部分的数值后重新填报(公报为18560元)"


def test_submit_of_a_returned_row_is_in_sight_at_1366(
    live_server, chromium, cast, assignments, small_plan, reference_data
):
    obs = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 25.0, source="于都县统计公报")
    services.return_observation(
        services.submit_observation(obs, user=cast.yudu), user=cast.reviewer, comment=COMMENT
    )
    page = chromium.new_context(locale="zh-CN", viewport={"width": 1366, "height": 768}).new_page()
    log_in(page, live_server.url, "yudu", "/monitoring/entry/")
    assert COMMENT in page.locator("table.entry").inner_text()
    for button in page.locator("table.entry button").all():
        box = button.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1366, button.inner_text()
    for link in page.locator("header nav a").all():
        assert link.bounding_box()["height"] < 40, link.inner_text()  # one line, not two


LONG_NAME = (
    "困难残疾人生活补贴和重度残疾人护理补贴目标人群覆盖率"  # the Ganzhou plan's longest indicator name
)


@pytest.mark.parametrize("url", ["/monitoring/assignments/", "/monitoring/rules/"])
def test_a_long_indicator_name_in_a_select_does_not_widen_a_phone(
    url, live_server, chromium, cast, small_plan
):
    """The forms' 指标 select holds the plan's longest name; at 390 px the page stays 390 px wide."""
    small_plan.indicators.filter(code="I05").update(name=LONG_NAME)
    page = chromium.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}).new_page()
    log_in(page, live_server.url, "planner", url)
    assert LONG_NAME in page.locator("#id_indicator").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
