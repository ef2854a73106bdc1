"""The demo step: the shipped county bulletins, read by the reader, end as published figures naming the
bulletin, submitted by one person and accepted by another (four-eyes), each step with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.web.bulletins.demo import load_demo_bulletins
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry

GANZHOU_BULLETIN = Path(__file__).resolve().parents[2] / "data" / "bulletins" / "ganzhou_2023_pdf-lines.txt"


@pytest.fixture
def ganzhou_plan(db):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    return load_plan(read_plan(GANZHOU_PLAN), reason="测试:载入赣州规划").plan


def test_demo_loads_real_county_figures_as_published_with_their_bulletin(ganzhou_plan, cast):
    lines = load_demo_bulletins()
    assert lines == [
        "演示公报:《2021年赣州市宁都县国民经济和社会发展统计公报》载入已发布数据 5 项",
        "演示公报:《石城县2022年国民经济和社会发展统计公报》载入已发布数据 2 项",
    ]
    shicheng = Observation.objects.get(indicator__name="GDP", region__name="石城县", year=2022)
    # 1042331 万元 = 104.2331 亿元; the printed figure is kept beside it.
    assert (shicheng.value, shicheng.original_value, shicheng.original_unit, shicheng.status) == (
        pytest.approx(104.2331),
        "1042331",
        "万元",
        "published",
    )
    assert shicheng.source == "《石城县2022年国民经济和社会发展统计公报》"
    assert (shicheng.created_by.username, shicheng.published_by.username) == ("stats", "reviewer")
    # 12.33 万吨 = 123300 吨 = 2.466 亿斤 (1 亿斤 = 50000 吨).
    grain = Observation.objects.get(indicator__name="粮食综合生产能力", region__name="石城县")
    assert grain.value == pytest.approx(2.466)
    reasons = set(AuditEntry.objects.filter(object_id=shicheng.pk).values_list("reason", flat=True))
    assert {"演示:读取随程序发布的县级统计公报", "演示:核对公报原文后采用"} <= reasons
    assert load_demo_bulletins() == []  # a second run changes nothing


def test_a_bulletin_one_demo_reviewer_reads_in_another_demo_reviewer_accepts(ganzhou_plan, capsys):
    """The four-eyes check can be tried with the demo's own users: ``reviewer`` reads a bulletin in and
    ``reviewer2`` (市统计局 too) accepts it. With one demo reviewer only ``admin`` could."""
    from django.contrib.auth import get_user_model

    from planwatch.cli.monitoring import demo_step as users_step
    from planwatch.documents.bulletin_sources import read_bulletin_file
    from planwatch.web.bulletins import services

    users_step()
    printed = capsys.readouterr().out
    assert "reviewer(reviewer)" in printed and "reviewer2(reviewer)" in printed
    reviewer, second = (get_user_model().objects.get(username=name) for name in ("reviewer", "reviewer2"))
    assert reviewer.planwatch.unit.name == second.planwatch.unit.name == "市统计局"
    bulletin, _skipped = services.submit_bulletin(
        read_bulletin_file(GANZHOU_BULLETIN), user=reviewer, reason="读取赣州市公报", file_name=GANZHOU_BULLETIN.name
    )
    assert bulletin.proposals.exists()
    services.accept_confident(bulletin, user=second, reason="核对无误")
    assert set(bulletin.proposals.values_list("state", flat=True)) == {"accepted"}
