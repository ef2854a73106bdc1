"""Uploads end to end: drafts on success; on any error nothing stored and every problem listed."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.collection.helpers import CSV_BAD, XLSX_BAD, xlsx_files
from tests.web.collection.conftest import page_text, saved, stored_rows


def test_template_round_trip_creates_drafts_with_the_values_typed(cast, assignments, template_of, upload):
    """The 统计局 fills its four city figures: GDP 4524 亿元 typed as 45,240,000 万元, 人均GDP 50434,
    常住人口 897.0 万人, 城镇化率 57.6 % — 4524e8 ÷ 897.0e4 = 50434.78, so the ratio rule is quiet."""
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    for row, value in ((2, 45240000), (3, 50434), (4, 897.0), (5, 57.6)):
        sheet[f"D{row}"] = value
        sheet[f"F{row}"] = "2024年赣州市国民经济和社会发展统计公报"
    sheet["E2"] = "万元"
    response = upload(cast.stats_reporter, "赣州市.xlsx", saved(book))
    assert response.status_code == 200, page_text(response)
    assert "已导入 4 条草稿" in page_text(response)
    drafts = Observation.objects.filter(unit__name="市统计局").order_by("indicator__order")
    assert [(o.indicator.code, o.region.name, o.period, o.value, o.measure_unit, o.status) for o in drafts] == [
        ("I01", "赣州市", "2024", 4524.0, "亿元", "draft"), ("I02", "赣州市", "2024", 50434.0, "元", "draft"),
        ("I03", "赣州市", "2024", 897.0, "万人", "draft"), ("I04", "赣州市", "2024", 57.6, "%", "draft")]
    assert (drafts[0].original_value, drafts[0].original_unit) == ("45240000", "万元")
    assert {o.created_by for o in drafts} == {cast.stats_reporter}


def test_an_upload_with_one_bad_row_imports_nothing_and_lists_every_error(cast, assignments, template_of, upload):
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    for row, value in ((2, 4524), (4, 897.0), (5, 57.6)):
        sheet[f"D{row}"] = value
    sheet["D3"], sheet["E3"] = "5,04,34", "公斤"  # one row, two faults
    before = stored_rows()
    response = upload(cast.stats_reporter, "赣州市.xlsx", saved(book))
    assert response.status_code == 422
    text = page_text(response)
    assert "发现 2 处错误,整个文件未导入任何数据" in text
    assert "数值「5,04,34」不是有效数字" in text
    assert "单位「公斤」无法换算为「人均地区生产总值」的单位「元」" in text
    assert '<td>3</td><td>D</td>' in text and '<td>3</td><td>E</td>' in text
    assert stored_rows() == before


HOSTILE = {
    "merged-header.xlsx": "表头 A1:B1 是合并单元格,请取消合并后逐格填写",
    "not-really-xlsx.xlsx": "文件「not-really-xlsx.xlsx」不是有效的 Excel(.xlsx)文件",
    "formulas.xlsx": "单元格是公式「=1000+190.5」",
    "renamed-column.xlsx": "表头应为「数值」,实为「金额」",
    "extra-sheet.xlsx": "多出工作表「Sheet1」",
    "empty.xlsx": "文件「empty.xlsx」是空的",
    "old-excel.xlsx": "是旧版 Excel(.xls)",
}


@pytest.mark.parametrize(("name", "message"), HOSTILE.items())
def test_each_hostile_workbook_is_refused_and_nothing_stored(cast, assignments, upload, name, message):
    before = stored_rows()
    response = upload(cast.zhanggong, name, (XLSX_BAD / name).read_bytes())
    assert response.status_code == 422
    assert message in page_text(response)
    assert stored_rows() == before


def test_a_file_over_the_size_limit_is_refused_and_nothing_stored(cast, assignments, upload, tmp_path):
    before = stored_rows()
    response = upload(cast.zhanggong, "oversized.xlsx", xlsx_files.oversized(tmp_path).read_bytes())
    assert response.status_code == 413  # refused while receiving (planwatch/web/core/uploads.py)
    assert "文件「oversized.xlsx」超过上限 5.0 MB,已停止接收,未导入任何数据" in page_text(response)
    assert "<h1>导入结果 · oversized.xlsx</h1>" in page_text(response)  # it read 「导入结果 · 」, no name
    assert stored_rows() == before


def test_an_oversized_file_is_refused_in_the_readers_language(cast, assignments, client_for, tmp_path):
    client = client_for(cast.zhanggong)
    client.cookies["django_language"] = "en"
    data = xlsx_files.oversized(tmp_path).read_bytes()
    response = client.post("/collection/upload/", {"file": SimpleUploadedFile("oversized.xlsx", data)})
    assert response.status_code == 413
    text = html.unescape(page_text(response))
    assert "File “oversized.xlsx” is over the limit of 5.0 MB: receiving stopped, nothing was imported" in text


def test_a_zip_bomb_is_refused_and_nothing_stored(cast, assignments, upload, tmp_path):
    before = stored_rows()
    response = upload(cast.zhanggong, "zip-bomb.xlsx", xlsx_files.zip_bomb(tmp_path).read_bytes())
    assert response.status_code == 422
    assert "文件「zip-bomb.xlsx」解压后异常巨大,疑似压缩炸弹,已拒收(解压后 60.0 MB,上限 50.0 MB)" in page_text(response)
    assert stored_rows() == before


@pytest.mark.parametrize(("name", "message"), [
    ("one-bad-row.csv", "<td>4</td><td>D</td><td>数值「12,3」不是有效数字</td>"), ("missing-column.csv", "缺少列「数值」"), ("utf16.csv", "编码无法识别"),
    ("excel-renamed.csv", "是 Excel 文件而不是 CSV"), ("header-only.csv", "只有表头,没有数据行"),
])
def test_each_bad_csv_is_refused_and_nothing_stored(cast, assignments, upload, name, message):
    before = stored_rows()
    response = upload(cast.zhanggong, name, (CSV_BAD / name).read_bytes())
    assert response.status_code == 422 and message in page_text(response)
    assert stored_rows() == before


def test_a_gb18030_csv_from_chinese_excel_is_imported(cast, assignments, upload):
    text = "指标,地区,年份,数值,单位,来源\n地区生产总值,于都县,2024,560.3,亿元,于都县统计公报\n"
    response = upload(cast.yudu, "于都.csv", text.encode("gb18030"))
    assert response.status_code == 200, page_text(response)
    obs = Observation.objects.get(region__name="于都县")
    assert (obs.value, obs.source, obs.unit.name) == (560.3, "于都县统计公报", "于都县人民政府")


def test_a_county_reporter_cannot_import_another_countys_figures(cast, assignments, upload):
    text = "指标,地区,年份,数值\n地区生产总值,于都县,2024,560.3\n地区生产总值,瑞金市,2024,600\n"
    before = stored_rows()
    response = upload(cast.yudu, "于都.csv", text.encode())
    assert response.status_code == 422
    assert "本单位没有填报「地区生产总值」瑞金市数据的任务" in page_text(response)
    assert stored_rows() == before


def test_dry_run_checks_everything_and_stores_nothing(cast, assignments, upload):
    before = stored_rows()
    response = upload(cast.yudu, "于都.csv", "指标,地区,年份,数值\nI01,于都县,2024,560.3\n".encode(), dry_run="on")
    assert response.status_code == 200
    assert "检查通过:1 行可以导入(本次只检查,未导入)" in page_text(response)
    assert stored_rows() == before


def test_a_submitted_figure_cannot_be_overwritten_by_an_upload(cast, assignments, upload, small_plan):
    """create_drafts refuses; its reason comes back with the row and column of the file."""
    draft = services.create_draft(user=cast.yudu, reason="网页填报", indicator=small_plan.indicators.get(code="I01"),
                                  region=assignments["于都县"].regions.get(), year=2024, value=560.3)
    services.submit_observation(draft, user=cast.yudu)
    before = stored_rows()
    response = upload(cast.yudu, "于都.csv", "指标,地区,年份,数值\nI01,于都县,2024,561\n".encode())
    assert response.status_code == 422
    assert "<td>2</td><td>C</td><td>「地区生产总值」「于都县」2024 已提交审核,不能覆盖</td>" in page_text(response)
    assert stored_rows() == before


def test_warnings_do_not_block_the_import_but_are_listed(cast, assignments, upload, small_plan, reference_data):
    """Approved 2023: 500; uploaded 2024: 700 → 700 ÷ 500 − 1 = +40% > 30%."""
    Observation.objects.create(indicator=small_plan.indicators.get(code="I01"), region=reference_data.regions["于都县"],
                               unit=reference_data.units["于都县人民政府"], year=2023, value=500, status="approved")
    response = upload(cast.yudu, "于都.csv", "指标,地区,年份,数值\nI01,于都县,2024,700\n".encode())
    assert response.status_code == 200
    text = page_text(response)
    assert "已导入 1 条草稿" in text
    assert "「地区生产总值」于都县2024年数值 700 较上年同期 500 变动 +40%,超过 30%,请在备注(预警说明)中说明原因" in text


def test_an_upload_over_a_published_figure_is_a_revision_and_the_result_page_says_so(
    cast, assignments, upload, small_plan
):
    """于都县 GDP 2024 560.3 is published (vintage 1); the unit uploads 561: a new draft of vintage 2 that
    supersedes it, and the result page names it a revision, so the clerk knows a public figure will change."""
    draft = services.create_draft(user=cast.yudu, reason="网页填报", indicator=small_plan.indicators.get(code="I01"),
                                  region=assignments["于都县"].regions.get(), year=2024, value=560.3)
    draft = services.submit_observation(draft, user=cast.yudu)
    draft = services.publish_observation(services.approve_observation(draft, user=cast.reviewer), user=cast.reviewer)
    response = upload(cast.yudu, "于都.csv", "指标,地区,年份,数值,单位,来源\nI01,于都县,2024,561,亿元,统计公报\n".encode())
    assert response.status_code == 200, page_text(response)
    revision = Observation.objects.get(supersedes=draft)
    assert (revision.value, revision.vintage, revision.status) == (561.0, 2, "draft")
    assert "修订(第 2 版,原值已发布)" in page_text(response)


def test_an_upload_correcting_a_returned_figure_says_it_stays_returned_until_submitted(
    cast, assignments, upload, small_plan
):
    """于都县 GDP 2024 560.3 is submitted and returned; the unit uploads 561: the row is corrected in place
    (still 已退回, the state the reviewer left it in), and the result page says so rather than calling it
    a new draft."""
    draft = services.create_draft(user=cast.yudu, reason="网页填报", indicator=small_plan.indicators.get(code="I01"),
                                  region=assignments["于都县"].regions.get(), year=2024, value=560.3)
    draft = services.submit_observation(draft, user=cast.yudu)
    services.return_observation(draft, user=cast.reviewer, comment="请核对")
    response = upload(cast.yudu, "于都.csv", "指标,地区,年份,数值,单位,来源\nI01,于都县,2024,561,亿元,统计公报\n".encode())
    assert response.status_code == 200, page_text(response)
    draft.refresh_from_db()
    assert (draft.value, draft.status) == (561.0, "returned")
    text = page_text(response)
    assert "其中 1 条是对退回数据的更正,状态仍为「已退回」" in text and "已退回" in text.split("已创建的草稿")[1]


def test_a_changed_locked_cell_is_explained_in_the_readers_language(cast, assignments, template_of, client_for):
    """The 统计局's template row 3 is 人均地区生产总值 · 赣州市 · 2024 with its 年份 cell locked; a file that
    says 2023 there is refused — in English on an English page (it read 「此格已锁定…」 there)."""
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    sheet["C3"], sheet["D3"] = "2023", 52580
    client = client_for(cast.stats_reporter)
    client.cookies["django_language"] = "en"
    before = stored_rows()
    response = client.post("/collection/upload/", {"file": SimpleUploadedFile("赣州市.xlsx", saved(book))})
    assert response.status_code == 422
    assert ("This cell is locked: the template has “2024”, the file has “2023”. Do not change the locked "
            "columns (or download your unit's template again)") in html.unescape(page_text(response))
    assert stored_rows() == before


def test_the_same_file_twice_writes_nothing_the_second_time_and_says_so(cast, assignments, upload):
    """于都县 uploads its 2024 GDP, then the same file again: the draft stays at its version with one audit
    entry (its creation), and the page says the row was the same — it read 「已导入 1 条草稿」 and made v+1."""
    text = "指标,地区,年份,数值,单位,来源,备注\n地区生产总值,于都县,2024,560.3,亿元,于都县统计公报,快报数\n".encode()
    assert upload(cast.yudu, "于都.csv", text).status_code == 200
    draft = Observation.objects.get()
    version, before = draft.lock_version, stored_rows()
    again = upload(cast.yudu, "于都.csv", text)
    assert again.status_code == 200
    assert "1 行与已保存的数据相同,未重新写入。" in page_text(again)
    assert "已导入" not in page_text(again)
    draft.refresh_from_db()
    assert draft.lock_version == version and draft.history.count() == 1
    assert stored_rows() == before
    changed = upload(cast.yudu, "于都.csv", text.replace(b"560.3", b"561.0"))
    assert "已导入 1 条草稿" in page_text(changed)
    draft.refresh_from_db()
    assert (draft.value, draft.lock_version) == (561.0, version + 1)
