"""The engine's shape: one rule per kind, named and documented arrays, a light import."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from planwatch.evaluation import kinds
from planwatch.evaluation.forecasting import t_quantile
from planwatch.evaluation.frame import KINDS
from planwatch.evaluation.series import Series


@pytest.mark.parametrize("cls", [Series, kinds.Assessment])
def test_every_field_of_the_engine_arrays_is_documented(cls):
    """Series and Assessment name every array and say what it holds in the class docstring."""
    undocumented = [f.name for f in dataclasses.fields(cls) if f"``{f.name}``" not in (cls.__doc__ or "")]
    assert undocumented == []
    assert cls.__dataclass_params__.frozen


def test_every_target_kind_has_one_rule_function():
    """Each kind is graded by exactly one function of kinds.py (assigned/unspecified: without_target)."""
    covered = [name for names, _ in kinds.RULES for name in names]
    assert sorted(covered + ["assigned", "unspecified"]) == sorted(KINDS)
    assert len(covered) == len(set(covered))
    for _, rule in kinds.RULES:
        assert rule.__doc__, rule.__name__


def test_the_table_of_rules_in_docs_names_each_function():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for _, rule in kinds.RULES:
        assert f"`kinds.{rule.__name__}`" in text
    assert "`kinds.without_target`" in text


def test_student_t_quantiles_without_scipy():
    """t₀.₉ with 1, 2 and 10 degrees of freedom: 3.077684, 1.885618, 1.372184 (published tables);
    for 1 dof the quantile is tan(0.4π) = 3.0776835; NaN for 0 or a fraction."""
    values = t_quantile(0.8, [1, 2, 10, 0, 2.5])
    assert values[:3] == pytest.approx([3.077684, 1.885618, 1.372184], abs=1e-6)
    assert values[0] == pytest.approx(np.tan(0.4 * np.pi), rel=1e-12)
    assert np.isnan(values[3:]).all()


def test_importing_the_package_for_its_words_does_not_load_pandas():
    code = ("import sys; import planwatch.evaluation as e; assert e.GRADES; "
            "print('pandas' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_engine_speaks_the_plan_models_words():
    """Target kinds, 属性 and the qualitative words come from ``planwatch.plan.model``: a plan read as
    约束性 is binding to the engine, and a kind or word added to the model is one the engine knows."""
    from planwatch.evaluation import vocabulary as v
    from planwatch.evaluation.frame import OPTIONAL_SPEC_COLUMNS
    from planwatch.plan.model import QUALITATIVE_WORDS, Attribute, TargetKind

    assert KINDS == tuple(TargetKind)
    assert v.LEVEL_KINDS <= set(KINDS) and v.RATE_KINDS <= set(KINDS)
    assert (v.BINDING, v.EXPECTED) == (Attribute.BINDING, Attribute.EXPECTED)
    assert OPTIONAL_SPEC_COLUMNS["attribute"] == Attribute.EXPECTED  # no 属性 column: 预期性, as the reader says
    assert v.QUALITATIVE_WORDS == QUALITATIVE_WORDS
