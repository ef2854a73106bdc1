"""目标版本 says each target in the plan's own terms, never the bare stored value.

The demo showed ``None(2025)`` for 单位GDP能源消耗降幅 (按省下达, no value yet) and ``5500(2025)`` without
亿元 for GDP; the report and the portal already say 按省下达(待省下达具体数值) and 2025年达到5500亿元.
"""

from __future__ import annotations

import re

from planwatch.web.monitoring import services
from tests.web.conftest import indicator


def _rows(page: str, code: str) -> list[str]:
    section = page.split(f'data-code="{code}"', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<tr><td>v\d+</td><td>(.*?)</td>", section)]


def test_target_versions_are_written_in_the_plans_terms(small_plan, cast, client_for):
    """I01 level 5500 (2027) → 2027年达到5500亿元; I04 about 62左右 → 2027年达到62%左右;
    I05 按省下达 with no value → 按省下达(待省下达具体数值)(2027); I03 保持稳定 → 保持稳定(2027)."""
    page = client_for(cast.planner).get("/monitoring/targets/").content.decode()
    assert "None" not in page
    assert _rows(page, "I01") == ["2027年达到5500亿元"]
    assert _rows(page, "I04") == ["2027年达到62%左右"]
    assert _rows(page, "I05") == ["按省下达(待省下达具体数值)(2027)"]
    assert _rows(page, "I03") == ["保持稳定(2027)"]


def test_a_proposed_value_prints_as_typed_with_its_unit(small_plan, cast, client_for):
    """A planner proposes 5300 for GDP: v2 reads 2027年达到5300亿元 (not 5300.0, not a bare 5300)."""
    services.propose_target_adjustment(
        indicator(small_plan, "I01"), user=cast.planner, reason="调整", value=5300.0, year=2027
    )
    page = client_for(cast.planner).get("/monitoring/targets/").content.decode()
    assert _rows(page, "I01") == ["2027年达到5500亿元", "2027年达到5300亿元"]
