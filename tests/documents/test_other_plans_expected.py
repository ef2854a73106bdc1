"""The shared documents of other plans (tests/data/plans/other, copied from the project's shared set)
against their expected tables, every field, in every format given.

The expected files name target kinds in their own words; ours are ``TargetKind`` plus the qualifier
(a "<" floor is a ceiling, a ">" yearly rate a least rate). ``KIND`` maps ours to theirs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planwatch.documents import read_plan
from planwatch.documents.plan_reader import read_plan_text
from planwatch.documents.targets import is_upper_bound

OTHER = Path(__file__).resolve().parent.parent / "data" / "plans" / "other"
UPPER = {"<", "＜", "<=", "≤", "不超过", "不高于", "低于", "以内", "以下"}


def expected_kind(indicator) -> str:
    target = indicator.target
    kind = target.kind.value
    if kind == "floor":
        return "ceiling" if is_upper_bound(target) else "floor"
    if kind == "annual_growth":
        if target.qualifier in {">", "＞", "≥", ">=", "以上", "不低于"}:
            return "annual_growth_min"
        if target.qualifier in UPPER:
            return "annual_growth_max"
        return "annual_growth"
    return {"cumulative": "cumulative_increase"}.get(kind, kind)


def _rows(plan):
    return [
        {
            "category": i.pillar,
            "name": i.name,
            "unit": i.unit,
            "base_year": i.baseline_year,
            "baseline": i.baseline,
            "target_kind": expected_kind(i),
            "target": i.target.value,
            "attribute": i.attribute.value,
        }
        for i in plan.indicators
    ]


def _expected(stem: str, with_text: bool = False):
    data = json.loads((OTHER / f"{stem}.expected.json").read_text(encoding="utf-8"))
    rows = [{k: v for k, v in row.items() if k != "text"} for row in data["indicators"]]
    return data, rows


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_national_14th_outline_table_in_every_format(suffix):
    plan = read_plan(OTHER / f"national-14th-outline-table{suffix}")
    data, rows = _expected("national-14th-outline-table")
    assert (plan.base_year, plan.target_year) == (data["base_year"], data["target_year"])
    assert _rows(plan) == rows
    # the targets found only in the 年均/累计 column keep their printed form
    assert [i.target.text for i in plan.indicators[12:15]] == ["〔1〕", "〔13.5〕", "〔18〕"]


def test_xianyang_annual_plan_targets_from_prose_with_their_phrase_and_sentence():
    plan = read_plan(OTHER / "xianyang-2023-annual-plan.txt")
    data, rows = _expected("xianyang-2023-annual-plan")
    assert (plan.title, plan.region) == ("咸阳市2023年国民经济和社会发展计划", "咸阳市")
    assert (plan.base_year, plan.target_year) == (data["base_year"], data["target_year"])
    assert _rows(plan) == rows
    assert [i.target.text for i in plan.indicators] == [row["text"] for row in data["indicators"]]
    assert plan.indicators[-1].source == "粮食产量保持在180万吨以上。"
    assert plan.warnings == ("没有主要指标表：从正文读出 9 项目标（每项附原句）",)


def _one_cell_per_line() -> str:
    """The national table's text as a PDF-to-text tool gives it: one cell a line, no separators, two long
    cells wrapped over two lines."""
    lines = []
    for line in (OTHER / "national-14th-outline-table.txt").read_text(encoding="utf-8").splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        lines.extend(cells if len(cells) > 1 else [line])
    text = "\n".join(lines)
    text = text.replace("保持在合理区间、各年度视情提出", "保持在合理区间、各年\n度视情提出")
    return text.replace("15.单位GDP二氧化碳排放降低(%)", "15.单位GDP二氧化碳\n排放降低(%)")


def test_national_table_as_one_cell_per_line_with_wrapped_cells():
    plan = read_plan_text(_one_cell_per_line(), source_name="national-cells.txt")
    _, rows = _expected("national-14th-outline-table")
    assert _rows(plan) == rows
    assert plan.indicators[0].target.text == "保持在合理区间、各年度视情提出"
    assert plan.warnings == ()
