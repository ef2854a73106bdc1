"""Every threshold lives in the one registry, with a line of documentation, and the docs page names it."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest

from planwatch.evaluation import EvaluationSettings, setting_docs

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "planwatch" / "evaluation"


@pytest.mark.parametrize("name", [f.name for f in fields(EvaluationSettings)])
def test_every_setting_has_documentation(name):
    assert len(setting_docs()[name]) >= 10


@pytest.mark.parametrize("name", [f.name for f in fields(EvaluationSettings)])
def test_every_setting_is_explained_in_the_evaluation_docs(name):
    assert f"`{name}`" in (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [f.name for f in fields(EvaluationSettings)])
def test_every_setting_is_used_by_the_engine(name):
    code = "".join(p.read_text(encoding="utf-8") for p in ENGINE.glob("*.py") if p.name != "settings.py")
    assert re.search(rf"\.{name}\b", code), f"{name} is documented but never read"


def test_default_thresholds_are_the_published_ones():
    s = EvaluationSettings()
    assert (s.time_share_margin, s.about_tolerance, s.decimals) == (0.05, 0.01, 12)
    assert s.opensdg_thresholds == (0.95, 0.60, 0.0)
    assert s.opensdg_growth_thresholds == (0.015, 0.005, 0.0)
    assert s.unsd_thresholds == (0.95, 0.10)


def test_no_threshold_literal_is_written_into_the_engine_code():
    """The margin, the tolerances and the method thresholds are numbers only in settings.py (docstrings may
    quote them; code may not)."""
    thresholds = {0.05, 0.01, 0.005, 0.95, 0.6, 0.015, 0.1, 0.8}
    for path in ENGINE.glob("*.py"):
        if path.name in ("settings.py", "reference.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        numbers = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                   and isinstance(node.value, float)}
        assert not numbers & thresholds, f"{sorted(numbers & thresholds)} written in {path.name}"
