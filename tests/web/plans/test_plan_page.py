"""The plan page at ``/``: the indicator table as the plan states it, the target in force, the chapters."""

from __future__ import annotations

import re

import pytest

from planwatch.web.monitoring.targets import approve_target_adjustment, propose_target_adjustment

pytestmark = pytest.mark.django_db


@pytest.fixture
def ganzhou(reference_data):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    return load_plan(read_plan(GANZHOU_PLAN), reason="测试").plan


def _target_cell(html: str, code: str) -> str:
    row = re.search(rf'<tr data-code="{code}">(.*?)</tr>', html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[3]).strip()


def test_every_indicator_is_listed_with_the_target_as_written(client, ganzhou):
    html = client.get("/").content.decode()
    assert re.findall(r'<tr data-code="(I\d+)">', html) == [f"I{n:02d}" for n in range(1, 37)]
    assert _target_cell(html, "I01") == "5500"
    assert _target_cell(html, "I03") == "年均7.5左右"
    assert _target_cell(html, "I16") == "按省下达"  # the cell is empty under 约束性指标具体数值按省下达任务执行
    assert html.count('class="chapter"') == 9


def test_a_pending_adjustment_is_not_shown_as_the_target_until_approved(client, ganzhou, cast):
    """The page shows the approved version in force: a proposal waits, an approval replaces it."""
    indicator = ganzhou.indicators.get(code="I01")
    proposal = propose_target_adjustment(indicator, user=cast.planner, reason="中期调整", value=5600.0, text="5600")
    assert _target_cell(client.get("/").content.decode(), "I01") == "5500"
    approve_target_adjustment(proposal, user=cast.admin, comment="同意")
    assert _target_cell(client.get("/").content.decode(), "I01") == "5600"
