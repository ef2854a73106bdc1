"""Which region a document is about, for any of China's divisions (planwatch.documents.divisions)."""

from __future__ import annotations

import pytest

from planwatch.documents.divisions import china


@pytest.mark.parametrize(
    ("title", "code", "name"),
    [
        ("咸阳市2023年国民经济和社会发展计划", "610400", "咸阳市"),
        ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", "100000", "中华人民共和国"),
        ("赣州革命老区高质量发展示范区建设规划", "360700", "赣州市"),
        ("江西省赣州市于都县2023年国民经济和社会发展统计公报", "360731", "于都县"),
        ("江西省人民政府关于印发赣州革命老区高质量发展示范区建设规划的通知", "360700", "赣州市"),
        ("北京市朝阳区2022年国民经济和社会发展统计公报", "110105", "朝阳区"),
        ("朝阳市统计局", "211300", "朝阳市"),
        ("延边州2023年政府工作报告", "222400", "延边朝鲜族自治州"),
        ("新疆维吾尔自治区“十四五”规划", "650000", "新疆维吾尔自治区"),
    ],
)
def test_region_of_a_title_is_the_most_specific_division_its_words_bear_out(title, code, name):
    region = china().region_of(title)
    assert (region.code, region.name) == (code, name)


def test_a_title_naming_no_place_has_no_region():
    assert china().region_of("关于做好2024年重点工作的通知") is None


def test_short_names_drop_suffixes_and_nationalities_but_never_leave_one_character():
    by_code = china().by_code
    assert [by_code[c].short_name for c in ("360000", "360700", "360731", "222400", "450000", "340523")] == [
        "江西", "赣州", "于都", "延边", "广西", "和县",
    ]


def test_a_city_lists_its_county_level_units_with_current_names():
    parts = china().parts_of("360700")
    assert len(parts) == 18
    assert "龙南市" in [d.name for d in parts]  # 2020: 龙南县 became 龙南市 (360783)
    assert all(d.level == "county" for d in parts)


def test_mentions_within_a_region_ignore_namesakes_elsewhere():
    divisions = china()
    everywhere = divisions.mentions("鼓楼区")
    inside = divisions.mentions("鼓楼区", within="320000")  # 江苏省: only 南京市鼓楼区 and 徐州市鼓楼区
    assert len(everywhere[0].candidates) > len(inside[0].candidates) == 2
    assert {d.code[:4] for d in inside[0].candidates} == {"3201", "3203"}


def test_municipality_districts_hang_from_the_province():
    divisions = china()
    dongcheng = divisions.by_code["110101"]
    assert [a.name for a in divisions.ancestors(dongcheng)] == ["北京市", "中华人民共和国"]
