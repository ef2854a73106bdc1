"""A county clerk's 待办 says how many of its figures are past due, with the way to 数据填报.

Seen on the demo: 于都县's 待办 listed nine work items and nothing about its three figures due 2026-04-30,
already late; only the 逾期 menu knew.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from planwatch.web.monitoring import services
from tests.web.conftest import indicator

pytestmark = pytest.mark.django_db


def test_the_clerk_home_counts_figures_past_due_until_they_are_submitted(
    assignments, small_plan, cast, reference_data, client_for
):
    """于都县 owes 地区生产总值 2024 for 于都县, due 2025-03-31 (past): one figure. A draft is still owed;
    once submitted nothing is."""
    assert assignments["于都县"].due_date < timezone.localdate()
    client = client_for(cast.yudu)
    page = client.get("/work/").content.decode()
    assert (
        'id="figures-overdue"' in page and "逾期未报数据 1 项" in page and 'href="/monitoring/entry/"' in page
    )
    draft = services.create_draft(
        user=cast.yudu,
        reason="填报",
        indicator=indicator(small_plan, "I01"),
        region=reference_data.regions["于都县"],
        year=2024,
        value=250.0,
        source="于都县统计公报",
    )
    assert "逾期未报数据 1 项" in client.get("/work/").content.decode()
    services.submit_observation(draft, user=cast.yudu)
    assert 'id="figures-overdue"' not in client.get("/work/").content.decode()


def test_other_units_figures_are_not_counted(assignments, cast, client_for):
    """瑞金市's own one figure is counted on its home; 于都县's is not added to it."""
    assert dt.date(2025, 3, 31) < timezone.localdate()
    assert "逾期未报数据 1 项" in client_for(cast.ruijin).get("/work/").content.decode()
