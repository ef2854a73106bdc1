"""A bulletin's proposals read as a reviewer reads them: 增速 5.1%, 置信度 高 — not 5.1 and 0.95.

Same bulletin as test_review: 于都县 2023, GDP 3586721 万元, 比上年增长5.1%.
"""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.documents.bulletin_sources import read_bulletin_file
from planwatch.web.bulletins import services

BULLETIN = Path(__file__).resolve().parents[2] / "data" / "bulletins" / "yudu_2023_traditional.txt"


def test_growth_has_its_percent_sign_and_confidence_is_a_word(small_plan, cast, client_for):
    bulletin, _ = services.submit_bulletin(
        read_bulletin_file(BULLETIN),
        user=cast.stats_reporter,
        reason="读取于都县公报",
        file_name=BULLETIN.name,
    )
    page = client_for(cast.reviewer).get(f"/bulletins/{bulletin.pk}/").content.decode()
    row = re.search(r"<tr[^>]*>\s*<td>[^<]*地区生产总值.*?</tr>", page, re.S)
    assert row is not None
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    ]
    assert "5.1%" in cells and "高" in cells
    assert "358.6721亿元" in cells and "3586721万元" in cells  # no space before a unit
    assert "0.95" not in cells


def test_figures_already_held_read_like_the_rest_of_the_page(small_plan, cast, client_for, reference_data):
    """已有数据 printed 2022: 520.0 (a float, no unit). 于都县 GDP 2021 published as 480.5 and 2022 as 520
    (亿元) now read 2021: 480.5亿元; 2022: 520亿元 — the precision each was published with, and the unit."""
    from planwatch.web.monitoring.models import Observation
    from tests.web.conftest import indicator

    gdp = indicator(small_plan, "I01")
    for year, value, stated in ((2021, 480.5, "480.5"), (2022, 520.0, "520")):
        Observation.objects.create(
            indicator=gdp, region=reference_data.regions["于都县"], unit=reference_data.units["市统计局"], year=year,
            value=value, original_value=stated, status=Observation.Status.PUBLISHED, vintage=1, source="于都县统计公报",
            measure_unit="亿元",
        )
    bulletin, _ = services.submit_bulletin(
        read_bulletin_file(BULLETIN), user=cast.stats_reporter, reason="读取于都县公报", file_name=BULLETIN.name
    )
    page = client_for(cast.reviewer).get(f"/bulletins/{bulletin.pk}/").content.decode()
    row = re.search(r"<tr[^>]*>\s*<td>[^<]*地区生产总值.*?</tr>", page, re.S)
    assert row is not None
    assert "2021: 480.5亿元; 2022: 520亿元" in re.sub(r"<[^>]+>", "", row.group(0))
