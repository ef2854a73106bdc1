"""A published figure prints at the precision it was published with, not the baseline's.

The walk found 220.0万人次以上 and 约4716.0 where the sources said 220 and 约4716: the decimals came from
the indicator's baseline (seed: I03 55.0, I01 4169.4 → one decimal). A figure as stated keeps its own
(its ``original_value``); a computed one (a required rate, a projection) keeps the indicator's.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.monitoring.models import Observation

pytestmark = pytest.mark.django_db


def _publish(seeded, code: str, year: int, value: float, stated: str, qualifier: str) -> None:
    ind = seeded["indicators"][code]
    Observation.objects.create(
        indicator=ind, region=seeded["regions"]["赣州市"], unit=seeded["unit"], year=year, value=value,
        original_value=stated, qualifier=qualifier, status=Observation.Status.PUBLISHED, vintage=1,
        source="赣州市统计公报", measure_unit=ind.unit,
    )


def test_latest_figure_prints_as_published_on_the_portal_and_the_indicator_page(client, seeded):
    """I03 2024 published as 62以上 (baseline 55.0): the portal's table says 62以上(2024年), the indicator
    page 62%以上 — never 62.0."""
    _publish(seeded, "I03", 2024, 62.0, "62", "以上")
    home = client.get(reverse("portal-home")).content.decode()
    assert "62以上(2024年)" in home and "62.0以上" not in home
    page = client.get(reverse("portal-indicator", args=["I03"])).content.decode()
    assert "62%以上(2024年)" in page and "62.0%" not in page  # (the chart's data are numbers, not text)


def test_an_estimate_keeps_its_published_precision_in_the_dashboard_table(client, seeded, signed_in):
    """I01 2025 estimate 约4716 (baseline 4169.4): 约4716亿元 on the indicator page, 约4716 in the
    whole table; a figure published with one decimal (2023: 4606.2) still prints 4606.2."""
    _publish(seeded, "I01", 2025, 4716.0, "4716", "约")
    client.force_login(signed_in)
    page = client.get(reverse("dashboard-indicator", args=["I01"])).content.decode()
    assert "约4716亿元(2025年)" in page and "4716.0亿元" not in page
    assert "4606.2" in page
    table = client.get(reverse("dashboard")).content.decode()
    assert "约4716(2025)" in table and "4716.0" not in table
