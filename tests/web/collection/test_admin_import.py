"""An administrator (no unit of their own) imports for a unit they choose; a reporter never for another unit."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import AuditEntry
from tests.web.collection.conftest import TEMPLATE, UPLOAD, page_text, stored_rows

YUDU = "指标,地区,年份,数值,单位,来源\n地区生产总值,于都县,2024,560.3,亿元,于都县统计公报\n"


def _post(client, text: str, **fields):
    return client.post(UPLOAD, {"file": SimpleUploadedFile("于都.csv", text.encode()), **fields})


def test_the_administrators_upload_page_asks_for_the_unit(cast, assignments, client_for):
    page = page_text(client_for(cast.admin).get(UPLOAD))
    assert 'name="unit"' in page and "于都县人民政府" in page and 'id="on-behalf"' in page
    assert 'name="unit"' not in page_text(client_for(cast.yudu).get(UPLOAD))


def test_an_administrators_import_is_the_chosen_units_draft_and_audited_with_that_unit(
        cast, assignments, reference_data, client_for):
    unit = reference_data.units["于都县人民政府"]
    response = _post(client_for(cast.admin), YUDU, unit=unit.pk)
    assert response.status_code == 200, page_text(response)
    assert "代为导入的单位:于都县人民政府" in page_text(response)
    obs = Observation.objects.get()
    assert (obs.unit, obs.created_by, obs.value, obs.status) == (unit, cast.admin, 560.3, "draft")
    entry = AuditEntry.objects.get(subject="observation", object_id=obs.pk)
    assert (entry.actor_name, entry.action, entry.unit, entry.reason) == (
        "admin", "create", unit, "系统管理员代于都县人民政府导入:于都.csv")


def test_the_unit_then_submits_the_draft_and_the_importing_administrator_cannot_approve_it(
        cast, assignments, reference_data, client_for):
    _post(client_for(cast.admin), YUDU, unit=reference_data.units["于都县人民政府"].pk, reason="代报")
    obs = services.submit_observation(Observation.objects.get(), user=cast.yudu)
    assert client_for(cast.admin).post(f"/monitoring/observations/{obs.pk}/approve/").status_code == 403
    assert services.approve_observation(obs, user=cast.reviewer).status == "approved"


def test_an_administrator_must_choose_a_unit_with_assignments(cast, assignments, reference_data, client_for):
    before = stored_rows()
    assert _post(client_for(cast.admin), YUDU).status_code == 422
    no_tasks = reference_data.units["石城县人民政府"]
    response = _post(client_for(cast.admin), YUDU, unit=no_tasks.pk)
    assert response.status_code == 422 and "选择一个有效的选项" in page_text(response)
    assert stored_rows() == before


def test_the_rows_must_still_be_the_chosen_units(cast, assignments, reference_data, client_for):
    """于都县's figures imported "for" 瑞金市人民政府 are refused row by row, as for its own reporter."""
    before = stored_rows()
    response = _post(client_for(cast.admin), YUDU, unit=reference_data.units["瑞金市人民政府"].pk)
    assert response.status_code == 422
    assert "本单位没有填报「地区生产总值」于都县数据的任务" in page_text(response)
    assert stored_rows() == before


def test_a_reporter_cannot_choose_another_unit(cast, assignments, reference_data, client_for):
    before = stored_rows()
    client = client_for(cast.yudu)
    assert _post(client, YUDU, unit=reference_data.units["瑞金市人民政府"].pk).status_code == 403
    assert _post(client, YUDU, unit="not-a-unit").status_code == 403
    assert client.get(TEMPLATE, {"unit": reference_data.units["瑞金市人民政府"].pk}).status_code == 403
    assert stored_rows() == before
    own = _post(client, YUDU, unit=reference_data.units["于都县人民政府"].pk)  # naming one's own unit is fine
    assert own.status_code == 200 and Observation.objects.get().unit.name == "于都县人民政府"


def test_an_administrator_downloads_the_chosen_units_template(cast, assignments, reference_data, client_for):
    client = client_for(cast.admin)
    response = client.get(TEMPLATE, {"unit": reference_data.units["于都县人民政府"].pk})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["填报"]
    assert [sheet["B2"].value, sheet["C2"].value, sheet["B3"].value] == ["于都县", "2024", None]
    assert "%E4%BA%8E%E9%83%BD%E5%8E%BF" in response["Content-Disposition"]  # 于都县 in the file name
    unchosen = client.get(TEMPLATE)  # no unit chosen: the upload page, saying to choose one
    assert unchosen.status_code == 422 and "请先选择要下载模板的填报单位" in page_text(unchosen)


def test_the_audit_lists_and_exports_an_administrators_import_under_the_unit(cast, assignments, reference_data,
                                                                             client_for):
    import csv

    yudu, ruijin = reference_data.units["于都县人民政府"], reference_data.units["瑞金市人民政府"]
    _post(client_for(cast.admin), YUDU, unit=yudu.pk)
    supervisor = client_for(cast.supervisor)
    rows = list(csv.DictReader(io.StringIO(
        supervisor.get("/monitoring/audit.csv", {"unit": yudu.pk}).content.decode("utf-8-sig"))))
    assert [(r["操作人"], r["操作"], r["单位"], r["理由"]) for r in rows] == [
        ("admin", "新建", "于都县人民政府", "系统管理员代于都县人民政府导入:于都.csv")]
    assert "系统管理员代于都县人民政府导入" not in page_text(supervisor.get("/monitoring/audit/", {"unit": ruijin.pk}))
    assert "系统管理员代于都县人民政府导入" in page_text(supervisor.get("/monitoring/audit/", {"unit": yudu.pk}))
