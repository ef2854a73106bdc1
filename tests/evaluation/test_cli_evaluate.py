"""``planwatch evaluate`` on the real Ganzhou plan stored in the database, with real figures from a CSV file."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from planwatch.cli import app

DATA = Path(__file__).resolve().parent.parent / "data" / "evaluation"
runner = CliRunner()


@pytest.fixture
def ganzhou_plan(db):
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    return load_plan(read_plan(GANZHOU_PLAN), reason="测试:载入赣州规划").plan


def _run(*args: str):
    result = runner.invoke(app, ["evaluate", *args])
    return result


def test_specs_read_the_stored_plan_with_its_own_base_years(ganzhou_plan):
    from planwatch.web.plans.evaluation_inputs import indicator_specs

    specs = indicator_specs(ganzhou_plan).set_index("indicator")
    assert len(specs) == 36
    assert specs.loc["I01", ["kind", "target_value", "baseline", "base_year"]].tolist() == ["level", 5500.0, 4169.4, 2021]
    assert specs.loc["I07", "base_year"] == 2020  # "30.3 (2020)"
    assert specs.loc["I03", ["kind", "qualifier"]].tolist() == ["annual_growth", "左右"]
    assert specs.loc["I15", ["kind", "target_value", "attribute"]].tolist() == ["floor", 536.86, "约束性"]
    assert specs.loc["I15", "base_year"] == 2021  # no baseline cell: the table's base year
    assert specs.loc["I22", ["kind", "target_text"]].tolist() == ["qualitative", "量稳质升"]


def test_table_states_coverage_and_grades_real_figures(ganzhou_plan):
    """GDP: plan base 4169.4 (2021), 4940.47 (2024): 完成度 = 771.07/1330.6 = 57.9%, 时序进度 3/4 = 75% → 滞后;
    2025 needs 5500/4940.47 − 1 = 11.33%. 城镇化率 56.35 → 57.0 (2022): 0.65/3.65 = 17.8% < 25% − 5% → 滞后.
    实际使用外资 3.58 → 3.73 (+4.19%, inside ±5%) → 基本符合预期."""
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations",
                  str(DATA / "ganzhou-observations.csv"), "--region", "赣州市")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "赣州市:36项指标中3项有数据,预警0项"
    assert "I01 GDP:2024年完成度57.9%,低于时序进度75.0%;余下一年需年均增长11.33%,高于以往年均5.82%" in result.output
    assert "I23 实际使用外资金额:2022年为3.73,较基期3.58增长4.2%,处于±5%稳定区间" in result.output
    assert "I16 单位GDP能源消耗降幅:目标待省下达(按省下达任务执行);截至2024年尚无数据" in result.output


def test_json_output_carries_coverage_and_every_grade(ganzhou_plan):
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations",
                  str(DATA / "ganzhou-observations.csv"), "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["coverage"] == ["赣州市:36项指标中3项有数据,预警0项"]
    rows = {r["indicator"]: r for r in payload["results"]}
    assert len(rows) == 36
    assert rows["I01"]["grade"] == "滞后"
    assert rows["I01"]["completion"] == pytest.approx(0.579490, abs=1e-6)
    assert rows["I01"]["required_growth"] == pytest.approx(0.113254, abs=1e-6)
    assert rows["I14"]["completion"] == pytest.approx(0.178082, abs=1e-6)
    assert rows["I23"]["grade"] == "基本符合预期"
    assert rows["I16"]["grade"] == "待下达"
    assert rows["I15"]["grade"] == "无数据"


def test_csv_output_with_the_opensdg_method(ganzhou_plan):
    """GDP by Open SDG: CAGR_obs = (4940.47/4169.4)^(1/3) − 1 = 5.8193%; CAGR_req = (5500/4169.4)^(1/4) − 1 =
    7.1698%; R = 0.8117 → acceleration needed."""
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations",
                  str(DATA / "ganzhou-observations.csv"), "--format", "csv", "--method", "opensdg")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout))
    gdp = table[table.indicator == "I01"].iloc[0]
    assert gdp.opensdg_ratio == pytest.approx(0.058193 / 0.071698, abs=1e-4)
    assert gdp.opensdg_status == "acceleration needed"


def test_current_targets_include_a_province_figure_original_targets_do_not(ganzhou_plan):
    """单位GDP能源消耗降幅 (I16, binding) is 按省下达; the province sets 累计降低13.5% by 2025 (version 2).

    cuts 3.0% (2022), 2.8% (2023): 0.97 · 0.972 = 0.94284 → 累计 5.716%; 完成度 5.716/13.5 = 42.3% <
    时序进度 50% − 5% → 滞后, binding → 预警. Against the original targets it is still 待下达."""
    from planwatch.web.plans.models import TargetVersion

    indicator = ganzhou_plan.indicators.get(code="I16")
    TargetVersion.objects.create(indicator=indicator, version=2, kind="cumulative_reduction", text="累计降低13.5",
                                 value=13.5, year=2025, origin=TargetVersion.Origin.PROVINCE, reason="省下达")
    args = ["--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations", str(DATA / "province-target.csv"),
            "--format", "json"]
    current = {r["indicator"]: r for r in json.loads(_run(*args).output)["results"]}
    original = {r["indicator"]: r for r in json.loads(_run(*args, "--targets", "original").output)["results"]}
    assert current["I16"]["grade"] == "滞后"
    assert current["I16"]["warning"] is True
    assert current["I16"]["completion"] == pytest.approx(0.423407, abs=1e-6)
    assert original["I16"]["grade"] == "待下达"


def test_a_year_outside_the_plan_is_refused_as_the_report_refuses_it(ganzhou_plan):
    """Base year 2021, target 2025: an evaluation may be for 2022 to 2035. "--as-of 1990" (or a typo, 204)
    answered 36 rows of 尚无数据; it is refused by name, as the report page and ``planwatch report`` do."""
    for year in ("1990", "2021", "2036"):
        result = _run("--plan", str(ganzhou_plan.pk), "--as-of", year)
        assert (result.exit_code, result.output.strip()) == (2, "错误:评估年份须在2022—2035年之间"), year
    assert _run("--plan", str(ganzhou_plan.pk), "--as-of", "2035").exit_code == 0


def test_unknown_plan_is_refused_in_chinese(db):
    result = _run("--plan", "999", "--as-of", "2024", "--observations", str(DATA / "ganzhou-observations.csv"))
    assert result.exit_code == 2
    assert "错误:没有编号为 999 的规划" in result.output


def test_a_bad_number_in_the_csv_names_the_line_and_column(ganzhou_plan):
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations", str(DATA / "bad-value.csv"))
    assert result.exit_code == 2
    assert "错误:bad-value.csv 第3行「value」列:「4,606.2」不是有效数字" in result.output


def test_observations_from_the_database_when_no_file_is_given(ganzhou_plan):
    """With no approved observation stored, every indicator is 无数据 (or 待下达) and the count says 0;
    the plan's region '赣州' is the region list's '赣州市'."""
    from planwatch.web.places.reference import load_reference_data

    load_reference_data()
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["coverage"] == ["赣州市:36项指标中0项有数据,预警0项"]


@pytest.fixture
def real_figures(ganzhou_plan):
    """The shipped real figures, loaded and published as the first README command does."""
    from planwatch.web.realdata.services import load_dataset

    load_dataset(reason="测试:载入真实数据")
    return ganzhou_plan


def test_published_figures_from_the_database(real_figures):
    """As of 2024 five indicators have a figure. 规上工业增加值增速 has only 2023: 10%(以上) → average 10% ≥
    7.5% + 0.5 → 快于预期, resting on a qualified figure and a missing year, both said. 机场旅客吞吐量
    180.8 (2021) → 193.8 (2024): 完成度 13/119.2 = 10.9% < 75% − 5% → 滞后; 2025 needs 300/193.8 − 1 = 54.80%."""
    result = _run("--plan", str(real_figures.pk), "--as-of", "2024", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["coverage"] == ["赣州市:36项指标中5项有数据,预警0项"]
    rows = {r["indicator"]: r for r in payload["results"]}
    assert rows["I03"]["grade"] == "快于预期"
    assert "缺一个年份的数据" in rows["I03"]["reason"] and "评价依据2023年「以上」限定数" in rows["I03"]["reason"]
    assert rows["I25"]["completion"] == pytest.approx(0.109060, abs=1e-6)
    assert rows["I25"]["required_growth"] == pytest.approx(0.547988, abs=1e-6)
    assert rows["I25"]["grade"] == "滞后"


def test_revised_gdp_from_the_database_latest_or_first_release(real_figures):
    """2023 GDP: first release 4606.20, revised 4716 (约) after the census. As of 2023:
    latest → (4716 − 4169.4)/1330.6 = 41.08%; first → (4606.2 − 4169.4)/1330.6 = 32.83%."""
    args = ["--plan", str(real_figures.pk), "--as-of", "2023", "--format", "json"]
    latest = {r["indicator"]: r for r in json.loads(_run(*args).output)["results"]}
    first = {r["indicator"]: r for r in json.loads(_run(*args, "--vintage", "first").output)["results"]}
    assert latest["I01"]["completion"] == pytest.approx(0.410792, abs=1e-6)
    assert latest["I01"]["latest_qualifier"] == "约"
    assert first["I01"]["completion"] == pytest.approx(0.328273, abs=1e-6)


def test_reasons_in_english_on_request(real_figures):
    """机场旅客吞吐量 as of 2024 (see above): the same 10.9% and 54.80%, said in English; the grade word stays."""
    result = _run("--plan", str(real_figures.pk), "--as-of", "2024", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = {r["indicator"]: r for r in json.loads(result.output)["results"]}
    assert rows["I25"]["grade"] == "滞后"
    assert rows["I25"]["reason"].startswith(
        "Completion 10.9% in 2024, below the time share of 75.0%; over the remaining 1 year, "
        "average growth of 54.80% a year is needed")


def test_the_forecast_after_a_reason_is_in_the_reasons_language(real_figures):
    """The table's reason line ends with the target-year forecast and its method, in Chinese by default and in
    English with --lang en (it was Chinese in both); the figures are the same."""
    def line(*lang: str) -> str:
        result = _run("--plan", str(real_figures.pk), "--as-of", "2024", "--region", "赣州市", *lang)
        assert result.exit_code == 0, result.output
        return next(text for text in result.output.splitlines() if text.startswith("I25 机场旅客吞吐量:"))

    zh, en = line(), line("--lang", "en")
    forecast = re.search(r";目标年预测([\d.]+)\((.+)\)$", zh)
    assert forecast is not None, zh
    assert f"; forecast for the target year {forecast[1]} (" in en and "目标年预测" not in en
    chinese_method = forecast[2].split(",")[-1]
    english_method = {"对数线性趋势回归": "log-linear trend regression", "按年均增速外推": "extrapolated at the average growth rate",
                      "按线性趋势外推": "extrapolated along the linear trend"}[chinese_method]
    assert en.endswith(f"{english_method})"), en


def test_table_prints_a_qualified_latest_figure_as_chinese_puts_it(real_figures):
    """GDP 2023 after the census is "约4716" (prefix), 机场旅客吞吐量 2025 "220以上" (suffix)."""
    def table(as_of: str) -> str:  # a narrow terminal: the table cuts no cell all the same
        return runner.invoke(app, ["evaluate", "--plan", str(real_figures.pk), "--as-of", as_of],
                             env={"COLUMNS": "60"}).output

    as_of_2023 = table("2023")
    assert "约4716(2023)" in as_of_2023 and "4716约" not in as_of_2023
    assert "220以上(2025)" in table("2025")


def test_a_countys_total_is_not_graded_against_the_citys_target(ganzhou_plan, tmp_path):
    """宁都县 GDP 200 (2021) → 245.6 (2024) measured against 赣州's 5500亿元 would "need" 2139% in a year;
    a total set for the whole city is not a county's target, so the row says 无县级目标 and grades nothing.
    A rate is the same for a county: 宁都县 城镇化率 (I14) 50.0 → 53.0 against the plan's 60 (base 56.35 is
    the city's; the county's own 2021 figure is its base): completion 3.0/10.0 = 30.0%. 石城县 has one
    城镇化率 figure (2024): no base of its own, 无法评估, and no completion shown (not 0.0%)."""
    csv = tmp_path / "counties.csv"
    csv.write_text("indicator,region,year,value\nI01,宁都县,2021,200\nI01,宁都县,2024,245.6\n"
                   "I14,宁都县,2021,50.0\nI14,宁都县,2024,53.0\nI14,石城县,2024,51.0\n", encoding="utf-8")
    result = _run("--plan", str(ganzhou_plan.pk), "--as-of", "2024", "--observations", str(csv))
    assert result.exit_code == 0, result.output
    gdp = _table_row(result.output, "I01", "宁都县")
    assert "无县级目标" in gdp and not any("%" in cell for cell in gdp)
    assert "I01 宁都县 GDP:无县级目标(规划目标是全规划区域的总量,县级数值只列不评)" in result.output
    assert "30.0%" in _table_row(result.output, "I14", "宁都县")
    alone = _table_row(result.output, "I14", "石城县")
    assert "无法评估" in alone and "0.0%" not in alone


def _table_row(output: str, code: str, region: str) -> list[str]:
    """The cells of the table's line for (code, region): the table sets its cells two or more spaces apart,
    and no cell is cut."""
    for line in output.splitlines():
        cells = re.split(r" {2,}", line)
        if cells[0] == code and len(cells) > 2 and cells[2] == region:
            return cells
    raise AssertionError(f"no table row for {code} {region} in:\n{output}")
