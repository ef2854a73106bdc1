"""Templates filled and saved by a real spreadsheet client: LibreOffice Calc, headless (Debian package
``libreoffice-calc-nogui``; WPS and Excel write the same kinds of cell). Each file below is filled the way
a clerk's client leaves it, then saved by LibreOffice, then uploaded (issue 11).

- 56.35% typed into a %-formatted cell is stored as 0.5635 with a % format: imported as 56.35.
- 56.35% typed into the template's plain value cell keeps the plain format and stores 0.5635: imported
  with a warning asking whether 56.35 was meant (a share of 1 where the indicator is a percentage).
- A number typed as text with a thousands separator ("4,716.5") is read as 4716.5.
- A period typed as a date (2024/12/31) for an annual indicator is refused, quoting the date.
- A year that has not happened is refused even though it is in the plan period.
- A locked period changed on an assigned row is refused.
- An .ods file is refused, saying to 另存为 .xlsx.
All problems of a file come in one response, with a row already submitted among them.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.collection.conftest import page_text, saved
from tests.web.conftest import indicator

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="Debian package libreoffice-calc-nogui is not installed"
)


def through_libreoffice(data: bytes, tmp_path: Path, to: str = "xlsx") -> bytes:
    """The file as LibreOffice saves it (opened and saved again by Calc, headless)."""
    source, out = tmp_path / "filled.xlsx", tmp_path / "out"
    source.write_bytes(data)
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return (out / f"filled.{to}").read_bytes()


def test_a_template_saved_by_libreoffice_imports_percent_cells_and_text_numbers(
    cast, assignments, template_of, upload, tmp_path
):
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    sheet["D2"] = "4,716.5"  # typed as text
    sheet["D3"], sheet["D4"] = 52580, 897
    sheet["D5"] = 0.5635  # 56.35% typed into a cell the clerk had formatted as %
    sheet["D5"].number_format = "0.00%"
    for row in range(2, 6):
        sheet[f"F{row}"] = "2024年赣州市统计公报"
    response = upload(cast.stats_reporter, "赣州市.xlsx", through_libreoffice(saved(book), tmp_path))
    assert response.status_code == 200, page_text(response)
    values = dict(Observation.objects.values_list("indicator__code", "value"))
    assert values == {"I01": 4716.5, "I02": 52580.0, "I03": 897.0, "I04": 56.35}


def test_a_share_of_one_in_a_plain_cell_is_questioned(cast, assignments, template_of, upload, tmp_path):
    book = template_of(cast.stats_reporter)
    book["填报"]["D5"] = 0.5635  # 56.35% typed into the template's plain value cell
    response = upload(cast.stats_reporter, "赣州市.xlsx", through_libreoffice(saved(book), tmp_path))
    assert response.status_code == 200, page_text(response)
    assert (
        "数值 0.5635 像是写成小数的比例:「常住人口城镇化率」的单位是 %,若为 56.35% 请填写 56.35"
        in page_text(response)
    )
    draft = Observation.objects.get(indicator__code="I04")
    assert [p["rule"] for p in draft.problems] == ["share_of_one"]


def test_every_problem_of_a_libreoffice_file_comes_in_one_pass(
    cast, assignments, small_plan, reference_data, template_of, upload, tmp_path
):
    submitted = services.create_draft(
        user=cast.stats_reporter,
        reason="填报",
        indicator=indicator(small_plan, "I03"),
        region=reference_data.regions["赣州市"],
        year=2024,
        value=897.0,
        source="公报",
    )
    services.submit_observation(submitted, user=cast.stats_reporter)
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    assert sheet["D4"].value == 897.0  # pre-filled, and marked by its state
    assert sheet["D4"].comment.text.startswith("状态:已提交")
    sheet["D2"] = 4716.5
    sheet["C3"], sheet["D3"] = "2023", 52580  # a locked period changed
    sheet["D4"] = 900  # the submitted figure changed in the file
    this_year = timezone.localdate().year
    for row, period in ((7, dt.datetime(2024, 12, 31)), (8, str(this_year + 1))):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"], sheet[f"D{row}"] = (
            "常住人口城镇化率",
            "赣州市",
            period,
            57,
        )
    before = Observation.objects.count()
    response = upload(cast.stats_reporter, "赣州市.xlsx", through_libreoffice(saved(book), tmp_path))
    text = page_text(response)
    assert response.status_code == 422, text
    assert "此格已锁定,模板中为「2024」,文件中为「2023」" in text
    assert (
        "「常住人口城镇化率」按年度填报,年份应写作 2024 的形式,不是「2024/12/31」(单元格是日期,请改为文本)"
        in text
    )
    if this_year + 1 <= 2027:  # the small plan's period ends in 2027
        assert f"年份 {this_year + 1} 尚未到来,不能填报" in text
    assert "「常住人口」「赣州市」2024 已提交审核,不能覆盖" in text  # the state conflict, in the same list
    assert Observation.objects.count() == before


def test_an_ods_file_is_refused_saying_save_as_xlsx(cast, assignments, template_of, upload, tmp_path):
    ods = through_libreoffice(saved(template_of(cast.stats_reporter)), tmp_path, to="ods")
    for name in ("赣州市.ods", "赣州市.xlsx"):  # also when renamed
        response = upload(cast.stats_reporter, name, ods)
        assert response.status_code == 422
        assert (
            f"文件「{name}」是 OpenDocument 表格(.ods),请在 LibreOffice 或 WPS 中用「文件 → 另存为」选择"
            "「Excel 2007-365 (.xlsx)」后再上传"
        ) in page_text(response)


def test_the_template_prints_as_a_form(cast, assignments, template_of, tmp_path):
    """Printed by LibreOffice (to PDF): A4 landscape, the title, the header row and the signature lines on
    the page, all columns on one page wide; drop-downs show their input prompts."""
    book = template_of(cast.stats_reporter)
    sheet = book["填报"]
    assert (sheet.page_setup.orientation, sheet.print_title_rows) == ("landscape", "$1:$1")
    assert all(v.showInputMessage for v in sheet.data_validations.dataValidation)
    assert sheet["A2"].font.name == "宋体"
    for name in ("列表", "填报说明"):
        del book[name]  # print the data sheet only
    pdf = tmp_path / "out" / "filled.pdf"
    through_libreoffice(saved(book), tmp_path, to="pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "市统计局 规划实施监测数据填报表" in text
    assert "填报人:" in text and "审核人:" in text and "联系电话:" in text
    assert "指标" in text and "数值" in text and "来源" in text and "备注" in text  # every column on the page
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert round(width) == 842 and round(height) == 595  # A4 landscape, in points
