"""Every page a clerk, a reviewer or an auditor uses fits its screen: 1366×768 (an office laptop) and
390 px (a phone). Wide tables scroll inside their own box; the page itself never becomes wider than
the viewport. Screenshots of each page at both sizes are kept in ``test-artifacts/`` (issue 11)."""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"1366": {"width": 1366, "height": 768}, "390": {"width": 390, "height": 844}}
PAGES = [
    ("entry", "yudu", "/monitoring/entry/"),
    ("review", "reviewer", "/monitoring/review/"),
    ("audit", "supervisor", "/monitoring/audit/"),
    ("observations", "reviewer", "/monitoring/observations/"),
    ("detail", "ruijin", "/monitoring/observations/{ruijin_draft}/"),
    ("indicator", "planner", "/dashboard/indicators/I01/"),
    ("indicator-history", "planner", "/monitoring/indicators/{gdp}/history/"),
    ("portal-indicator", None, "/portal/indicators/I01/published/"),
    ("assignments", "planner", "/monitoring/assignments/"),  # its long 指标 select widened a phone by 8 px
    ("rules", "planner", "/monitoring/rules/"),
]
WIDER = "document.documentElement.scrollWidth - window.innerWidth"


OFF_SCREEN = """() => [...document.querySelectorAll("table.entry tbody tr")].filter(row =>
    [...row.querySelectorAll("button, a")].some(b => b.getBoundingClientRect().right > window.innerWidth)
).map(row => row.dataset.row)"""


def _returned_with_a_long_comment(figures, cast) -> None:
    """The entry page's hardest row: 于都县's figure sent back with a reviewer's comment of some length."""
    obs = services.submit_observation(figures.yudu_draft, user=cast.yudu)
    services.return_observation(
        obs, user=cast.reviewer, comment="数值疑似少一位,请按2024年于都县国民经济和社会发展统计公报第3页核对后重新提交"
    )


@pytest.mark.parametrize("size", list(SIZES))
def test_no_page_is_wider_than_its_viewport(size, live_server, chromium, artifacts_dir, figures, cast):
    """Each page fits; on the entry page at 1366 px each row's buttons and links (提交审核, 撤回, 详情) are
    on the screen without scrolling the table sideways, even for a returned row showing its comment."""
    _returned_with_a_long_comment(figures, cast)
    names = {"ruijin_draft": figures.ruijin_draft.pk, "gdp": figures.gdp.pk}
    too_wide, hidden_buttons = {}, []
    for name, user, url in PAGES:
        context = chromium.new_context(locale="zh-CN", viewport=SIZES[size])
        page = context.new_page()
        target = url.format(**names)
        if user:
            page.goto(f"{live_server.url}/accounts/login/?next={target}")
            page.fill("#id_username", user)
            page.fill("#id_password", PASSWORD)
            page.click("form.stack button[type=submit]")
        else:
            page.goto(f"{live_server.url}{target}")
        page.wait_for_load_state()
        assert page.url.endswith(target), (name, page.url)
        page.screenshot(path=str(artifacts_dir / f"layout-{name}-{size}.png"), full_page=True)
        extra = page.evaluate(WIDER)
        if extra > 0:
            too_wide[name] = extra
        if name == "entry" and size == "1366":
            hidden_buttons = page.evaluate(OFF_SCREEN)
        if name == "audit" and size == "1366":  # every column readable without scrolling sideways
            box = page.locator(".scroll").first
            assert box.evaluate("b => b.scrollWidth - b.clientWidth") <= 0, "audit table wider than its box"
        context.close()
    assert too_wide == {}, f"pages wider than {size} px (by px): {too_wide}"
    assert hidden_buttons == [], f"entry rows whose buttons are off screen at 1366 px: {hidden_buttons}"


def test_print_stylesheet_keeps_the_content_and_drops_the_chrome(
    live_server, chromium, artifacts_dir, figures
):
    """Printed, a page is its content: no menu, no buttons, tables whole (A4 landscape)."""
    context = chromium.new_context(locale="zh-CN", viewport=SIZES["1366"])
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/?next=/monitoring/review/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.locator("#approve-picked").is_hidden()
    assert page.locator("table.queue").is_visible()
    page.pdf(path=str(artifacts_dir / "print-review.pdf"))
    page.goto(f"{live_server.url}/portal/indicators/I01/published/")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    page.pdf(path=str(artifacts_dir / "print-indicator.pdf"))
    context.close()
