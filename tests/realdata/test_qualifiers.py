"""Qualifiers (以上, 左右, 约 …) are read next to the number and kept with it, never dropped."""

from __future__ import annotations

import pytest

from planwatch.documents.qualifiers import Bound, QualifiedValue, bound_of, parse_qualified, qualifier_near

# Quotes as published (ganzhou_observations.csv, 2024 赣州市政府工作报告 infographic).
INDUSTRY = "规模以上工业增加值增长10%以上"
GDP_2023 = "全年GDP 增长5.3%左右"
INCOMES = "城镇和农村居民人均可支配收入 分别增长4.5%、8.5%左右"


def test_the_yishang_of_a_name_is_not_a_qualifier_but_the_one_after_the_number_is():
    assert qualifier_near(INDUSTRY, 10) == "以上"
    assert qualifier_near("规模以上工业增加值比上年增长11.3%。", 11.3) == ""


def test_zuoyou_after_a_rate_is_kept():
    assert qualifier_near(GDP_2023, 5.3) == "左右"


def test_a_trailing_qualifier_covers_every_number_of_an_enumeration():
    assert qualifier_near(INCOMES, 4.5) == "左右"
    assert qualifier_near(INCOMES, 8.5) == "左右"


def test_prefix_qualifiers_are_read_before_the_number():
    assert qualifier_near("全市常住人口约898万人", 898) == "约"
    assert qualifier_near("旅客吞吐量超过 220万人次", 220) == "超过"
    assert qualifier_near("接待游客近1亿人次", 1) == "近"


def test_a_plain_figure_has_no_qualifier():
    assert qualifier_near("赣州市2024年GDP总量为4940.47亿元,仅次于南昌市排名第二。", 4940.47) == ""
    assert qualifier_near("迎来年度第220万名旅客", 220) == ""


def test_a_number_inside_a_longer_number_is_not_matched():
    assert qualifier_near("2023年增长3%以上", 23) == ""


def test_parse_qualified_cells():
    assert parse_qualified("10%以上") == QualifiedValue(10.0, "以上", "10%以上")
    assert parse_qualified("约4716") == QualifiedValue(4716.0, "约", "约4716")
    assert parse_qualified("52左右").qualifier == "左右"
    assert parse_qualified("1,033.1").value == 1033.1
    assert parse_qualified("200多万人").qualifier == "多"
    with pytest.raises(ValueError, match="^「稳中有升」中没有数值$"):
        parse_qualified("稳中有升")


def test_bounds_say_which_side_the_true_value_lies():
    assert bound_of("以上") is Bound.AT_LEAST
    assert bound_of("超过") is Bound.AT_LEAST
    assert bound_of("左右") is Bound.APPROXIMATE
    assert bound_of("约") is Bound.APPROXIMATE
    assert bound_of("近") is Bound.AT_MOST
    assert bound_of("") is Bound.EXACT
    with pytest.raises(ValueError, match="未知限定词「大概」"):
        bound_of("大概")


def test_display_puts_the_qualifier_where_chinese_puts_it():
    assert QualifiedValue(10, "以上").display("%") == "10%以上"
    assert QualifiedValue(4716, "约").display("亿元") == "约4716亿元"
    assert QualifiedValue(5.3, "左右").display("%") == "5.3%左右"


@pytest.mark.django_db
def test_qualified_figures_read_as_chinese_puts_them_on_every_page(real_data, anonymous_client, client_for, cast):
    """机场旅客吞吐量 2025 is "220万人次以上" (a lower bound) and GDP 2023 revised is "约4716亿元": the
    suffix after the number and unit, the prefix before, in the value table, the latest-value card,
    the portal's list and the dashboard's new figures."""
    portal = anonymous_client.get("/portal/indicators/I25/").content.decode()
    assert '<td class="num">220以上</td>' in portal  # at its published precision, not 220.0
    assert "220万人次以上(2025年)" in portal
    assert "以上220" not in portal
    assert "评价依据2025年「以上」限定数" in portal  # the grade rests on a bound, and says so
    assert '<td class="num">约4716</td>' in anonymous_client.get("/portal/indicators/I01/").content.decode()
    assert "220以上(2025年)" in anonymous_client.get("/portal/").content.decode()
    dashboard = client_for(cast.planner).get("/dashboard/").content.decode()
    assert "220万人次以上" in dashboard.split('id="changes-title"')[1]
