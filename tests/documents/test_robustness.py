"""Whatever text it is given, the reader returns a plan or a ``PlanReadError`` — nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.data import GANZHOU_PLAN
from planwatch.documents import PlanReadError
from planwatch.documents.plan_reader import read_plan_text
from planwatch.plan.model import Plan

GANZHOU_LINES = GANZHOU_PLAN.read_text(encoding="utf-8").splitlines()
HEADER = "类 别 |\n指 标 |\n2021年 基期值 |\n2025年 目标值 |\n属 性 |\n"
ALPHABET = "第一二三章节专栏|。,、 \n\t年均左右约束性预期性〔〕>≥%()0123456789.注:"


def _read(text: str) -> Plan | None:
    try:
        return read_plan_text(text, source_name="fuzz.txt")
    except PlanReadError:
        return None


@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_plan_or_a_read_error(text):
    _read(text)


@given(
    st.lists(
        st.sampled_from([*ALPHABET, "  ", "预期性 |\n", "约束性 |\n", "专栏1:", "第一章 "]), max_size=200
    )
)
def test_text_made_of_the_documents_own_signs_gives_a_plan_or_a_read_error(pieces):
    _read(HEADER + "".join(pieces))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.integers(min_value=0, max_value=len(GANZHOU_LINES) - 1), max_size=40))
def test_ganzhou_plan_with_lines_missing_still_reads_or_fails_cleanly(dropped):
    plan = _read("\n".join(line for n, line in enumerate(GANZHOU_LINES) if n not in dropped))
    if plan is not None:
        assert all(i.code == f"I{n:02d}" for n, i in enumerate(plan.indicators, start=1))


PROSE_SIGNS = [
    "主要预期目标是:",
    "◆ ",
    "——",
    "增长",
    "分别增长",
    "保持在",
    "控制在",
    "城乡居民",
    "、",
    "左右",
    "以上",
    "万吨",
    "2023年",
    "2022127",
    "国发〔20213号",
    "9 .2%",
    "| 指标 | 2022年 | 2035年 | 属性 |\n",
    "| --- | --- | --- | --- |\n",
    "| ",
    " |",
    "\n",
    "其中:",
    "小学 / 初中",
    "一、",
    "(一)",
    "第一条 ",
    "## ",
    "年均/累计",
    "60.6*",
    "〔17.7〕",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PROSE_SIGNS, *"0123456789.%"]), max_size=120))
def test_text_made_of_the_new_forms_gives_a_plan_or_a_read_error(pieces):
    plan = _read("咸阳市2023年国民经济和社会发展计划\n" + "".join(pieces))
    if plan is not None:
        assert plan.indicators and all(i.name for i in plan.indicators)
