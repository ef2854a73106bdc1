"""A small slice of the Ganzhou plan for the pure collection tests: indicators, regions, years."""

from __future__ import annotations

import pytest

from planwatch.collection import IndicatorSpec, RegionSpec

# Indicators as the plan's table prints them (code, name, unit), plus the auxiliary series the
# consistency rules need (常住人口, 城镇/农村居民人均可支配收入), which statistics bureaus report.
INDICATORS = (
    IndicatorSpec("I01", "GDP", "亿元"),
    IndicatorSpec("I02", "人均GDP", "元"),
    IndicatorSpec("I03", "规模以上工业增加值增速", "%"),
    IndicatorSpec("I13", "农村居民人均可支配收入", "元"),
    IndicatorSpec("I14", "常住人口城镇化率", "%"),
    IndicatorSpec("I22", "实际使用外资金额", "亿美元"),
    IndicatorSpec("I25", "城乡居民人均可支配收入比", "%"),
    IndicatorSpec("I21", "森林覆盖率", "%"),
    IndicatorSpec("X01", "常住人口", "万人"),
    IndicatorSpec("X02", "城镇居民人均可支配收入", "元"),
    IndicatorSpec("X03", "机场货邮吞吐量", "万吨"),
)
REGIONS = (
    RegionSpec("赣州市", "360700"),
    RegionSpec("章贡区", "360702"),
    RegionSpec("南康区", "360703"),
    RegionSpec("于都县", "360731"),
    RegionSpec("瑞金市", "360781"),
    RegionSpec("龙南市", "360783", aliases=("龙南县",)),
    RegionSpec("蓉江新区"),
)
PLAN_YEARS = range(2021, 2026)


@pytest.fixture
def context() -> dict:
    """The keyword arguments of ``clean_observations`` for the Ganzhou slice, without rules."""
    return {"indicators": INDICATORS, "regions": REGIONS, "plan_years": PLAN_YEARS, "rules": []}
