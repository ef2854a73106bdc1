"""In a real headless Chromium: a county reporter downloads the template, fills it, uploads it."""

from __future__ import annotations

import io

import openpyxl
import pytest

from planwatch.web.monitoring.models import Observation
from tests.web.collection.conftest import saved
from tests.web.conftest import PASSWORD


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reporter_downloads_fills_and_uploads_the_template(live_server, page, artifacts_dir, cast, assignments,
                                                           tmp_path):
    base = live_server.url
    page.goto(f"{base}/accounts/login/?next=/collection/upload/")
    page.fill("#id_username", "zhanggong")
    page.fill("#id_password", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(f"{base}/collection/upload/")

    with page.expect_download() as download:
        page.click("#template-link")
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert book["填报"]["B2"].value == "章贡区"

    # First a wrong figure: refused, nothing stored, the cell named.
    book["填报"]["D2"] = "1,1905"
    bad = tmp_path / "章贡区-错.xlsx"
    bad.write_bytes(saved(book))
    page.set_input_files("#id_file", str(bad))
    page.click("#upload-form button[type=submit]")
    assert "发现 1 处错误,整个文件未导入任何数据" in page.locator("#import-status").inner_text()
    assert page.locator("table.problems tbody tr").inner_text().split("\t") == [
        "错误", "2", "D", "数值「1,1905」不是有效数字"]
    page.screenshot(path=str(artifacts_dir / "collection-upload-refused.png"), full_page=True)
    assert Observation.objects.count() == 0

    # Corrected and uploaded again: one draft, linked to its page.
    book["填报"]["D2"] = 1190.5
    book["填报"]["F2"] = "2024年章贡区统计公报"
    good = tmp_path / "章贡区.xlsx"
    good.write_bytes(saved(book))
    page.click("text=再上传一个文件")
    page.set_input_files("#id_file", str(good))
    page.click("#upload-form button[type=submit]")
    assert "已导入 1 条草稿" in page.locator("#import-status").inner_text()
    page.screenshot(path=str(artifacts_dir / "collection-upload-done.png"), full_page=True)
    page.click("table.drafts a")
    page.wait_for_url("**/monitoring/observations/*/")
    obs = Observation.objects.get()
    assert (obs.value, obs.region.name, obs.source, obs.status) == (1190.5, "章贡区", "2024年章贡区统计公报", "draft")
