"""Every page a clerk, a reviewer or an auditor uses fits its screen: 1366×768 (an office laptop) and
390 px (a phone). Wide tables scroll inside their own box; the page itself never becomes wider than
the viewport. Screenshots of each page at both sizes are kept in ``test-artifacts/`` (issue 11)."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("size", list(SIZES))
def test_no_page_is_wider_than_its_viewport(size, live_server, chromium, artifacts_dir, figures):
    names = {"ruijin_draft": figures.ruijin_draft.pk, "gdp": figures.gdp.pk}
    too_wide = {}
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
        context.close()
    assert too_wide == {}, f"pages wider than {size} px (by px): {too_wide}"


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
