"""``planwatch plan parse`` as a real process: JSON, YAML and the table, and the error exit."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from planwatch.data import GANZHOU_PLAN

PLANWATCH = Path(sys.executable).with_name("planwatch")
BAD = Path(__file__).resolve().parent.parent / "data" / "plans" / "bad"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "60"}  # a narrow terminal: the table cuts no cell all the same
    return subprocess.run(
        [str(PLANWATCH), "plan", "parse", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_parse_json_gives_36_indicators_and_the_outline():
    result = _run(str(GANZHOU_PLAN), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["title"], data["region"], data["base_year"], data["target_year"], data["vision_year"]) == (
        "赣州革命老区高质量发展示范区建设规划",
        "赣州",
        2021,
        2025,
        2035,
    )
    assert len(data["indicators"]) == 36
    assert data["indicators"][2]["target"] == {
        "kind": "annual_growth",
        "text": "年均7.5左右",
        "year": 2025,
        "value": 7.5,
        "qualifier": "左右",
        "strict": False,
    }
    assert len(data["chapters"]) == 9
    assert sum(len(c["sections"]) for c in data["chapters"]) == 27
    assert [i["title"] for i in data["boxes"][5]["items"]] == ["铁路", "公路", "机场", "水运", "能源", "水利"]


def test_parse_yaml_reads_back_to_the_same_data_as_json():
    as_yaml = _run(str(GANZHOU_PLAN), "--format", "yaml")
    as_json = _run(str(GANZHOU_PLAN), "--format", "json")
    assert as_yaml.returncode == 0, as_yaml.stderr
    assert yaml.safe_load(as_yaml.stdout) == json.loads(as_json.stdout)


def test_parse_table_lists_every_indicator_and_the_counts():
    result = _run(str(GANZHOU_PLAN), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "赣州革命老区高质量发展示范区建设规划 赣州 基期2021 目标2025" in result.stdout
    assert "I01" in result.stdout and "I36" in result.stdout and "年均7.5左右" in result.stdout
    assert "9 章, 27 节, 79 项任务, 9 个专栏" in result.stdout
    rows = {cells[0]: cells for cells in (re.split(r" {2,}", line) for line in result.stdout.splitlines())}
    assert rows["I03"] == ["I03", "现代产业聚集区", "规模以上工业增加值增速", "%", "11.6", "年均7.5左右", "annual_growth",
                           "预期性", "higher"]


def test_parse_a_document_without_indicator_table_exits_2_with_the_reason():
    result = _run(str(BAD / "no-indicator-table.txt"), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "未找到主要指标表" in result.stderr and "no-indicator-table.txt" in result.stderr


OTHER = Path(__file__).resolve().parent.parent / "data" / "plans" / "other"


def test_parse_a_plan_with_prose_targets_is_not_refused_and_says_what_it_did():
    result = _run(str(OTHER / "xianyang-2023-annual-plan.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["indicators"]) == 9
    assert data["warnings"] == ["没有主要指标表：从正文读出 9 项目标（每项附原句）"]
    assert data["indicators"][0]["source"].startswith("生产总值增长6%左右,")
    table = _run(str(OTHER / "xianyang-2023-annual-plan.txt"), "--format", "table")
    assert "提示:没有主要指标表：从正文读出 9 项目标（每项附原句）" in table.stdout


def test_parse_takes_extra_qualitative_words_of_the_plan(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "定西市规划(2021—2025年)\n\n指标    2020年    2025年    属性\n森林覆盖率(%)    30    稳中求进    约束性\n",
        encoding="utf-8",
    )
    words = tmp_path / "words.txt"
    words.write_text("# 本规划的定性用语\n稳中求进\n", encoding="utf-8")
    result = _run(str(plan), "--format", "json", "--words", str(words))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    target = data["indicators"][0]["target"]
    assert (target["kind"], target["text"], data["warnings"]) == ("qualitative", "稳中求进", [])
    # without the plan's word the target is kept the same way, and the reader says it did not know it
    unknown = json.loads(_run(str(plan), "--format", "json").stdout)
    assert unknown["indicators"][0]["target"]["kind"] == "qualitative"
    assert unknown["warnings"] == [
        "指标「森林覆盖率」的目标「稳中求进」没有数值，也不是已知的定性用语：按定性目标读入"
        "（本规划的用语可用 --words 补充）"
    ]
