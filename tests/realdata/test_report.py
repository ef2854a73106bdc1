"""With the shipped data the report is honest: it names the indicators without data and grades none of them."""

from __future__ import annotations

import io

import pytest
from docx import Document

from planwatch.evaluation.vocabulary import GRADED
from planwatch.reports.content import build_report
from planwatch.reports.docx import write_docx
from planwatch.reports.figures import draw_figures
from planwatch.web.reporting.snapshots import build_snapshot

pytestmark = pytest.mark.django_db


def test_shipped_data_report_names_indicators_without_data_and_does_not_grade_them(ganzhou_plan, real_data):
    snapshot = build_snapshot(ganzhou_plan, kind="final", as_of=2025, edition="internal")
    report = build_report(snapshot)
    with_data = {o["indicator"] for o in snapshot.observations if o["region"] == snapshot.plan_region}
    without = [r for r in report.rows if r.code not in with_data]
    assert len(report.rows) == 36 and without, "the shipped data do not cover every indicator"
    assert [r.code for r in report.no_data] == [r.code for r in without]
    for row in without:
        assert row.grade not in GRADED, (row.name, row.grade)
        assert row.completion is None and row.latest_value is None
    sentence = next(line for line in report.overview if "尚无可用数据" in line)
    # The same indicators as the overview's counts: 无数据 and 待下达 (none of these has data) add up.
    counts = {c.grade: c.count for c in report.counts}
    awaiting = sum(r.grade == "待下达" for r in without)
    assert counts.get("无数据", 0) + awaiting == len(without) and awaiting == counts.get("待下达", 0)
    within = f"(其中{awaiting}项为按省下达、目标待下达)" if awaiting else ""
    assert sentence.startswith(f"{len(without)}项指标截至2025年尚无可用数据{within},本报告不对其评级:")
    for row in without:
        assert row.name in sentence
    text = "\n".join(
        p.text for p in Document(io.BytesIO(write_docx(report, draw_figures(report)))).paragraphs
    )
    assert sentence in text
    graded = sum(c.count for c in report.counts if c.grade in GRADED)
    assert graded == sum(1 for r in report.rows if r.grade in GRADED) <= len(with_data)
