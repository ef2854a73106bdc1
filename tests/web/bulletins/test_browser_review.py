"""A reviewer in a real Chromium: opens one bulletin's proposals, edits one, rejects one, accepts all
confident ones; a second reviewer accepts the corrected one (four eyes: whoever typed a value does not
approve it); the accepted figures show on the indicator page with the bulletin named as the source.

Bulletin: tests/data/bulletins/ganzhou_2023_pdf-lines.txt (赣州市 2023, PDF line breaks). Against the small
test plan it proposes 地区生产总值 4606.2 亿元, 人均地区生产总值 51303 元, 常住人口 897.99 万人 and
常住人口城镇化率 58.86 %, all at confidence 0.95.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents.bulletin_sources import read_bulletin_file
from planwatch.web.bulletins import services
from planwatch.web.monitoring.models import Observation
from tests.web.log_in import log_in

BULLETIN = Path(__file__).resolve().parents[2] / "data" / "bulletins" / "ganzhou_2023_pdf-lines.txt"
SOURCE = "《赣州市2023年国民经济和社会发展统计公报》"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reviewer_accepts_edits_rejects_and_figures_show_with_their_bulletin(
    live_server, page, artifacts_dir, cast, small_plan
):
    bulletin, _skipped = services.submit_bulletin(
        read_bulletin_file(BULLETIN),
        user=cast.stats_reporter,
        reason="读取赣州市公报",
        file_name=BULLETIN.name,
    )
    assert bulletin.proposals.count() == 4
    base, url = live_server.url, f"/bulletins/{bulletin.pk}/"

    def shot(name: str) -> None:
        page.screenshot(path=str(artifacts_dir / f"bulletin-review-{name}.png"), full_page=True)

    log_in(page, base, "reviewer", url)
    assert "全年全市地区生产总值4606.2亿元" in page.locator("table.proposals").inner_text()
    shot("1-proposals")

    urban = page.locator('tr[data-indicator="常住人口城镇化率"]')
    urban.locator("input.value").fill("58.9")
    urban.locator("form:has(button.edit) input.reason").fill("按年鉴口径取一位小数")
    urban.locator("button.edit").click()
    page.wait_for_url(f"{base}{url}")
    people = page.locator('tr[data-indicator="常住人口"]')
    people.locator("form:has(button.reject) input.reason").fill("规划指标按户籍口径,另行填报")
    people.locator("button.reject").click()
    page.wait_for_url(f"{base}{url}")
    page.click("#accept-confident")
    page.wait_for_url(f"{base}{url}")
    states = {
        name: page.locator(f'tr[data-indicator="{name}"] td.state').inner_text()
        for name in ("地区生产总值", "人均地区生产总值", "常住人口", "常住人口城镇化率")
    }
    assert states == {
        "地区生产总值": "已采用",
        "人均地区生产总值": "已采用",
        "常住人口": "已驳回",
        "常住人口城镇化率": "待审核",  # corrected by this reviewer: another must accept it (four eyes)
    }
    shot("2-decided")
    page.context.clear_cookies()  # the second reviewer signs in on the same browser
    log_in(page, base, "reviewer2", url)
    urban = page.locator('tr[data-indicator="常住人口城镇化率"]')
    assert urban.locator("input.value").input_value() == "58.9"
    urban.locator("button.accept").click()
    page.wait_for_url(f"{base}{url}")
    assert page.locator('tr[data-indicator="常住人口城镇化率"] td.state').inner_text() == "已采用"

    page.goto(f"{base}/dashboard/indicators/I01/")
    table = page.locator("table.values").inner_text()
    assert "4,606.2" in table or "4606.2" in table
    assert SOURCE in table
    page.goto(f"{base}/dashboard/indicators/I04/")
    table = page.locator("table.values").inner_text()
    assert "58.9" in table and SOURCE in table
    shot("3-indicator-page")

    gdp = Observation.objects.get(indicator__code="I01", year=2023)
    assert (gdp.status, gdp.source, gdp.created_by.username, gdp.published_by.username) == (
        "published",
        SOURCE,
        "stats",
        "reviewer",
    )
