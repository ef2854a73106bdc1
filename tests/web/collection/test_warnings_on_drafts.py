"""An import's warnings stay with the drafts: shown on the draft page, explained by the row's 备注 or
asked for at submission.

Every test starts from an approved 2023 figure of 500 for 于都县 GDP; a 2024 value of 700 is
700 ÷ 500 − 1 = +40% > 30% (a warning), 520 is +4% (none).
"""

from __future__ import annotations

import pytest

from planwatch.web.monitoring import services
from planwatch.web.monitoring.models import Observation
from tests.web.collection.conftest import page_text

WARNING = "「地区生产总值」于都县2024年数值 700 较上年同期 500 变动 +40%,超过 30%,请在备注(预警说明)中说明原因"
EXPLAINED = '指标,地区,年份,数值,备注\nI01,于都县,2024,700,"新能源项目投产,增幅较大"\n'
UNEXPLAINED = "指标,地区,年份,数值\nI01,于都县,2024,700\n"


@pytest.fixture
def last_year(small_plan, reference_data):
    return Observation.objects.create(
        indicator=small_plan.indicators.get(code="I01"), region=reference_data.regions["于都县"],
        unit=reference_data.units["于都县人民政府"], year=2023, value=500, status="approved")


def _draft() -> Observation:
    return Observation.objects.get(region__name="于都县", year=2024)


def test_the_warning_is_stored_on_the_draft_with_file_row_and_column(cast, assignments, last_year, upload):
    assert upload(cast.yudu, "于都.csv", UNEXPLAINED.encode()).status_code == 200
    assert _draft().problems == [{
        "origin": "import", "file": "于都.csv", "sheet": "", "row": 2, "column": "D", "message": WARNING,
        "severity": "warning", "rule": "yoy_change", "text": f"第2行 D列:{WARNING}",
    }]
    assert _draft().warning_comment == ""


def test_the_draft_page_shows_what_the_import_found(cast, assignments, last_year, upload, client_for):
    upload(cast.yudu, "于都.csv", UNEXPLAINED.encode())
    page = page_text(client_for(cast.yudu).get(f"/monitoring/observations/{_draft().pk}/"))
    assert "导入时发现的问题" in page
    assert f"预警:于都.csv 第2行 D列:{WARNING}" in page
    assert "提交审核前请在“预警说明”中说明原因" in page
    assert "有预警,提交前需说明" in page_text(client_for(cast.yudu).get("/monitoring/entry/"))


def test_a_warning_without_an_explanation_still_needs_a_comment_at_submission(cast, assignments, last_year,
                                                                               upload, client_for):
    upload(cast.yudu, "于都.csv", UNEXPLAINED.encode())
    client = client_for(cast.yudu)
    draft = _draft()
    client.post(f"/monitoring/observations/{draft.pk}/submit/", {"lock_version": draft.lock_version})
    assert _draft().status == "draft"
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_observation(draft, user=cast.yudu)
    assert blocked.value.needs_comment and [p.rule for p in blocked.value.problems] == ["yoy_change"]
    client.post(f"/monitoring/observations/{draft.pk}/submit/",
                {"lock_version": draft.lock_version, "warning_comment": "新项目投产"})
    assert (_draft().status, _draft().warning_comment) == ("submitted", "新项目投产")


def test_the_rows_note_explains_the_warning_so_submission_needs_no_more(cast, assignments, last_year, upload,
                                                                         client_for):
    upload(cast.yudu, "于都.csv", EXPLAINED.encode())
    draft = _draft()
    assert (draft.note, draft.warning_comment) == ("新能源项目投产,增幅较大", "新能源项目投产,增幅较大")
    client = client_for(cast.yudu)
    page = page_text(client.get(f"/monitoring/observations/{draft.pk}/"))
    assert "有预警,提交前需说明" not in page_text(client.get("/monitoring/entry/"))  # the note explains it
    assert "文件中的备注已作为预警说明" in page and "新能源项目投产,增幅较大</textarea>" in page  # pre-filled
    client.post(f"/monitoring/observations/{draft.pk}/submit/", {"lock_version": draft.lock_version})
    submitted = _draft()
    assert (submitted.status, submitted.warning_comment) == ("submitted", "新能源项目投产,增幅较大")
    assert [p["rule"] for p in submitted.problems] == ["yoy_change"]  # what submission found, kept for reviewers
    reviewer_page = page_text(client_for(cast.reviewer).get(f"/monitoring/observations/{draft.pk}/"))
    assert "提交时的校验结果" in reviewer_page and "导入时发现的问题" not in reviewer_page
    assert "预警说明</dt><dd>新能源项目投产,增幅较大</dd>" in reviewer_page


def test_a_note_without_a_warning_is_not_taken_for_an_explanation(cast, assignments, last_year, upload):
    upload(cast.yudu, "于都.csv", '指标,地区,年份,数值,备注\nI01,于都县,2024,520,初步数\n'.encode())
    assert (_draft().note, _draft().warning_comment, _draft().problems) == ("初步数", "", [])


def test_a_new_import_or_a_new_value_replaces_the_old_findings(cast, assignments, last_year, upload):
    upload(cast.yudu, "于都.csv", EXPLAINED.encode())
    upload(cast.yudu, "于都.csv", "指标,地区,年份,数值\nI01,于都县,2024,520\n".encode())
    assert (_draft().value, _draft().problems, _draft().warning_comment) == (520.0, [], "")
    upload(cast.yudu, "于都.csv", UNEXPLAINED.encode())
    assert len(_draft().problems) == 1
    services.update_draft(_draft(), user=cast.yudu, reason="更正", value=515.0)
    assert _draft().problems == []  # the page's preview checks the new value instead


def test_the_command_line_import_stores_the_warnings_too(cast, assignments, last_year, tmp_path):
    from typer.testing import CliRunner

    from planwatch.cli import app

    path = tmp_path / "于都.csv"
    path.write_text(EXPLAINED, encoding="utf-8")
    result = CliRunner().invoke(app, ["data", "import", str(path), "--user", "yudu"])
    assert result.exit_code == 0, result.output
    assert f"预警 第2行 D列:{WARNING}" in result.output
    assert ([p["text"] for p in _draft().problems], _draft().warning_comment) == (
        [f"第2行 D列:{WARNING}"], "新能源项目投产,增幅较大")
