"""Regions and units load from the shipped plain files, with their GB/T 2260 codes."""

from __future__ import annotations

import pytest

from planwatch.web.places.models import Region, Unit
from planwatch.web.places.reference import GANZHOU, REGIONS_CSV, load_reference_data, region_rows

CODES = """赣州市 360700, 章贡区 360702, 南康区 360703, 赣县区 360704, 信丰县 360722, 大余县 360723,
上犹县 360724, 崇义县 360725, 安远县 360726, 定南县 360728, 全南县 360729, 宁都县 360730, 于都县 360731,
兴国县 360732, 会昌县 360733, 寻乌县 360734, 石城县 360735, 瑞金市 360781, 龙南市 360783"""


@pytest.mark.django_db
def test_city_eighteen_counties_and_zones_load_with_their_codes():
    load_reference_data()
    expected = dict(pair.split() for pair in CODES.replace("\n", " ").split(", "))
    coded = dict(Region.objects.exclude(code="").values_list("name", "code"))
    assert coded == expected
    assert Region.objects.filter(kind="county").count() == 18
    zones = set(Region.objects.filter(kind="zone", code="").values_list("name", flat=True))
    assert {"赣州经济技术开发区", "蓉江新区"} <= zones
    assert Region.objects.get(name="于都县").parent.name == "赣州市"


@pytest.mark.django_db
def test_units_cover_departments_and_every_county_government():
    load_reference_data()
    assert Unit.objects.get(name="市统计局").region.name == "赣州市"
    governments = Unit.objects.filter(kind="county_government", region__kind="county")
    assert governments.count() == 18
    assert Unit.objects.get(name="赣州经开区管委会").region.short_name == "赣州经开区"


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first = load_reference_data()
    ids = sorted(Region.objects.values_list("pk", flat=True))
    assert load_reference_data() == first
    assert sorted(Region.objects.values_list("pk", flat=True)) == ids


def test_builtin_fallback_agrees_with_the_gazetteer():
    if not REGIONS_CSV.exists():
        pytest.fail(f"{REGIONS_CSV} missing")
    gazetteer = {(r["name"], r["code"], r["kind"]) for r in region_rows()}
    fallback = {(name, code, kind) for _, name, code, _, kind in GANZHOU}
    assert fallback <= gazetteer
