"""The engine reads plain columns as it reads DataFrames, and ``evaluate_rows`` says what ``evaluate`` says.

The command line hands the engine lists from a database query and takes plain rows back, so that it
does not import pandas (issue 12); the pages hand it DataFrames. The two must grade alike: each case
runs the same inputs both ways and compares every column of every row. The inputs are chosen to pass
through every step that reads a table: several kinds, two regions and one without figures, a revised
figure (vintages), qualifiers (以上/约), a judgement recorded for one region, a constant-price target.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from planwatch.evaluation import InputProblem, evaluate, evaluate_rows
from planwatch.reports.formats.json import plain
from tests.evaluation.helpers import observations, spec

SPECS = [
    spec("I01", baseline=4169.4, target=5500, name="GDP", pillar="综合实力"),
    spec("I03", kind="annual_growth", baseline=8.0, target=7.0, qualifier="左右", name="规上工业增加值增速"),
    spec("I14", baseline=56.35, target=60, name="城镇化率", pillar="城乡融合", unit="%"),
    spec("I16", kind="cumulative_reduction", baseline=math.nan, target=13.5, direction="lower", name="能耗降幅"),
    spec("I22", kind="qualitative", text="量稳质升", baseline=576.47, name="外贸进出口"),
    spec("I30", kind="assigned", name="主要污染物减排量", attribute="约束性"),
    spec("I02", baseline=50000, target=60000, name="人均GDP", price_basis="可比价", price_base_year=2021),
]
OBSERVATIONS = (
    observations("I01", [(2022, 4523.63), (2023, 4716, "约"), (2024, 4940.47)])
    + observations("I01", [(2023, 4606.2)], vintage=2)  # a revision: the latest vintage counts
    + observations("I03", [(2022, 7.9), (2023, 10.0, "以上")])
    + observations("I14", [(2022, 57.0), (2023, 57.8)])
    + observations("I14", [(2021, 50.0), (2024, 53.0)], region="宁都县")
    + observations("I16", [(2022, 3.1), (2023, 2.5)])
    + observations("I22", [(2022, 580), (2023, 590)])
    + observations("I22", [(2021, 100), (2023, 102)], region="宁都县")
    + [{**row, "real_growth": growth} for row, growth in zip(
        observations("I02", [(2021, 50000), (2022, 53000), (2023, 56000)]), (None, 4.0, 5.0), strict=True)]
)
JUDGEMENTS = [{"indicator": "I22", "region": "赣州市", "year": 2023, "quality": "升", "quality_by": "市商务局",
               "measure": "高新技术产品出口占比"}]
OPTIONS = {"regions": ["赣州市", "宁都县", "石城县"], "plan_region": "赣州市", "vision_year": 2035}


def columns(rows: list[dict]) -> dict[str, list]:
    names = list(dict.fromkeys(name for row in rows for name in row))
    return {name: [row.get(name) for row in rows] for name in names}


def frame_rows(frame: pd.DataFrame) -> list[dict]:
    return [{name: plain(value) for name, value in row.items()} for row in frame.to_dict("records")]


def test_plain_columns_grade_every_row_as_a_data_frame_does():
    expected = frame_rows(evaluate(pd.DataFrame(SPECS), pd.DataFrame(OBSERVATIONS), 2024,
                                   judgements=pd.DataFrame(JUDGEMENTS), **OPTIONS))
    rows = evaluate_rows(columns(SPECS), columns(OBSERVATIONS), 2024, judgements=columns(JUDGEMENTS), **OPTIONS)
    assert len(rows) == 7 * 3  # every indicator in every region asked for
    assert [list(row) for row in rows] == [list(row) for row in expected]  # the same columns in the same order
    for got, want in zip(rows, expected, strict=True):
        for name in want:
            same = got[name] == want[name] or (isinstance(want[name], float) and math.isclose(got[name], want[name]))
            assert same, f"{want['indicator']} {want['region']} {name}: {got[name]!r} ≠ {want[name]!r}"


def test_the_plain_rows_read_as_the_worked_examples_say():
    """GDP 4169.4 → 4940.47 (2024) against 5500: completion 771.07/1330.6 = 0.5795, time share 3/4; the
    2023 figure is the revised 4606.2, not the first release 4716. 宁都县's 城镇化率 50.0 → 53.0 has its own
    base: completion 3/10. 石城县 has no figure: 无数据, and its years are None, not NaN."""
    rows = {(r["indicator"], r["region"]): r for r in evaluate_rows(
        columns(SPECS), columns(OBSERVATIONS), 2024, judgements=columns(JUDGEMENTS), **OPTIONS)}
    gdp = rows[("I01", "赣州市")]
    assert gdp["completion"] == pytest.approx(771.07 / 1330.6) and gdp["time_share"] == pytest.approx(0.75)
    assert (gdp["latest_year"], gdp["grade"]) == (2024, "滞后")
    assert type(gdp["latest_year"]) is int and type(gdp["completion"]) is float
    assert rows[("I14", "宁都县")]["completion"] == pytest.approx(0.3)
    none = rows[("I01", "石城县")]
    assert (none["grade"], none["latest_year"], none["latest_value"]) == ("无数据", None, None)
    at_2023 = {(r["indicator"], r["region"]): r for r in evaluate_rows(columns(SPECS), columns(OBSERVATIONS), 2023)}
    assert at_2023[("I01", "赣州市")]["latest_value"] == 4606.2


def test_a_data_frame_gives_the_same_plain_rows_as_plain_columns():
    from_frames = evaluate_rows(pd.DataFrame(SPECS), pd.DataFrame(OBSERVATIONS), 2024,
                                judgements=pd.DataFrame(JUDGEMENTS), **OPTIONS)
    from_columns = evaluate_rows(columns(SPECS), columns(OBSERVATIONS), 2024, judgements=columns(JUDGEMENTS),
                                 **OPTIONS)
    assert from_frames == from_columns


def test_plain_columns_of_different_lengths_are_refused_naming_them():
    table = columns(OBSERVATIONS)
    table["value"] = table["value"][:-1]
    with pytest.raises(InputProblem, match=f"各列长度不一.*year {len(OBSERVATIONS)}行、value {len(OBSERVATIONS) - 1}行"):
        evaluate_rows(columns(SPECS), table, 2024)


def test_a_missing_plain_column_is_named_as_for_a_data_frame():
    table = columns(OBSERVATIONS)
    del table["year"]
    with pytest.raises(InputProblem, match="观测值表缺少列:year"):
        evaluate_rows(columns(SPECS), table, 2024)
    specs = columns(SPECS)
    specs["target_value"][0] = "五千五百"
    with pytest.raises(InputProblem, match="「target_value」列含有非数字的值"):
        evaluate_rows(specs, columns(OBSERVATIONS), 2024)
