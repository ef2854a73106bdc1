"""The downloaded template lists the unit's own assignments only, with drop-downs from its lists."""

from __future__ import annotations

from tests.web.collection.conftest import TEMPLATE


def test_county_template_has_only_the_countys_assignment(cast, assignments, template_of, client_for):
    book = template_of(cast.zhanggong)
    sheet = book["填报"]
    assert [[c.value for c in row[:5]] for row in sheet.iter_rows(min_row=2, max_row=2)] == [
        ["地区生产总值", "章贡区", "2024", None, "亿元"]]
    assert sheet["A3"].value is None
    assert [c.value for c in book["列表"]["B"][1:] if c.value] == ["章贡区"]
    assert sheet.protection.sheet and {str(dv.sqref).split(":")[0] for dv in sheet.data_validations.dataValidation} == {
        "A2", "B2", "C2", "D2", "E2", "H2"}
    response = client_for(cast.zhanggong).get(TEMPLATE)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment; filename*=UTF-8''" in response["Content-Disposition"]


def test_statistics_bureau_template_lists_its_four_indicators_for_the_city(cast, assignments, template_of):
    sheet = template_of(cast.stats_reporter)["填报"]
    assert [(r[0].value, r[1].value, r[2].value, r[4].value) for r in sheet.iter_rows(min_row=2, max_row=5)] == [
        ("地区生产总值", "赣州市", "2024", "亿元"), ("人均地区生产总值", "赣州市", "2024", "元"),
        ("常住人口", "赣州市", "2024", "万人"), ("常住人口城镇化率", "赣州市", "2024", "%")]
