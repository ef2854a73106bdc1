"""``planwatch report``: takes a snapshot, writes the file, and regenerates it from the snapshot's number."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.reporting.models import ReportSnapshot

pytestmark = pytest.mark.django_db


def test_report_command_writes_the_file_and_can_regenerate_it_from_its_snapshot(seeded, tmp_path):
    runner = CliRunner()
    out = tmp_path / "report.docx"
    result = runner.invoke(
        app, ["report", "final", "--as-of", "2024", "--edition", "public", "--format", "docx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    stored = ReportSnapshot.objects.get()
    assert f"已生成 {out}(数据快照 {stored.pk},指纹 {stored.fingerprint[:12]})" in result.output
    assert re.search(r"DOCX .*━+ 3/3", result.output), result.output  # the progress bar, finished
    assert stored.edition == "public" and stored.as_of == 2024
    first = [p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert "二、主要指标完成情况表" in first and "公开版" in first

    again = tmp_path / "again.docx"
    result = runner.invoke(
        app, ["report", "final", "--snapshot", str(stored.pk), "--format", "docx", "-o", str(again)]
    )
    assert result.exit_code == 0, result.output
    assert [p.text for p in Document(io.BytesIO(again.read_bytes())).paragraphs] == first
    assert ReportSnapshot.objects.count() == 1

    sheet = tmp_path / "report.xlsx"
    result = runner.invoke(app, ["report", "annual", "--as-of", "2024", "--format", "xlsx", "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "主要指标完成情况表" in load_workbook(sheet).sheetnames


def test_report_command_needs_a_year_or_a_snapshot(seeded, tmp_path):
    result = CliRunner().invoke(app, ["report", "final", "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "错误:请用 --as-of 指定评估年份" in result.output


def test_report_command_refuses_a_year_outside_the_plan_as_the_page_does(seeded, tmp_path):
    result = CliRunner().invoke(app, ["report", "annual", "--as-of", "1990", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert "错误:评估年份须在2022—2035年之间" in result.output
    assert not ReportSnapshot.objects.exists() and not (tmp_path / "x.xlsx").exists()
