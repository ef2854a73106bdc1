"""目标版本 says each target in the plan's own terms, never the bare stored value.

The demo showed ``None(2025)`` for 单位GDP能源消耗降幅 (按省下达, no value yet) and ``5500(2025)`` without
亿元 for GDP; the report and the portal already say 按省下达(待省下达具体数值) and 2025年达到5500亿元.
"""

from __future__ import annotations

import re

import pytest

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


def _propose(client, target, text: str, *, province: bool = False):
    data = {"text": text, "reason": "省发改委下达" if province else "中期评估调整"}
    if province:
        data["province"] = "on"
    return client.post(f"/monitoring/targets/{target.pk}/propose/", data)


def test_a_typed_target_text_is_read_by_the_plans_target_grammar(small_plan, cast, client_for):
    """The 省下达 figure typed as “十四五”期间累计下降13.5% for I05 (单位GDP能耗降低, 按省下达) is a cumulative
    cut of 13.5, printed 累计降低13.5% — it read as a level, 2025年达到13.5%“十四五”期间累计下降%. Each other
    wording is proposed for I01 (地区生产总值, 亿元) in turn and rejected before the next; each keeps its text."""
    planner, admin = client_for(cast.planner), client_for(cast.admin)
    energy, gdp = indicator(small_plan, "I05"), indicator(small_plan, "I01")
    _propose(planner, energy, "“十四五”期间累计下降13.5%", province=True)
    tv = energy.targets.get(version=2)
    assert (tv.kind, tv.value, tv.qualifier, tv.text) == ("cumulative_reduction", 13.5, "", "“十四五”期间累计下降13.5%")
    # text, kind, value, qualifier, zh, en (2027 is the small plan's target year)
    cases = [
        ("年均增长7%左右", "annual_growth", 7.0, "左右", "年均增长7%左右(2027)", "average growth of 7% (2027)"),
        ("5500亿元", "level", 5500.0, "", "2027年达到5500亿元", "reach 5500亿元 by 2027"),
        (">95", "floor", 95.0, ">", "不低于95亿元(2027)", "at least 95亿元 (2027)"),
        ("稳中有升", "qualitative", None, "", "稳中有升(2027)", "稳中有升 (2027)"),
    ]
    for version, (text, kind, value, qualifier, zh, en) in enumerate(cases, start=2):
        _propose(planner, gdp, text)
        tv = gdp.targets.get(version=version)
        assert (tv.kind, tv.value, tv.qualifier, tv.text) == (kind, value, qualifier, text)
        assert _rows(planner.get("/monitoring/targets/").content.decode(), "I01")[-1] == zh
        planner.cookies["django_language"] = "en"
        assert _rows(planner.get("/monitoring/targets/").content.decode(), "I01")[-1] == en
        del planner.cookies["django_language"]
        services.reject_target_adjustment(tv, user=cast.admin, comment="仅作测试")
    page = admin.get("/monitoring/targets/").content.decode()
    assert _rows(page, "I05")[-1] == "累计降低13.5%(2027)"


def test_a_typed_value_that_is_not_the_texts_figure_is_refused(small_plan, cast):
    """value 14 beside 累计下降13.5%: which is meant cannot be guessed, so the planner is asked."""
    with pytest.raises(services.ServiceError, match="目标值 14 与目标原文「累计下降13.5%」不一致"):
        services.enter_assigned_target(indicator(small_plan, "I05"), user=cast.planner, reason="省下达",
                                       value=14.0, text="累计下降13.5%")
    with pytest.raises(services.ServiceError, match="读不出目标值"):
        services.propose_target_adjustment(indicator(small_plan, "I01"), user=cast.planner, reason="调整",
                                           value=None, text="比2020年翻一番多")
