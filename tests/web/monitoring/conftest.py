"""Figures in every state, for the page, export and API tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.web.monitoring import services
from tests.web.conftest import entered, indicator


@pytest.fixture
def figures(cast, assignments, small_plan, reference_data):
    """瑞金市 has a draft and a submission; 于都县 a draft and a published 2023 figure;
    市统计局 (entered by its reviewer) a submission of 常住人口; GDP has a proposed target v2."""
    gdp, regions = indicator(small_plan, "I01"), reference_data.regions

    def make(user, region, year, value, code="I01"):
        return entered(user, small_plan, regions[region], year, value, code=code, source="统计公报")

    ruijin_draft = make(cast.ruijin, "瑞金市", 2024, 300.0)
    ruijin_submitted = services.submit_observation(make(cast.ruijin, "瑞金市", 2023, 280.0), user=cast.ruijin)
    yudu_draft = make(cast.yudu, "于都县", 2024, 260.0)
    published = services.submit_observation(make(cast.yudu, "于都县", 2023, 240.0), user=cast.yudu)
    published = services.publish_observation(services.approve_observation(published, user=cast.reviewer),
                                             user=cast.reviewer)
    stats_own = services.submit_observation(make(cast.reviewer, "赣州市", 2024, 897.0, "I03"), user=cast.reviewer)
    gdp_target = services.propose_target_adjustment(gdp, user=cast.planner, reason="中期评估调整", value=5400.0)
    return SimpleNamespace(gdp=gdp, gdp_target=gdp_target, ruijin_draft=ruijin_draft, ruijin_submitted=ruijin_submitted,
                           yudu_draft=yudu_draft, published=published, stats_own=stats_own)
