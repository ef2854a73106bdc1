"""The ``planwatch dataset`` commands, run as a user runs them (a real subprocess, real files)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _planwatch(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from planwatch.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def test_set_aside_lists_every_row_not_loaded_with_its_reason():
    result = _planwatch("dataset", "set-aside")
    assert result.returncode == 0, result.stderr
    assert "ganzhou_observations.csv 第26行:赣州市 机场货邮吞吐量 2024年 5814.2吨" in result.stdout
    assert "ganzhou_observations.csv 第27行:赣州市 GDP 2022年 4524亿元" in result.stdout
    assert result.stdout.count("理由:") == 2
    assert "来源行共60行:载入58行,未载入2行。" in result.stdout


def test_check_names_the_cargo_figures_and_fails_only_when_strict():
    result = _planwatch("dataset", "check")
    assert result.returncode == 0
    assert "[不一致] 赣州市机场货邮吞吐量2025年" in result.stdout
    assert "1574.5÷5814.2=27.08%" in result.stdout
    assert "共核对6条,未说明的不一致1条。" in result.stdout
    assert _planwatch("dataset", "check", "--strict").returncode == 1


@pytest.mark.slow
def test_load_twice_on_a_fresh_database_changes_nothing_the_second_time(tmp_path):
    """A fresh SQLite file in a temporary folder: the plan is loaded first, then the figures."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PLANWATCH_VAR_DIR": str(tmp_path)}
    first = _planwatch("dataset", "load", env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("真实数据:新增规划指标数据13条,未改动0条")
    second = _planwatch("dataset", "load", env=env)
    assert second.stdout.startswith("真实数据:新增规划指标数据0条,未改动13条,冲突未覆盖0条,拒收0条;"
                                    "辅助与参照数据新增0条、更新0条、未改动46条;新增一致性核查0条")


@pytest.mark.slow
def test_evaluate_as_of_2024_on_the_real_data_says_how_many_indicators_have_figures(tmp_path):
    """As of 2024 five of the 36 indicators have a figure (GDP, 规上工业增加值增速, 城镇化率, 实际使用外资,
    机场旅客); cargo's only figure is 2025. The rest must read 无数据, never an invented value."""
    if "evaluate" not in _planwatch("--help").stdout:
        pytest.skip("planwatch evaluate 尚未提供(评估开发者负责)")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"PLANWATCH_VAR_DIR": str(tmp_path)}
    assert _planwatch("dataset", "load", env=env).returncode == 0
    result = _planwatch("evaluate", "--as-of", "2024", env=env)
    assert result.returncode == 0, result.stderr
    assert "36" in result.stdout and "5" in result.stdout and "无数据" in result.stdout
    assert "4940.47" in result.stdout or "57.9%" in result.stdout
