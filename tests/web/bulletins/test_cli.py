"""``planwatch bulletin read``: JSON and table output, the no-plan-indicator message, and --submit."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.bulletins.models import Bulletin

DATA = Path(__file__).resolve().parents[2] / "data" / "bulletins"


def test_json_lists_the_plan_figures_with_sentence_and_conversion(small_plan):
    result = CliRunner().invoke(
        app, ["bulletin", "read", str(DATA / "yudu_2023_traditional.txt"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [reading] = json.loads(result.output)
    assert (reading["region"], reading["year"]) == ("于都县", 2023)
    gdp = next(p for p in reading["proposals"] if p["plan_indicator"] == "地区生产总值")
    assert (
        gdp["plan_value"],
        gdp["plan_unit"],
        gdp["original_value"],
        gdp["original_unit"],
        gdp["growth_rate"],
    ) == (358.6721, "亿元", "3586721", "万元", 5.1)
    assert gdp["sentence"].startswith("经赣州市统计局统一核算,全年全县地区生产总值3586721万元")


def test_many_files_and_a_bulletin_without_plan_indicators(small_plan):
    files = [str(DATA / "ruijin_2022_no-plan.txt"), str(DATA / "ganzhou_2023_pdf-lines.txt")]
    result = CliRunner().invoke(app, ["bulletin", "read", *files, "--format", "json"])
    ruijin, ganzhou = json.loads(result.output)
    assert ruijin["proposals"] == []
    assert (
        ruijin["message"]
        == "《瑞金市2022年国民经济和社会发展统计公报》中没有找到规划指标的数值(识别出其他指标10项)"
    )
    assert len(ganzhou["proposals"]) == 4


def test_submit_needs_a_user_and_creates_the_drafts(small_plan, cast):
    path = str(DATA / "yudu_2023_traditional.txt")
    refused = CliRunner().invoke(app, ["bulletin", "read", path, "--submit"])
    assert refused.exit_code == 2 and "--submit 需要 --user 指定提交人" in refused.output
    done = CliRunner().invoke(app, ["bulletin", "read", path, "--submit", "--user", "stats"])
    assert done.exit_code == 0, done.output
    assert Bulletin.objects.get().proposals.count() == 3
