"""The PDF embeds its CJK fonts, its text layer says what the report says, and a page renders to PNG.

Missing glyphs: every character of the text layer must be in the character map of a font the PDF
embeds (a character no font has is drawn as an empty box, the .notdef glyph). The fonts are read
from the files fontconfig resolves for the embedded names. One page image is kept in
``test-artifacts/report-page.png`` for people to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from planwatch.reports.content import build_report
from planwatch.reports.figures import draw_figures
from planwatch.reports.pdf import write_pdf
from planwatch.web.reporting.snapshots import build_snapshot

pytestmark = pytest.mark.django_db


def _fonts(pdf: Path) -> list[dict]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the three yes/no flags sit before the last two columns
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def _cmap_for(family: str) -> set[int]:
    """Characters of the font fontconfig resolves for an embedded name like 'Noto-Sans-CJK-SC-Bold'."""
    pattern = family.split("+", 1)[1].replace("-", " ")
    style = "Bold" if pattern.endswith(" Bold") else "Regular"
    pattern = pattern.removesuffix(" Bold")
    path = subprocess.run(
        ["fc-match", "-f", "%{file}", f"{pattern}:style={style}"], capture_output=True, text=True, check=True
    ).stdout
    if path.endswith(".ttc"):
        fonts = TTCollection(path).fonts
        font = next((f for f in fonts if pattern in str(f["name"].getDebugName(4))), fonts[0])
    else:
        font = TTFont(path)
    return set(font.getBestCmap())


def test_pdf_embeds_cjk_fonts_renders_and_has_no_missing_glyphs(seeded, artifacts_dir, tmp_path):
    snapshot = build_snapshot(seeded["plan"], kind="final", as_of=2024, edition="internal")
    report = build_report(snapshot)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(write_pdf(report, draw_figures(report)))

    fonts = _fonts(pdf)
    cjk = [f for f in fonts if "CJK" in f["name"]]
    assert cjk, fonts
    assert all(f["emb"] == "yes" for f in fonts), fonts

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for phrase in (
        "一、总体情况",
        "二、主要指标完成情况表",
        "地区生产总值",
        "森林覆盖率",
        "40.8%",
        "五、县(市、区)比较",
        "附录:评估方法、数据来源、目标版本与数据版次",
    ):
        assert phrase in text, phrase
    covered: set[int] = set()
    for font in fonts:
        covered |= _cmap_for(font["name"])
    missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in covered})
    assert not missing, f"characters no embedded font has (drawn as boxes): {missing}"

    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "3", "-l", "3", str(pdf), str(tmp_path / "page")], check=True
    )
    page = next(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 10_000
    shutil.copy(page, artifacts_dir / "report-page.png")
    assert re.search(
        r"Pages:\s+\d+", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    )
