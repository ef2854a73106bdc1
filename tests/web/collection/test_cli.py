"""``planwatch data import``: the upload's checks from the command line; exit status says the outcome."""

from __future__ import annotations

from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.monitoring.models import Observation
from tests.collection.helpers import XLSX_BAD
from tests.web.collection.conftest import stored_rows

GOOD = "指标,地区,年份,数值,单位,来源\n地区生产总值,于都县,2024,5603000,万元,于都县统计公报\n"
BAD = "指标,地区,年份,数值\n地区生产总值,于都县,2024,\"12,3\"\n地区生产总值,瑞金市,2019,600\n"


def run(*args: str):
    return CliRunner().invoke(app, ["data", "import", *args])


def test_import_stores_drafts_and_says_how_many(cast, assignments, tmp_path):
    """5,603,000 万元 = 560.3 亿元."""
    path = tmp_path / "于都.csv"
    path.write_text(GOOD, encoding="gb18030")
    result = run(str(path), "--user", "yudu")
    assert result.exit_code == 0, result.output
    assert "于都.csv:已导入 1 条草稿" in result.output
    obs = Observation.objects.get()
    assert (obs.value, obs.unit.name, obs.created_by, obs.status) == (560.3, "于都县人民政府", cast.yudu, "draft")


def test_bad_input_exits_non_zero_prints_every_problem_in_chinese_and_stores_nothing(cast, assignments, tmp_path):
    path = tmp_path / "于都.csv"
    path.write_text(BAD, encoding="utf-8")
    before = stored_rows()
    result = run(str(path), "--user", "yudu")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "错误 第2行 D列:数值「12,3」不是有效数字",
        "错误 第3行 A列:本单位没有填报「地区生产总值」瑞金市数据的任务",
        "错误 第3行 C列:年份 2019 不在规划期 2022–2027 内",
        "于都.csv:3 处错误,未导入任何数据",
    ]
    assert stored_rows() == before


def test_a_hostile_workbook_is_refused_by_the_command_too(cast, assignments):
    before = stored_rows()
    result = run(str(XLSX_BAD / "not-really-xlsx.xlsx"), "--user", "zhanggong")
    assert result.exit_code == 1
    assert "错误 文件「not-really-xlsx.xlsx」不是有效的 Excel(.xlsx)文件,请上传由本系统下载的模板" in result.output
    assert stored_rows() == before


def test_dry_run_checks_with_the_unit_alone_and_stores_nothing(cast, assignments, tmp_path):
    path = tmp_path / "于都.csv"
    path.write_text(GOOD, encoding="utf-8")
    before = stored_rows()
    result = run(str(path), "--unit", "于都县人民政府", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "于都.csv:检查通过,1 行可以导入(未导入)" in result.output
    assert stored_rows() == before


def test_a_real_import_needs_a_user_and_a_known_unit(cast, assignments, tmp_path):
    path = tmp_path / "于都.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert run(str(path), "--unit", "于都县人民政府").exit_code == 2
    result = run(str(path), "--unit", "不存在的单位", "--dry-run")
    assert result.exit_code == 2 and "错误:没有填报单位「不存在的单位」" in result.output
    result = run(str(tmp_path / "none.csv"), "--user", "yudu")
    assert result.exit_code == 2 and "不存在" in result.output


def test_a_user_cannot_import_for_another_unit(cast, assignments, tmp_path):
    path = tmp_path / "于都.csv"
    path.write_text(GOOD, encoding="utf-8")
    before = stored_rows()
    result = run(str(path), "--user", "ruijin", "--unit", "于都县人民政府")
    assert result.exit_code == 2 and "错误:无权为于都县人民政府导入数据" in result.output
    assert stored_rows() == before
