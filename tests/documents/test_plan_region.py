"""A plan is about its own region: found from its title or issuing body among all of China's divisions;
its tasks are tagged with that region's county-level units; a region's own list (planwatch/data/regions)
is an overlay applied when the plan is about that region, found from the data."""

from __future__ import annotations

from planwatch.documents.divisions import china
from planwatch.documents.gazetteer import gazetteer_for
from planwatch.documents.plan_reader import read_plan_text

TARGETS = "\n\n主要预期目标是:地区生产总值增长6%左右。\n"


def test_the_gazetteer_of_a_city_is_its_county_level_units():
    xianyang = china().region_of("咸阳市2023年国民经济和社会发展计划")
    names = {r.name for r in gazetteer_for(xianyang.code).regions}
    assert {"秦都区", "杨陵区", "渭城区", "三原县", "泾阳县", "乾县", "兴平市", "彬州市"} <= names
    assert len(names) == 14
    assert gazetteer_for(xianyang.code).find("在三原、泾阳两县和兴平市建设") == ("三原县", "泾阳县", "兴平市")


def test_the_region_overlay_is_applied_when_the_plan_is_about_its_region():
    """ganzhou.csv holds 赣州市's code: its functional zones and OCR slips come with it, for 赣州 only."""
    ganzhou = gazetteer_for("360700")
    assert "赣州经开区" in {alias for r in ganzhou.regions for alias in r.aliases}
    assert ganzhou.find("寻鸟抽水蓄能电站") == ("寻乌县",)
    assert gazetteer_for("610400").find("寻鸟抽水蓄能电站") == ()


def test_region_from_the_issuing_body_when_the_title_names_none():
    text = (
        "关于印发《2024年国民经济和社会发展计划》的通知\n\n宁县人民政府\n\n一、重点任务\n\n(一)产业\n\n发展果业。在早胜镇建设苹果基地。"
        + TARGETS
    )
    plan = read_plan_text(text, source_name="ningxian.txt")
    assert (plan.title, plan.region, plan.target_year) == ("2024年国民经济和社会发展计划", "宁县", 2024)


def test_tasks_name_only_the_plans_own_counties_not_namesakes_elsewhere():
    """朝阳 is a district of Beijing and a city of Liaoning; a 长春市 plan names its own 朝阳区."""
    text = (
        "长春市2024年国民经济和社会发展计划\n\n一、重点任务\n\n(一)城市更新\n\n"
        "推进老城改造。在朝阳区、南关区和德惠市实施改造。" + TARGETS
    )
    plan = read_plan_text(text, source_name="changchun.txt")
    task = plan.chapters[0].sections[0].tasks[0]
    assert task.places == ("朝阳区", "南关区", "德惠市")
    codes = {r.name: r.code for r in gazetteer_for(china().region_of("长春市").code).regions}
    assert codes["朝阳区"] == "220104"


def test_the_most_specific_division_of_the_title_is_the_region():
    text = "北京市朝阳区国民经济和社会发展第十四个五年规划纲要" + TARGETS
    assert read_plan_text(text, source_name="chaoyang.txt").region == "朝阳区"
    text = "江西省赣州市于都县2024年国民经济和社会发展计划" + TARGETS
    assert read_plan_text(text, source_name="yudu.txt").region == "于都县"
