"""The report files carry the engine's figures, and the public edition carries no unpublished one.

The seeded plan (``tests/web/dashboard/seed.py``) as of 2024, internal edition (approved figures):
I01 地区生产总值 (4712.3 − 4169.4)/(5500 − 4169.4) = 542.9/1330.6 = 40.8% 滞后, time share
(2024 − 2021)/(2025 − 2021) = 75.0%, needs 5500/4712.3 − 1 = 16.7% in the one year left;
I02 森林覆盖率 (75.0 − 76.2)/(80 − 76.2) = −31.6% 逆向, binding → 预警; I04 按省下达, no data.
The public edition sees published figures only: I01's 2024 figure 4712.3 (approved, unpublished),
the draft 9999.9 and the returned 8888.8 must appear nowhere.
"""

from __future__ import annotations

import io
import math
import re

import pytest
from docx import Document
from openpyxl import load_workbook

from planwatch.reports.content import build_report
from planwatch.reports.docx import write_docx
from planwatch.reports.figures import draw_figures
from planwatch.reports.formatting import format_percent, format_value
from planwatch.reports.html import write_html
from planwatch.reports.xlsx import write_xlsx
from planwatch.web.reporting.snapshots import build_snapshot, take_snapshot
from tests.web.dashboard.seed import NOT_PUBLIC

pytestmark = pytest.mark.django_db

NOT_PUBLIC_VALUES = list(NOT_PUBLIC)  # 9999.9 draft, 8888.8 returned, 4712.3 approved, 123.4, 234.5


def _files(snapshot, language="zh"):
    report = build_report(snapshot, language)
    figures = draw_figures(report)
    return report, write_docx(report, figures), write_xlsx(report, figures), write_html(report, figures)


def _engine_rows(snapshot):
    frame = snapshot.evaluate()
    own = frame[frame["region"].astype(str) == snapshot.plan_region]
    return {str(r["indicator"]): r for r in own.to_dict("records")}


def _main_docx_table(document):
    return next(t for t in document.tables if len(t.columns) == 12 and t.rows[0].cells[8].text == "完成度")


