"""At 390×844 (a phone) a figure's page fits the screen: nothing makes the page scroll sideways.

Seen on the demo: the pages of figures read from a county's bulletin scrolled sideways by 11 to 415 px —
their 来源 and 备注 carry the bulletin's address, one unbreakable word wider than the screen. A wide table
may scroll inside its own box (``.scroll``); the page itself may not.
"""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from tests.web.conftest import entered
from tests.web.log_in import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# As the demo's 石城县 figures cite their bulletin (about 740 px of text in one word).
ADDRESS = "http://www.shicheng.gov.cn/scxxxgk/sc91329/202309/t20230918_4321987_statistical_communique_2022.html"

OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1 && !e.closest('.scroll') && e.tagName !== 'LABEL')
  .map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth)"""


@pytest.fixture
def cited(cast, assignments, small_plan, reference_data):
    """于都县's 2024 GDP as a draft and its 2023 GDP published, each citing the bulletin by its address."""
    yudu = reference_data.regions["于都县"]
    fields = {"source": ADDRESS, "note": f"数值与来源原文核对一致:{ADDRESS}"}
    draft = entered(cast.yudu, small_plan, yudu, 2024, 560.3, **fields)
    published = services.submit_observation(entered(cast.yudu, small_plan, yudu, 2023, 520.1, **fields),
                                             user=cast.yudu)
    published = services.publish_observation(services.approve_observation(published, user=cast.reviewer),
                                             user=cast.reviewer)
    return {"draft": draft, "published": published}


@pytest.mark.parametrize(("username", "figure"), [("yudu", "draft"), ("yudu", "published"),
                                                  ("reviewer", "published"), ("supervisor", "published")])
def test_a_figures_page_does_not_scroll_sideways_on_a_phone(live_server, chromium, cited, username, figure):
    page = chromium.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}).new_page()
    log_in(page, live_server.url, username, f"/monitoring/observations/{cited[figure].pk}/")
    assert ADDRESS in page.locator("dl.facts").inner_text()
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= page.evaluate("innerWidth"), page.evaluate(OVERFLOWING)
