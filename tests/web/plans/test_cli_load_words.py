"""``planwatch plan load --words``: a plan's own qualitative words hold when the plan is stored, as in
``plan parse --words`` (tests/documents/test_cli_plan_parse.py). The table has no 类别 column: its
indicator's category is "" (a KeyError('') stopped the load before)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.plans.models import TargetVersion

pytestmark = pytest.mark.django_db

PLAN = (
    "定西市规划(2021—2025年)\n\n指标    2020年    2025年    属性\n森林覆盖率(%)    30    稳中求进    约束性\n"
)


def test_load_stores_the_plans_own_qualitative_word_as_a_qualitative_target(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("# 本规划的定性用语\n稳中求进\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["plan", "load", str(plan), "--words", str(words)])
    assert result.exit_code == 0, result.output
    assert "1 项指标" in result.output
    target = TargetVersion.objects.get(indicator__name="森林覆盖率")
    assert (target.kind, target.text, target.value) == ("qualitative", "稳中求进", None)