def test_docx_main_table_figures_equal_the_engine(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, docx_bytes, _, _ = _files(snapshot)
    engine = _engine_rows(snapshot)
    table = _main_docx_table(Document(io.BytesIO(docx_bytes)))
    specs = {s["name"]: s for s in snapshot.specs}
    checked = 0
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        spec = specs[cells[1]]
        e = engine[spec["indicator"]]
        decimals = 1 if spec["indicator"] != "I04" else 1
        assert cells[8] == format_percent(e["completion"]), cells
        assert cells[9] == format_percent(e["time_share"]), cells
        assert cells[10] == str(e["grade"])
        latest = e["latest_value"]
        assert cells[6] == (format_value(latest, spec["unit"], decimals) if not math.isnan(latest) else "—")
        checked += 1
    assert checked == 4
    first = [c.text for c in table.rows[1].cells]
    assert first[1:2] + first[6:12] == ["地区生产总值", "4712.3亿元", "2024", "40.8%", "75.0%", "滞后", ""]
    forest = [c.text for c in table.rows[2].cells]
    assert forest[8:12] == ["-31.6%", "50.0%", "逆向", "预警"]


def test_docx_states_the_growth_still_needed_and_names_the_warning(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, docx_bytes, _, _ = _files(snapshot)
    text = "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)
    assert "地区生产总值滞后:完成度40.8%,时序进度75.0%;今后每年需增长16.7%才能达到目标。" in text
    assert "约束性指标预警1项:森林覆盖率(逆向," in text
    # I04 has no figure and its target is 按省下达: the one indicator without data is the counts' 待下达.
    assert (
        "1项指标截至2024年尚无可用数据(其中1项为按省下达、目标待下达),本报告不对其评级:单位地区生产总值能耗降低。"
        in text
    )
    assert "二、主要指标完成情况表" in text and "七、存在问题" not in text  # no tasks section: 五 is counties
    assert "五、县(市、区)比较" in text and "六、存在问题" in text and "七、下一步建议" in text


def test_xlsx_numbers_are_numbers_equal_to_the_engine(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, _, xlsx_bytes, _ = _files(snapshot)
    engine = _engine_rows(snapshot)
    book = load_workbook(io.BytesIO(xlsx_bytes))
    assert "主要指标完成情况表" in book.sheetnames and "县(市、区)比较" in book.sheetnames
    sheet = book["主要指标完成情况表"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in ("指标", "最新值", "完成度", "时序进度", "评价")}
    codes = {s["name"]: s["indicator"] for s in snapshot.specs}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        e = engine[codes[row[col["指标"]]]]
        for name, column in (
            ("最新值", "latest_value"),
            ("完成度", "completion"),
            ("时序进度", "time_share"),
        ):
            value = e[column]
            if math.isnan(value):
                assert row[col[name]] is None
            else:
                assert isinstance(row[col[name]], int | float) and row[col[name]] == value
        assert row[col["评价"]] == str(e["grade"])
    completion = sheet.cell(row=2, column=col["完成度"] + 1)
    assert completion.number_format == "0.0%" and abs(completion.value - 542.9 / 1330.6) < 1e-12
    assert sheet.cell(row=2, column=col["评价"] + 1).fill.fgColor.rgb.endswith("BF360C")  # 滞后's colour


def test_public_edition_contains_no_unpublished_value(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="annual", as_of=2024, edition="public")
    assert {o["status"] for o in snapshot.observations} == {"published"}
    report, docx_bytes, xlsx_bytes, html_bytes = _files(snapshot)
    document = Document(io.BytesIO(docx_bytes))
    docx_text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    book = load_workbook(io.BytesIO(xlsx_bytes))
    xlsx_text = "\n".join(
        str(c) for s in book for r in s.iter_rows(values_only=True) for c in r if c is not None
    )
    html_text = html_bytes.decode("utf-8")
    for value in NOT_PUBLIC_VALUES:
        for name, text in (("docx", docx_text), ("xlsx", xlsx_text), ("html", html_text)):
            assert value not in text, f"{value} ({NOT_PUBLIC[value]}) leaked into the public {name}"
    assert "4606.2" in docx_text  # the published 2023 revision is the latest public figure
    # The example set's invented 2023 城镇化率 (61.0) is in neither edition.
    assert not [o for o in snapshot.observations if o["indicator"] == "I03" and o["year"] == 2023]
    assert "公开版仅含已发布数据。" in docx_text


def test_internal_edition_has_approved_figures_but_never_drafts(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="annual", as_of=2024, edition="internal")
    _, docx_bytes, _, html_bytes = _files(snapshot)
    html_text = html_bytes.decode("utf-8")
    assert "4712.3" in html_text
    for value in ("9999.9", "8888.8", "123.4", "234.5"):
        assert value not in html_text


def _document_text(docx_bytes: bytes) -> str:
    document = Document(io.BytesIO(docx_bytes))
    return "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )


def test_regenerating_from_the_stored_snapshot_gives_the_same_figures_and_text(seeded, planner):
    from planwatch.web.monitoring.models import Observation

    stored = take_snapshot(
        seeded["plan"], kind="final", as_of=2024, edition="internal", user=planner, reason="测试:总结评估"
    )
    first = _document_text(_files(stored.snapshot())[1])
    first_xlsx = _files(stored.snapshot())[2]
    # New figures arrive after the snapshot: the stored report must not move.
    Observation.objects.filter(status="approved").update(value=4999.9)
    stored.refresh_from_db()
    again = _document_text(_files(stored.snapshot())[1])
    assert again == first
    a = load_workbook(io.BytesIO(first_xlsx))
    b = load_workbook(io.BytesIO(_files(stored.snapshot())[2]))
    for sheet in a.sheetnames:
        assert list(a[sheet].iter_rows(values_only=True)) == list(b[sheet].iter_rows(values_only=True))
    assert stored.fingerprint == stored.snapshot().fingerprint()
    assert re.search(r"数据快照 [0-9a-f]{12}", first)
    assert stored.history.first().history_change_reason == "测试:总结评估"


def test_english_edition_uses_the_engine_english_grades(seeded):
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    report, docx_bytes, _, _ = _files(snapshot, "en")
    text = _document_text(docx_bytes)
    assert "2. Main indicators" in text
    assert (
        "Of the 4 indicators, 1 ahead of schedule, 1 lagging, 1 moving away, 1 awaiting provincial figure."
        in text
    )
    assert "地区生产总值 is lagging: completion 40.8% against a time share of 75.0%" in text


def test_docx_indicator_and_county_tables_equal_the_engine(seeded):
    from planwatch.reports.formatting import format_rate

    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, docx_bytes, xlsx_bytes, _ = _files(snapshot)
    frame = snapshot.evaluate()
    document = Document(io.BytesIO(docx_bytes))
    own = _engine_rows(snapshot)
    # The indicator's own table under its chart: 实际年均增速 and 需年均增速 as the engine has them.
    table = next(
        t for t in document.tables if len(t.columns) == 8 and t.rows[0].cells[5].text == "实际年均增速"
    )
    cells = [c.text for c in table.rows[1].cells]
    assert cells[5] == format_rate(own["I01"]["actual_growth"]) and cells[6] == format_rate(
        own["I01"]["required_growth"]
    )
    assert cells[6] == "16.7%"
    # Counties: 章贡区's own growth from its own base (680.0 in 2022 → 700.5 in 2023 = 3.0%).
    county = frame[
        (frame["region"].astype(str) == "章贡区") & (frame["indicator"].astype(str) == "I01")
    ].iloc[0]
    ranking = next(t for t in document.tables if len(t.columns) == 6 and t.rows[0].cells[0].text == "排名")
    row = next([c.text for c in r.cells] for r in ranking.rows if r.cells[1].text == "章贡区")
    assert row[:4] == ["1", "章贡区", "700.5亿元", format_rate(county["actual_growth"])] and row[3] == "3.0%"
    sheet = load_workbook(io.BytesIO(xlsx_bytes))["县(市、区)比较"]
    values = [r for r in sheet.iter_rows(values_only=True) if r[1] == "章贡区"]
    # Excel keeps 15 significant digits (openpyxl writes them so): equal to the engine's within that.
    assert values and values[0][2] == 700.5 and abs(values[0][3] - county["actual_growth"]) < 1e-16


def test_xlsx_lagging_sheet_equals_the_engine(seeded):
    """滞后指标与所需增速: I01 (needs 5500/4712.3 − 1 = 16.7%) and I02 (逆向), each number the engine's.

    I02 森林覆盖率 is a rate (unit %): what it still needs is the engine's required_points,
    (80 − 75.0)/2 = 2.5 个百分点 a year, not a growth rate of the rate; so far it moved (75.0 − 76.2)/2 = −0.6
    个百分点 a year (points_per_year)."""
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, _, xlsx_bytes, _ = _files(snapshot)
    engine = _engine_rows(snapshot)
    codes = {s["name"]: s["indicator"] for s in snapshot.specs}
    units = {s["indicator"]: s["unit"] for s in snapshot.specs}
    rows = list(load_workbook(io.BytesIO(xlsx_bytes))["滞后指标与所需增速"].iter_rows(values_only=True))
    header = rows[0]
    columns = {
        "最新值": "latest_value",
        "完成度": "completion",
        "时序进度": "time_share",
        "实际年均增速": "actual_growth",
        "需年均增速": "required_growth",
    }
    assert sorted(codes[r[0]] for r in rows[1:]) == ["I01", "I02"]
    for row in rows[1:]:
        e = engine[codes[row[0]]]
        for name, column in columns.items():
            if units[codes[row[0]]] == "%":  # a rate: its change a year so far and still needed, in 百分点
                column = {"实际年均增速": "points_per_year", "需年均增速": "required_points"}.get(name, column)
            # Excel keeps 15 significant digits (openpyxl writes them so): equal to the engine's within that.
            assert math.isclose(row[header.index(name)], e[column], rel_tol=1e-14), (row[0], name)
        assert row[header.index("评价")] == str(e["grade"])
    gdp = next(r for r in rows if r[0] == "地区生产总值")
    assert abs(gdp[header.index("需年均增速")] - (5500 / 4712.3 - 1)) < 1e-12
    forest = next(r for r in rows if r[0] == "森林覆盖率")
    assert forest[header.index("需年均增速")] == 2.5


def test_html_report_is_self_contained_with_a_print_stylesheet(seeded):
    """One file to mail or archive: every image inline (data: URIs), no script, nothing fetched from
    elsewhere, and a print stylesheet for paper."""
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    _, _, _, html_bytes = _files(snapshot)
    html = html_bytes.decode("utf-8")
    assert "@media print" in html
    references = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']*)', html)
    assert references and all(r.startswith(("data:", "#")) for r in references), references
    assert "<script" not in html and "@import" not in html and "url(http" not in html
    assert html.count('src="data:image/png;base64,') >= 3  # the indicators with data have their charts


def test_the_report_is_dated_by_the_clock_in_ganzhou_not_utc(seeded, cast):
    """生成于 is the date in Beijing time (TIME_ZONE Asia/Shanghai): from 00:00 to 08:00 the UTC date is
    still yesterday, and a report made at 01:57 on 6 December said 生成于2026-12-05. The same for the
    day a target adjustment was decided."""
    from django.utils import timezone

    from planwatch.web.monitoring.targets import approve_target_adjustment, propose_target_adjustment

    proposal = propose_target_adjustment(seeded["indicators"]["I01"], user=cast.planner, reason="中期调整",
                                         value=5600.0, text="5600")
    decided = approve_target_adjustment(proposal, user=cast.admin, comment="同意")
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    assert snapshot.taken_at.endswith("+08:00")
    assert snapshot.taken_at[:10] == timezone.localdate().isoformat()
    adjusted = next(t for t in snapshot.targets if t["version"] == decided.version and t["indicator"] == "I01")
    assert adjusted["decided_at"] == timezone.localdate(decided.decided_at).isoformat()
