"""The bulletin reader names the issuing statistics bureau when a line under the title says it, and
nothing otherwise (never guessed from a sentence such as 「经市统计局统一核算」)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents.bulletin_sources import read_bulletin_file

BULLETINS = Path(__file__).resolve().parents[1] / "data" / "bulletins"


@pytest.mark.parametrize(
    ("name", "issuer"),
    [
        ("ganzhou_2023_pdf-lines.txt", "赣州市统计局"),  # 「赣州市统计局 国家统计局赣州调查队」
        ("jiangxi_2023_province.txt", "江西省统计局"),
        ("china_2022.txt", "国家统计局"),
        ("anyuan_2022_phrasing.txt", "安远县统计局"),
        ("xingguo_2023_text-lines.txt", "兴国县统计局"),  # 「來源:興國縣統計局 發布時間:…」
        ("yudu_2023_traditional.txt", "于都县统计局"),
        ("ningdu_2021_a.txt", ""),  # only 「经市统计局统一核算,…」 in a sentence
        ("longnan_2021_traps.txt", ""),
    ],
)
def test_issuer_is_the_bureau_named_under_the_title(name, issuer):
    assert read_bulletin_file(BULLETINS / name).issuer == issuer
