"""Server-side checks of the dashboard pages against the hand-worked figures in ``seed``."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dashboard_lists_binding_warning_and_lagging_with_required_growth(client, seeded, signed_in):
    """I02 森林覆盖率 is 约束性 and moved away (75.0 < 76.2 → 80): 预警.

I01 as of 2024 (approved 4712.3) needs 5500/4712.3 − 1 = 1.1672 − 1 = 16.7% in the one year left.
"""
    client.force_login(signed_in)
    html = client.get(reverse("dashboard")).content.decode()
    warnings = html[html.index('id="warn-title"'): html.index('id="pillars-title"')]
    assert "森林覆盖率" in warnings and "地区生产总值" not in warnings
    lagging = html[html.index('id="lagging-title"'): html.index('id="reporting-title"')]
    assert "地区生产总值" in lagging and "16.7%" in lagging


def test_indicator_page_shows_revision_and_sources(client, seeded, signed_in):
    client.force_login(signed_in)
    html = client.get(reverse("dashboard-indicator", args=["I01"])).content.decode()
    assert "4606.2" in html and "赣州市统计年鉴(修订)" in html
    assert "修订(第2版)" in html


def test_indicator_chart_draws_the_interval_band_when_the_trend_is_fitted(client, seeded, signed_in):
    """I03 has four points (2020–2023): the engine's log-linear fit gives 2024 and 2025 with 80% bounds."""
    import json
    import re

    client.force_login(signed_in)
    html = client.get(reverse("dashboard-indicator", args=["I03"])).content.decode()
    option = json.loads(re.search(r'id="indicator-chart-option">(.*?)</script>', html).group(1))
    band = next(s for s in option["series"] if s["name"] == "80%预测区间")
    lower = next(s for s in option["series"] if s["name"] == "80%预测区间-lower")
    assert [p[0] for p in band["data"]] == ["2023", "2024", "2025"]
    assert band["data"][0] == ["2023", 0.0] and lower["data"][0] == ["2023", 61.0]
    assert all(width > 0 for _, width in band["data"][1:]) and all(low > 0 for _, low in lower["data"])


def test_changes_since_last_period_list_the_new_figures(client, seeded, signed_in):
    """Signed-in users' latest period is 2024; its one figure is I01's approved 4712.3 亿元."""
    client.force_login(signed_in)
    html = client.get(reverse("dashboard")).content.decode()
    changes = html[html.index('id="changes-title"'): html.index('id="all-title"')]
    assert "本期新增数据 1 项" in changes and "4712.3亿元" in changes


def test_signed_in_download_has_approved_but_never_draft_or_returned_figures(client, seeded, signed_in):
    from tests.web.portal.readers import read_download

    client.force_login(signed_in)
    rows = read_download(client.get(reverse("dashboard-indicator-download", args=["I01", "csv"])).content, "csv")
    values = {float(r[4]) for r in rows[1:]}
    assert 4712.3 in values
    assert not values & {9999.9, 8888.8, 123.4, 234.5}


def test_a_county_page_without_county_figures_says_so_and_still_names_its_indicator(client, seeded, signed_in):
    """The seed has county figures for I01 only: I02's county page is empty, and says why."""
    import re

    client.force_login(signed_in)
    empty = client.get(reverse("dashboard-county-indicator", args=["I02"])).content.decode()
    assert 'id="county-empty"' in empty and "该指标尚无分县(市、区)数据" in empty
    assert "目前还没有任何指标有分县数据" not in empty  # I01 has some
    picker = re.search(r'<select id="county-indicator".*?</select>', empty, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]+)</option>", picker) == ["森林覆盖率", "地区生产总值"]
    assert 'selected>森林覆盖率' in picker
    filled = client.get(reverse("dashboard-county-indicator", args=["I01"])).content.decode()
    assert 'id="county-empty"' not in filled


def test_the_plans_own_region_is_found_by_its_name_short_name_or_code(reference_data, small_plan):
    """The document says 赣州; the region list has 赣州市 (short name 赣州). A county's plan saying 于都 is
    about 于都县, not the first city in the list."""
    from planwatch.web.dashboard.series import plan_region

    for said, meant in (("赣州", "赣州市"), ("赣州市", "赣州市"), ("于都", "于都县"), ("360731", "于都县")):
        small_plan.region = said
        assert plan_region(small_plan).name == meant, said


def test_a_rate_still_needs_percentage_points_on_the_dashboard_and_its_page(client, seeded, signed_in):
    """I02 森林覆盖率 (unit %) 75.0 in 2023, target 80 in 2025: it still needs (80 − 75.0)/2 = 2.50 个百分点
    a year (the engine's required_points), not (80/75)^(1/2) − 1 = 3.3% — on the lagging table and the
    indicator page's card alike. I01 (亿元) keeps its growth rate, 16.7%."""
    client.force_login(signed_in)
    lagging, forest = _lagging_row(client, "森林覆盖率")
    assert "+2.50个百分点" in forest and "3.3%" not in forest
    assert "16.7%" in lagging
    page = client.get(reverse("dashboard-indicator", args=["I02"])).content.decode()
    card = page[page.index("需年均增速"):]
    assert card[: card.index("</dd>")].endswith("+2.50个百分点")


def test_a_rates_change_so_far_is_in_percentage_points_too(client, seeded, signed_in):
    """I02 森林覆盖率 (unit %) 76.2 in 2021 → 75.0 in 2023: (75.0 − 76.2)/2 = −0.60 个百分点 a year (the
    engine's points_per_year), not (75.0/76.2)^(1/2) − 1 = −0.8% — on the lagging table and the card.
    I01 (亿元) keeps its growth rate."""
    client.force_login(signed_in)
    _, forest = _lagging_row(client, "森林覆盖率")
    assert "-0.60个百分点" in forest and "-0.8%" not in forest
    page = client.get(reverse("dashboard-indicator", args=["I02"])).content.decode()
    card = page[page.index("实际年均增速"):]
    assert card[: card.index("</dd>")].endswith("-0.60个百分点")


def _lagging_row(client, name: str) -> tuple[str, str]:
    """The dashboard's lagging table, and the row of the indicator ``name`` in it (as HTML)."""
    html = client.get(reverse("dashboard")).content.decode()
    lagging = html[html.index('id="lagging-title"'): html.index('id="reporting-title"')]
    row = lagging[lagging.index(name):]
    return lagging, row[: row.index("</tr>")]
