"""A county cell the engine cannot assess shows no completion: 完成度 — beside 无法评估, never 0.0%.

Seen on the demo: 于都县 reported only its 2025 城镇化率 (56.35%); with no earlier figure of its own
there is no base to measure from, the grade read 无法评估 and the cell still said 完成度 0.0%.
"""

from __future__ import annotations

import re

import pytest

from planwatch.web.monitoring.models import Observation

pytestmark = pytest.mark.django_db


def _cells(page: str, county: str) -> list[str]:
    row = re.search(rf'<th scope="row">{county}</th>(.*?)</tr>', page, re.S)
    assert row is not None
    return [" ".join(re.sub(r"<[^>]+>", " ", td).split()) for td in row.group(1).split("<td>")[1:]]


def test_a_county_with_one_figure_has_no_completion(seeded, planner, client_for):
    urbanisation = seeded["indicators"]["I03"]
    Observation.objects.create(
        indicator=urbanisation,
        region=seeded["regions"]["于都县"],
        unit=Observation.objects.first().unit,
        year=2023,
        value=56.35,
        status=Observation.Status.PUBLISHED,
        source="于都县统计公报",
        measure_unit="%",
    )
    page = client_for(planner).get("/reports/counties/?indicator=I03").content.decode()
    cell = next(
        c for c in _cells(page, "于都县") if "56.4%" in c
    )  # 城镇化率 prints with the plan's one decimal
    assert "无法评估" in cell
    assert "完成度 —" in cell and "0.0%" not in cell
