"""Each target kind in its own terms on the indicator page; the whole-indicator tables show baseline,
latest with its year, target and completion; the whole table downloads as XLSX in one click."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from planwatch.web.plans.models import TargetVersion

pytestmark = pytest.mark.django_db


def _retarget(indicator, **fields):
    TargetVersion.objects.filter(indicator=indicator).update(**fields)


def test_floor_target_shows_not_below_and_each_year_margin_without_growth_cards(seeded, planner, client_for):
    # 森林覆盖率 as a floor of 75%: 2022 75.8 → margin 0.8; 2023 75.0 → margin 0.0
    _retarget(seeded["indicators"]["I02"], kind="floor", text="75", value=75.0)
    page = client_for(planner).get("/dashboard/indicators/I02/").content.decode()
    assert "不低于75%" in page  # the target as stated ("75"), not padded to the figures' decimals
    assert "2022年75.8%,高于底线0.8%;2023年75.0%,高于底线0.0%" in page
    assert 'id="floor-margins"' in page
    assert "需年均增速" not in page  # no required growth rate for a floor


def test_qualitative_target_shows_its_words_and_the_direction(seeded, planner, client_for):
    _retarget(seeded["indicators"]["I03"], kind="qualitative", text="稳中有升", value=None)
    page = client_for(planner).get("/dashboard/indicators/I03/").content.decode()
    # approved/published, example set shown to signed-in users: 53.9 (2020) … 61.0 (2023) — rising
    assert "目标为“稳中有升”;序列上升" in page
    assert "时序进度</dt>" not in page  # not six empty cards


def test_assigned_target_waits_for_the_province(seeded, planner, client_for):
    page = client_for(planner).get("/dashboard/indicators/I04/").content.decode()
    assert "按省下达(待省下达具体数值)" in page


def test_dashboard_table_shows_baseline_latest_target_and_completion(seeded, planner, client_for):
    page = client_for(planner).get("/dashboard/").content.decode()
    row = page[page.index('id="all-title"') :]
    assert "4169.4(2021)" in row and "4712.3(2024)" in row and "2025年达到5500亿元" in row and "40.8%" in row
    assert 'href="/reports/indicators.xlsx"' in row


def test_portal_list_shows_published_figures_with_target_and_completion(seeded, anonymous_client):
    page = anonymous_client.get("/portal/").content.decode()
    # the public as of 2023: (4606.2 − 4169.4)/1330.6 = 32.8%
    assert "4169.4(2021)" in page and "2025年达到5500亿元" in page and "32.8%" in page
    assert "4712.3" not in page


def test_whole_indicator_table_downloads_as_xlsx_with_numbers(seeded, planner, client_for, anonymous_client):
    response = client_for(planner).get("/reports/indicators.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["全部指标"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == ("类别", "编号", "指标", "单位", "属性", "基期值", "基期年", "目标", "最新值")
    gdp = next(r for r in rows if r[1] == "I01")
    assert gdp[5] == 4169.4 and gdp[8] == 4712.3 and gdp[9] == 2024 and gdp[12] == "滞后"
    assert abs(gdp[10] - 542.9 / 1330.6) < 1e-12
    assert anonymous_client.get("/reports/indicators.xlsx").status_code == 302


def test_a_baseline_printed_with_its_own_year_shows_that_year_once(seeded, planner, client_for):
    """The plan prints some baselines with their year ("30.3 (2020)" for 战略性新兴产业): the table shows
    the figure with its year once, 76.2(2020), never "76.2 (2020)(2020)"."""
    from planwatch.web.plans.models import Indicator

    Indicator.objects.filter(code="I02").update(baseline_text="76.2 (2020)", baseline_year=2020)
    page = client_for(planner).get("/dashboard/").content.decode()
    row = page[page.index('id="all-title"') :]
    assert "76.2(2020)" in row and "(2020)(2020)" not in row
