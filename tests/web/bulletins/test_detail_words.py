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
