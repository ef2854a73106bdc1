"""Place names: the shipped Ganzhou region list and matching it in plan text."""

from __future__ import annotations

import csv
import io

import pytest

from planwatch.documents.gazetteer import GANZHOU_REGIONS, load_gazetteer, read_regions

# GB/T 2260 codes of 赣州市 and its 18 county-level units (民政部 行政区划代码).
CODES = """\
code,name,kind
360700,赣州市,city
360702,章贡区,district
360703,南康区,district
360704,赣县区,district
360722,信丰县,county
360723,大余县,county
360724,上犹县,county
360725,崇义县,county
360726,安远县,county
360728,定南县,county
360729,全南县,county
360730,宁都县,county
360731,于都县,county
360732,兴国县,county
360733,会昌县,county
360734,寻乌县,county
360735,石城县,county
360781,瑞金市,county_city
360783,龙南市,county_city
"""

HEADER = "key,code,name,short_names,kind,parent_code,former_names,former_codes,ocr_slips,not_in,note"


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_region_csv_has_the_documented_header():
    assert GANZHOU_REGIONS.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_region_csv_lists_the_city_and_its_18_units_with_their_codes():
    expected = list(csv.DictReader(io.StringIO(CODES)))
    coded = [
        {"code": r.code, "name": r.name, "kind": r.kind} for r in read_regions(GANZHOU_REGIONS) if r.code
    ]
    assert coded == expected
    assert len(coded) == 19


def test_region_csv_lists_the_functional_zones_without_codes():
    zones = [(r.name, r.code, r.parent_code) for r in read_regions(GANZHOU_REGIONS) if r.kind == "zone"]
    assert zones == [
        ("赣州经济技术开发区", "", "360700"),
        ("蓉江新区", "", "360700"),
        ("赣州高新技术产业开发区", "", "360700"),
    ]


def test_region_keys_are_unique_and_counties_belong_to_the_city():
    regions = read_regions(GANZHOU_REGIONS)
    assert len({r.key for r in regions}) == len(regions)
    assert {r.parent_code for r in regions if r.kind != "city"} == {"360700"}


def test_longnan_keeps_its_former_county_code():
    """龙南县 360727 became 龙南市 360783 in 2020; text still says 龙南县 sometimes."""
    longnan = load_gazetteer().region("龙南市")
    assert (longnan.former_names, longnan.former_codes) == (("龙南县",), ("360727",))


@pytest.mark.parametrize(
    "text,places",
    [
        ("加快于都纺织服装产业园建设", ("于都县",)),
        ("加快章贡南方区域性医疗器械生产基地", ("章贡区",)),
        ("赣县钨和稀土新材料高新技术产业化基地", ("赣县区",)),
        ("赣州钨与稀土火炬新材料特色产业基地", ("赣州市",)),
        ("赣县、赣州", ("赣县区", "赣州市")),
        ("做强“南康家具”区域品牌", ("南康区",)),
        ("兴国至桂东等高速公路", ("兴国县",)),
        ("支持龙南县创建", ("龙南市",)),
        ("瑞金、于都、瑞金", ("瑞金市", "于都县")),
        ("依托赣州高新技术产业开发区建设", ("赣州高新技术产业开发区",)),
        ("赣州经开区新能源汽车", ("赣州经济技术开发区",)),
    ],
)
def test_short_and_full_names_map_to_canonical_names_in_order(gazetteer, text, places):
    assert gazetteer.find(text) == places


@pytest.mark.parametrize(
    "text,places",
    [
        ("支持薪州市人民医院成为器官移植医院", ("赣州市",)),
        ("静州经济技术开发区、蓉江新区", ("赣州经济技术开发区", "蓉江新区")),
        ("积极推动赣县、寻鸟抽水蓄能电站前期工作", ("赣县区", "寻乌县")),
        ("会晶中成药产业园", ("会昌县",)),
    ],
)
def test_ocr_slips_are_read_as_the_place_they_misspell(gazetteer, text, places):
    assert gazetteer.find(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "在全国全省率先",
        "乡村振兴国家战略",
        "民族复兴国之大者",
        "扩大余热利用范围",
        "健全南北协作机制",
        "属于都市圈范围",
        "湖南康复医院",
    ],
)
def test_words_that_only_contain_a_short_name_are_not_places(gazetteer, text):
    assert gazetteer.find(text) == ()


def test_leading_name_of_a_title_is_returned_as_printed(gazetteer):
    assert gazetteer.leading_name("赣州革命老区高质量发展示范区建设规划") == "赣州"
    assert gazetteer.leading_name("青溪县国民经济和社会发展规划") is None
