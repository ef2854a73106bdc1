"""The shipped dataset: every source row loaded or set aside with a reason, mapped by name, units converted."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from planwatch.data import GANZHOU_PLAN
from planwatch.documents.observations_csv import (
    OBSERVATIONS_DIR,
    DatasetError,
    check_stated_changes,
    read_dataset,
)

SHARED = Path("/work/shared/data")
SOURCE_FILES = ("ganzhou_observations.csv", "reference_national.csv")
FAULTS = Path(__file__).parent / "data"
PLAN_INDICATORS_WITH_FIGURES = {
    "GDP", "规模以上工业增加值增速", "实际使用外资金额", "常住人口城镇化率", "机场旅客吞吐量", "机场货邮吞吐量",
}


@pytest.fixture(scope="module")
def dataset():
    return read_dataset()


def _data_lines(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


@pytest.mark.skipif(not SHARED.exists(), reason="the shared data folder is only on the development machine")
def test_shipped_source_files_are_unchanged_copies_of_the_shared_files():
    for name in SOURCE_FILES:
        assert (OBSERVATIONS_DIR / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_every_source_row_is_loaded_or_set_aside_with_a_reason(dataset):
    """26 Ganzhou rows + 34 reference rows = 60 = loaded (not derived) + set aside; each line exactly once."""
    lines = {name: _data_lines(OBSERVATIONS_DIR / name) for name in SOURCE_FILES}
    assert lines == {"ganzhou_observations.csv": 26, "reference_national.csv": 34}
    refs = [o.row_ref for o in dataset.observations if not o.derived] + [s.row_ref for s in dataset.set_aside]
    expected = [f"{name} 第{line}行" for name, n in lines.items() for line in range(2, n + 2)]
    assert sorted(refs) == sorted(expected)
    assert all(s.reason for s in dataset.set_aside)


def test_the_set_aside_rows_are_the_rounded_duplicate_and_the_figure_derived_from_a_contradiction(dataset):
    reasons = {(s.source_indicator, s.year, s.value): s.reason for s in dataset.set_aside}
    assert set(reasons) == {("GDP", "2022", "4524"), ("机场货邮吞吐量", "2024", "5814.2")}
    assert "同一数值" in reasons[("GDP", "2022", "4524")]
    assert "自相矛盾" in reasons[("机场货邮吞吐量", "2024", "5814.2")]


def test_both_vintages_of_gdp_2023_are_kept(dataset):
    """First release 4606.20; revised ≈ 4940.47 ÷ 1.0476 = 4715.99 → 约4716 (range 4715.76–4716.21 from 4.76% ± 0.005)."""
    gdp_2023 = sorted((o for o in dataset.of_kind("plan") if (o.indicator, o.year) == ("GDP", 2023)),
                      key=lambda o: o.vintage)
    first, revised = gdp_2023
    assert (first.vintage, first.value, first.qualifier, first.derived) == (1, 4606.2, "", False)
    assert (revised.vintage, revised.value, revised.qualifier, revised.derived) == (2, 4716.0, "约", True)
    assert "4940.47÷(1+4.76%)=4715.99≈4716亿元" in revised.note
    assert "4715.76–4716.21" in revised.note
    assert revised.source == "https://sdzhengyuanfeiye.com/11/4327.html"
    assert "4940.47" in revised.quote and "名义增速4.76%" in revised.quote


def test_cargo_is_converted_to_the_plans_unit_with_the_original_kept(dataset):
    """7388.7 吨 ÷ 10000 = 0.73887 万吨 (plan baseline 0.46 万吨, target 1)."""
    (cargo,) = [o for o in dataset.of_kind("plan") if o.indicator == "机场货邮吞吐量"]
    assert (cargo.value, cargo.unit, cargo.original_value, cargo.original_unit) == (0.73887, "万吨", "7388.7", "吨")


def test_only_real_plan_indicators_are_labelled_as_plan_indicators(dataset):
    assert {o.indicator for o in dataset.of_kind("plan")} == PLAN_INDICATORS_WITH_FIGURES
    auxiliary = {o.indicator for o in dataset.of_kind("auxiliary")}
    assert {"进出口总额", "年末常住人口", "GDP增速(可比价)", "GDP名义增速"} <= auxiliary
    assert "出口总额" not in {o.indicator for o in dataset.observations}


def test_plan_mapped_names_and_units_are_the_plans_own():
    from planwatch.documents import read_plan

    plan = read_plan(GANZHOU_PLAN)
    units = {i.name: i.unit for i in plan.indicators}
    for folder in (OBSERVATIONS_DIR, OBSERVATIONS_DIR / "example"):
        with (folder / "indicator-map.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["action"] == "plan":
                    assert units.get(row["target"]) == row["target_unit"], row


def test_reference_series_are_for_the_nation_and_the_province_only(dataset):
    assert {o.region for o in dataset.of_kind("reference")} == {"全国", "江西省"}
    assert {o.region for o in dataset.of_kind("plan") + dataset.of_kind("auxiliary")} == {"赣州市"}


def test_jiangxi_gdp_revisions_are_separate_vintages(dataset):
    rows = {(o.year, o.vintage): o.value for o in dataset.of_kind("reference")
            if (o.indicator, o.region) == ("GDP", "江西省")}
    assert rows[(2023, 1)] == 32200.1 and rows[(2023, 2)] == 32677.1
    assert rows[(2021, 1)] == 29619.7 and rows[(2021, 2)] == 29827.8
    assert rows[(2020, 1)] == 25691.5 and rows[(2020, 2)] == 25781.95


def test_qualifiers_are_kept_with_the_value(dataset):
    by_key = {(o.indicator, o.year): o.qualifier for o in dataset.observations if o.vintage == 1}
    assert by_key[("规模以上工业增加值增速", 2023)] == "以上"
    assert by_key[("GDP增速(可比价)", 2023)] == "左右"
    assert by_key[("社会消费品零售总额增速", 2023)] == "以上"
    assert by_key[("城镇居民人均可支配收入增速", 2023)] == "左右"
    assert by_key[("农村居民人均可支配收入增速", 2023)] == "左右"
    assert by_key[("机场旅客吞吐量", 2025)] == "以上"  # a milestone, so a lower bound (row-decisions.csv)
    assert by_key[("GDP", 2024)] == ""


def test_every_source_note_naming_a_qualifier_agrees_with_the_qualifier_read(dataset):
    for obs in dataset.observations:
        for word in ("左右", "以上"):
            if f"qualifier {word}" in obs.note or f"; {word}" in obs.note:
                assert obs.qualifier == word, obs.row_ref


def test_every_loaded_figure_is_printed_in_its_quote(dataset):
    """The quote holds the number as published (thousands separators aside); one exception: 140兆元 = 1400000亿元."""
    missing = [o.row_ref for o in dataset.observations if not o.derived
               and o.original_value not in o.quote.replace(",", "")]
    assert missing == ["reference_national.csv 第11行"]


def test_every_row_keeps_its_source_address_and_quote(dataset):
    for obs in dataset.observations:
        assert obs.source.startswith("http") and obs.quote, obs.row_ref


def test_the_cargo_statement_is_inconsistent_and_the_gdp_one_is_explained_by_the_revision(dataset):
    verdicts = {(r.stated.indicator, r.stated.year): (res.consistent, bool(r.explanation))
                for r, res in check_stated_changes(dataset)}
    assert verdicts[("机场货邮吞吐量", 2025)] == (False, False)
    assert verdicts[("GDP", 2024)] == (False, True)
    assert [k for k, (ok, explained) in verdicts.items() if not ok and not explained] == [("机场货邮吞吐量", 2025)]


def test_a_unit_that_cannot_be_converted_is_set_aside_with_the_reason():
    dataset = read_dataset(FAULTS / "unit-not-convertible")
    reasons = {s.source_indicator: s.reason for s in dataset.set_aside}
    assert reasons["GDP"] == "单位「吨」无法换算为「亿元」(目标「GDP」)"
    assert reasons["出口总额增速"] == "映射表 indicator-map.csv 中没有「出口总额增速」,未载入"
    assert [o.value for o in dataset.observations] == [0.73887]


def test_a_value_that_is_not_a_number_names_file_row_and_column():
    with pytest.raises(DatasetError, match="^obs.csv 第2行 value列:数值「4940,47」不是有效数字$"):
        read_dataset(FAULTS / "not-a-number")


def test_two_rows_for_one_cell_must_be_decided_explicitly():
    with pytest.raises(DatasetError, match="obs.csv 第3行 与 obs.csv 第2行 是同一指标、地区、年份、版次"):
        read_dataset(FAULTS / "duplicate-cell")


def test_a_decision_for_a_row_that_no_longer_exists_is_refused():
    with pytest.raises(DatasetError, match="^row-decisions.csv 第2行:没有对应的来源行"):
        read_dataset(FAULTS / "stale-decision")


def test_the_example_set_is_flagged_and_never_shares_a_cell_with_real_figures(dataset):
    example = read_dataset(example=True)
    assert example.example and all(o.example for o in example.observations)
    assert not any(o.example for o in dataset.observations)
    real_cells = {(o.indicator, o.region, o.year) for o in dataset.of_kind("plan")}
    assert not real_cells & {(o.indicator, o.region, o.year) for o in example.observations}
    assert all("示例" in o.source and "示例" in o.quote for o in example.observations)


def test_an_example_row_without_the_example_mark_is_refused():
    with pytest.raises(DatasetError, match="^obs.csv 第2行:示例数据的来源或摘录必须注明「示例」$"):
        read_dataset(FAULTS / "example-without-mark", example=True)
