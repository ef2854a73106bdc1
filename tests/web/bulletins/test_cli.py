"""``planwatch bulletin read``: JSON and table output, the no-plan-indicator message, and --submit."""

from __future__ import annotations

import json
import re
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


def test_region_and_year_options_name_a_bulletin_whose_title_does_not(small_plan, tmp_path):
    """An excerpt without its title: without --region/--year the reading says what it lacks; with them
    the figures are read for 于都县 2023 (245.61 亿元, already in the plan's unit)."""
    excerpt = tmp_path / "节选.txt"
    excerpt.write_text("全年全县地区生产总值245.61亿元,比上年增长5.1%。\n", encoding="utf-8")
    bare = CliRunner().invoke(app, ["bulletin", "read", str(excerpt), "--format", "json"])
    [reading] = json.loads(bare.output)
    assert (reading["region"], reading["year"]) == ("", None)
    assert reading["problems"] == [
        "未能从标题确定地区,请指定地区(--region)",
        "未能从标题确定年份,请指定年份(--year)",
    ]
    given = CliRunner().invoke(
        app, ["bulletin", "read", str(excerpt), "--region", "于都县", "--year", "2023", "--format", "json"]
    )
    [reading] = json.loads(given.output)
    assert (reading["region"], reading["year"], reading["problems"]) == ("于都县", 2023, [])
    assert [(p["plan_indicator"], p["plan_value"], p["growth_rate"]) for p in reading["proposals"]] == [
        ("地区生产总值", 245.61, 5.1)
    ]


def test_table_format_lists_each_plan_figure_with_its_sentence_and_the_message(small_plan):
    result = CliRunner(env={"COLUMNS": "220"}).invoke(
        app, ["bulletin", "read", str(DATA / "yudu_2023_traditional.txt"), "--format", "table"]
    )
    assert result.exit_code == 0, result.output
    assert "yudu_2023_traditional.txt:于都县2023年国民经济和社会发展统计公报(于都县 2023)" in result.output
    assert "358.672" in result.output and "3586721万元" in result.output
    assert "《于都县2023年国民经济和社会发展统计公报》:找到规划指标3项" in result.output


def test_an_unknown_format_is_refused():
    result = CliRunner().invoke(
        app, ["bulletin", "read", str(DATA / "yudu_2023_traditional.txt"), "--format", "csv"]
    )
    assert result.exit_code == 2 and "--format 只能是 table 或 json" in result.output


def test_many_files_show_a_progress_bar_in_a_terminal(tmp_path):
    """A real process on a pseudo-terminal (Rich draws its bar only for a terminal): the bar names its
    task and runs to 100%; without a database the reader lists every indicator it finds."""
    import os
    import pty
    import subprocess
    import sys

    files = [str(DATA / name) for name in ("ruijin_2022_no-plan.txt", "ganzhou_2023_pdf-lines.txt")]
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"PLANWATCH_VAR_DIR": str(tmp_path), "COLUMNS": "200", "TERM": "xterm"}
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("planwatch")), "bulletin", "read", *files],
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=120) == 0
    os.close(leader)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "读取公报" in screen and "━" in screen and "100%" in screen  # the bar, drawn to its end
    assert (
        "瑞金市2022年国民经济和社会发展统计公报" in screen
        and "赣州市2023年国民经济和社会发展统计公报" in screen
    )


def test_the_table_keeps_each_figure_whole_beside_its_sentence(small_plan):
    """In a narrow terminal too: 3586721万元 → 358.6721亿元 (every digit kept), +5.1%, with the sentence it came from."""
    result = CliRunner().invoke(app, ["bulletin", "read", str(DATA / "yudu_2023_traditional.txt")],
                                env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    rows = {cells[0]: cells for cells in (re.split(r" {2,}", line) for line in result.output.splitlines())}
    assert rows["地区生产总值"][:4] == ["地区生产总值", "358.6721", "亿元", "3586721万元"]
    assert rows["地区生产总值"][4] == "5.1" and rows["地区生产总值"][-1].startswith("经赣州市统计局统一核算")
