"""The writers of ``planwatch.reports.formats``: one per format, every spreadsheet cell formula-safe."""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from planwatch.reports.formats import csv as csv_format
from planwatch.reports.formats import json as json_format
from planwatch.reports.formats import xlsx as xlsx_format
from planwatch.reports.formats.site import SiteMap, SiteWriter, relative, rewrite_links
from planwatch.reports.formats.text import table_text, terminal_width


def test_csv_cells_that_look_like_formulas_stay_text_and_numbers_stay_numbers():
    text = csv_format.csv_text(["来源", "数值"], [['=HYPERLINK("http://x")', -1.5], ["@SUM(A1)", "-2"]])
    assert text == "来源,数值\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\n'@SUM(A1),-2\n"


def test_csv_bytes_start_with_a_bom_and_keep_the_asked_line_end():
    body = csv_format.csv_bytes(["指标"], [["地区生产总值"]], line_end="\r\n")
    assert body == "\ufeff指标\r\n地区生产总值\r\n".encode()


def test_a_frame_writes_missing_values_as_empty_cells():
    frame = pd.DataFrame({"indicator": ["I01", "I02"], "completion": [0.2665, np.nan], "grade": ["滞后", pd.NA]})
    assert csv_format.frame_text(frame) == "indicator,completion,grade\nI01,0.2665,滞后\nI02,,\n"


def test_xlsx_has_one_sheet_per_table_with_safe_cells_and_numbers_as_numbers():
    body = xlsx_format.xlsx_bytes([("全部指标", ["来源", "数值"], [["=1+1", 4524.0]]), ("x" * 40, ["a"], [])])
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["全部指标", "x" * 31]
    sheet = book["全部指标"]
    assert [c.value for c in sheet[2]] == ["'=1+1", 4524]
    assert sheet.freeze_panes == "A2"


def test_json_values_are_plain_and_missing_numbers_are_null():
    record = {"completion": np.float64(0.25), "n": np.int64(3), "gap": math.nan, "grade": pd.NA, "name": "城镇化率"}
    plain = json_format.plain_record(record)
    assert plain == {"completion": 0.25, "n": 3, "gap": None, "grade": None, "name": "城镇化率"}
    assert type(plain["n"]) is int
    assert json.loads(json_format.json_text(plain)) == plain
    assert "城镇化率" in json_format.json_text(plain)  # Chinese written as is, not \u escapes


def test_site_links_become_relative_and_local_urls_are_reported():
    site = SiteMap(root="/portal/", local=("/portal/", "/static/"), languages={"zh-hans": "", "en": "en/"})
    found: list[str] = []
    html = '<a href="/portal/indicators/I01/#chart">x</a><img src="/static/a.png"><a href="https://gov.cn/">y</a>' \
           '<a href="lang:en:/portal/">English</a>'
    out = rewrite_links(html, "indicators/I02/index.html", "zh-hans", site, found.append)
    assert out == ('<a href="../I01/index.html#chart">x</a><img src="../../static/a.png"><a href="https://gov.cn/">y</a>'
                   '<a href="../../en/index.html">English</a>')
    assert found == ["/portal/indicators/I01/#chart", "/static/a.png"]
    assert site.file_for("/portal/", "en") == "en/index.html"
    assert relative("static/x.css", "en/indicators/I01/index.html") == "../../../static/x.css"


def test_site_writer_lists_pages_and_files(tmp_path):
    writer = SiteWriter(tmp_path)
    writer.page("en/index.html", "<p>规划</p>")
    writer.file("maps/county.js", b"x")
    assert (tmp_path / "en/index.html").read_text(encoding="utf-8") == "<p>规划</p>"
    assert (writer.pages, writer.files) == (["en/index.html"], ["maps/county.js"])


def test_a_text_table_lines_up_chinese_and_latin_cells_and_cuts_none():
    """汉字 take two terminal columns, digits one: "赣州市" (6) and "I01" (3) pad to the widest cell of their
    column; columns are two spaces apart, a rule of dashes under the header, no trailing spaces."""
    assert (terminal_width("赣州市"), terminal_width("4940.47(2024)"), terminal_width("（万元）")) == (6, 13, 8)
    text = table_text(["编号", "地区", "评价"], [["I01", "赣州市", "滞后"], ["I114", "石城县", "无县级目标"]])
    assert text.splitlines() == [
        "编号  地区    评价",
        "----  ------  ----------",
        "I01   赣州市  滞后",
        "I114  石城县  无县级目标",
    ]
