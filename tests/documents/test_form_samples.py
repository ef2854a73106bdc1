"""A 十五五 outline of 定西市 as a ruled PDF and as a DOCX (tests/data/plans/forms, written by
make_form_samples.py): the same table in both, typed here from the generator's rows.

Forms shown: 专栏1 主要指标 as the table's title (above a PDF table, the first row of a DOCX table),
类别 cells merged over two rows, 2025年基期 | 2030年目标 | 年均/累计 | 属性, a target only in the 年均/累计
column (>5, 〔12〕), 58.2* with "带*的为2024年数据", 其中:小学/初中 with two values a cell, 〔13.1〕 as a
baseline, 11.4年 / 12.3年以上, 约束性 in bold; tasks tagged with 定西市's own counties.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents import read_plan
from tests.documents.facts import indicator_facts

FORMS = Path(__file__).resolve().parent.parent / "data" / "plans" / "forms"

EXPECTED = [
    ("经济发展", "地区生产总值增长", "%", 5.5, 2025, "annual_growth", 5.0, ">", "预期性"),
    ("经济发展", "常住人口城镇化率", "%", 58.2, 2024, "level", 65.0, "", "预期性"),
    ("民生福祉", "九年义务教育巩固率", "%", 96.0, 2025, "level", 98.0, "", "约束性"),
    ("民生福祉", "九年义务教育巩固率:小学", "%", 99.0, 2025, "level", 100.0, "", "约束性"),
    ("民生福祉", "九年义务教育巩固率:初中", "%", 93.0, 2025, "level", 97.0, "", "约束性"),
    ("绿色生态", "单位地区生产总值能源消耗降低", "%", 13.1, 2025, "cumulative_reduction", 12.0, "", "约束性"),
    ("绿色生态", "劳动年龄人口平均受教育年限", "年", 11.4, 2025, "floor", 12.3, "以上", "预期性"),
]


@pytest.mark.parametrize("name", ["dingxi-15th.pdf", "dingxi-15th.docx"])
def test_the_same_fifteenth_plan_table_from_a_ruled_pdf_and_a_docx(name):
    plan = read_plan(FORMS / name)
    assert (plan.title, plan.region, plan.base_year, plan.target_year) == (
        "定西市国民经济和社会发展第十五个五年规划纲要",
        "定西市",
        2025,
        2030,
    )
    assert indicator_facts(plan) == EXPECTED
    assert plan.boxes == ()  # 专栏1 主要指标 titles the table; it is not a project box
    assert plan.warnings == ()
    (task,) = plan.chapters[0].sections[0].tasks
    assert (task.title, task.places) == ("产业基础持续夯实", ("安定区", "临洮县", "渭源县"))


def test_a_pdf_table_without_rules_is_read_from_its_column_gaps(tmp_path):
    """A borderless table: cells placed in columns, no lines drawn (matplotlib, Noto CJK embedded)."""
    import matplotlib

    matplotlib.use("pdf")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font_manager.fontManager.addfont("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    matplotlib.rcParams.update({"pdf.fonttype": 42, "font.family": "Noto Sans CJK SC"})
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.1, 0.95, "定西市国民经济和社会发展第十五个五年规划纲要", fontsize=14, va="top")
    rows = [
        ("指标", "2025年", "2030年", "属性"),
        ("常住人口城镇化率(%)", "52.4", "60", "预期性"),
        ("森林覆盖率(%)", "14.5", "16", "约束性"),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            fig.text((0.1, 0.45, 0.6, 0.75)[c], 0.88 - r * 0.03, text, fontsize=9, va="top")
    path = tmp_path / "unruled.pdf"
    fig.savefig(path)
    plt.close(fig)
    plan = read_plan(path)
    assert [(i.name, i.unit, i.baseline, i.target.value, i.attribute.value) for i in plan.indicators] == [
        ("常住人口城镇化率", "%", 52.4, 60.0, "预期性"),
        ("森林覆盖率", "%", 14.5, 16.0, "约束性"),
    ]
