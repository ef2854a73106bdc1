"""``planwatch evaluate --plan ID --as-of 2024``: grade every indicator of a stored plan.

The plan's indicators and targets come from the database; the observations from the monitoring app
(approved and published figures) or, with ``--observations FILE.csv``, from a file with the columns
``indicator,region,year,value[,vintage,qualifier]``. Output as a table, JSON or CSV, graded by the
national method (cn) or by Open SDG or the UN progress chart.

The command is asked often and for a plan's few hundred rows, so it starts Django without the apps that
only pages use (``setup_django(pages=False)``) and hands the engine plain columns: pandas is imported
only for ``--observations``, ``--summary`` and ``--vision`` (issue 12: under 0.6 s on the demo database).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planwatch.cli._choices import Language, PlanOption
from planwatch.cli._django import setup_django
from planwatch.documents.qualifiers import format_qualified
from planwatch.evaluation.vocabulary import NOT_ASSESSABLE

if TYPE_CHECKING:
    import pandas as pd

# pandas and NumPy are imported where they are used, not here: every command of ``planwatch`` imports
# this module at start-up (tests/cli/test_startup.py holds it to that).

Row = dict  # one output row of ``planwatch.evaluation.evaluate_rows``


Method = StrEnum("Method", "cn opensdg unsd")
Format = StrEnum("Format", "table json csv")
Targets = StrEnum("Targets", "current original")
Vintage = StrEnum("Vintage", "latest first")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)


def evaluate(
    as_of: Annotated[int, typer.Option("--as-of", help="评估年份,例如 2024")],
    plan: PlanOption = None,
    region: Annotated[list[str] | None, typer.Option(
        "--region", help="地区名称,可重复;默认为规划区域和有数据的全部地区")] = None,
    method: Annotated[Method, typer.Option("--method", help="评估方法:cn 国内中期评估口径,opensdg,unsd")] = Method.cn,
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.table,
    targets: Annotated[Targets, typer.Option(
        "--targets", help="目标版本:current 现行(含调整),original 规划原文")] = Targets.current,
    observations: Annotated[Path | None, typer.Option(
        "--observations", exists=True, dir_okay=False, help="观测值 CSV(不读数据库中的观测值)")] = None,
    vintage: Annotated[Vintage, typer.Option("--vintage", help="latest 最新修订值,first 初次发布值")] = Vintage.latest,
    summary: Annotated[bool, typer.Option(
        "--summary", help="另列各类别及全规划的等级计数、预警数和 Open SDG 平均得分(csv 格式时只输出汇总表)")] = False,
    vision: Annotated[bool, typer.Option(
        "--vision", help="另列2035年远景:人均GDP与全国之比、趋势和每年须快于全国的幅度")] = False,
    national: Annotated[Path | None, typer.Option(
        "--national", exists=True, dir_okay=False,
        help="全国人均GDP CSV(year,value 列);默认读数据库中的参照数据")] = None,
    lang: Annotated[Language, typer.Option(
        "--lang", help="评价理由和方法分歧说明的语言:zh 中文,en 英文(等级词不变)")] = Language.zh,
) -> None:
    """评估规划各项指标:完成度、时序进度、评价等级、预警与理由。"""
    from planwatch.evaluation import InputProblem, evaluate_rows

    setup_django(pages=False)
    stored = _plan_or_exit(plan)
    _check_year(stored, as_of)
    from planwatch.web.plans.evaluation_inputs import indicator_spec_columns, quality_judgement_columns

    specs = indicator_spec_columns(stored, targets=targets.value)
    frame = _observations(stored, observations, region or None, vintage.value)
    names = _regions(stored.region, region or [], frame)
    own = _plan_region(stored.region, names)
    try:
        results = evaluate_rows(specs, frame, as_of, vintage=vintage.value, regions=names, plan_region=own,
                                vision_year=stored.vision_year, judgements=quality_judgement_columns(stored),
                                language=lang.value)
    except InputProblem as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(2) from problem
    coverage = _coverage(results, len(specs["indicator"]))
    extras = Extras()
    if summary:
        from planwatch.evaluation import summarize
        from planwatch.evaluation.tables import as_frame

        extras.summary = summarize(results, as_frame(specs))
    if vision:
        from planwatch.cli.evaluate_extras import vision as vision_of
        from planwatch.evaluation.tables import as_frame

        extras.vision, extras.vision_missing = vision_of(as_frame(specs), as_frame(frame), own or names[0], as_of,
                                                         stored.vision_year or 2035, national)
    unmeasured = _county_totals(stored, specs, results, own)
    _print(results, coverage, stored, as_of, method, format, extras, unmeasured, lang.value)


def _county_totals(plan, specs: dict[str, list], results: list[Row], plan_region: str | None) -> dict:
    """{(indicator, county): why} for a county's row of a total the plan sets for its whole region (亿元,
    万亩 …): measured against that target a county's GDP "needs 117% a year". The table grades none of
    them, as the county comparison does (reports.counties), and says why: 无县级目标, or where a planner
    entered a county target, that the county comparison grades it."""
    from planwatch.reports.counties import shares_plan_target
    from planwatch.web.reporting.models import CountyTarget

    own = set(CountyTarget.objects.filter(indicator__plan=plan).values_list("indicator__code", "region__name"))
    totals = {str(code) for code, kind, name, unit in zip(specs["indicator"], specs["kind"], specs["name"],
                                                          specs["unit"], strict=True)
              if not shares_plan_target(kind, name, unit or "")}
    # A county row without figures stays 无数据.
    rows = {(str(r["indicator"]), str(r["region"])) for r in results if r["observations"]}
    return {(code, region): "有县级目标,见县域比较" if (code, region) in own else "无县级目标"
            for code, region in rows if code in totals and region != plan_region}


def _plan_or_exit(plan_id: int | None):
    from planwatch.web.plans.models import Plan
    from planwatch.web.plans.services import current_plan

    if plan_id is None:
        stored = current_plan()
        if stored is None:
            typer.echo("错误:尚未载入规划(planwatch plan load 或 planwatch dataset load)", err=True)
            raise typer.Exit(2)
        return stored
    stored = Plan.objects.filter(pk=plan_id).first()
    if stored is None:
        typer.echo(f"错误:没有编号为 {plan_id} 的规划", err=True)
        raise typer.Exit(2)
    return stored


def _check_year(plan, as_of: int) -> None:
    """Refuse a year no evaluation of the plan can be for, in the words the report page uses."""
    from django.utils.translation import gettext as _

    from planwatch.evaluation.settings import evaluation_years

    years = evaluation_years(plan.base_year, plan.target_year)
    if as_of not in years:
        message = _("评估年份须在%(first)s—%(last)s年之间") % {"first": years[0], "last": years[-1]}
        typer.echo(f"错误:{message}", err=True)
        raise typer.Exit(2)


def _observations(plan, path: Path | None, regions: list[str] | None, vintage: str) -> pd.DataFrame | dict[str, list]:
    """The file's rows (a DataFrame: pandas reads the CSV and names a bad line) or the stored figures as plain
    columns (no pandas)."""
    if path is not None:
        return _read_csv(path)
    from planwatch.web.monitoring.queries import observation_columns

    return observation_columns(plan, regions=regions, vintage=vintage)


def _read_csv(path: Path) -> pd.DataFrame:
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype={"indicator": str, "region": str, "qualifier": str}, keep_default_na=False,
                            na_values={"value": ["", "NA", "NaN"]})
    except (pd.errors.ParserError, UnicodeDecodeError) as problem:
        typer.echo(f"错误:{path.name}:不是有效的 UTF-8 CSV 文件({problem})", err=True)
        raise typer.Exit(2) from problem
    missing = [c for c in ("indicator", "region", "year", "value") if c not in frame.columns]
    if missing:
        typer.echo(f"错误:{path.name}:缺少列 {'、'.join(missing)}", err=True)
        raise typer.Exit(2)
    for column in ("year", "value"):
        numbers = pd.to_numeric(frame[column], errors="coerce")
        bad = numbers.isna()
        if bad.any():
            row = int(bad.idxmax()) + 2  # the header is line 1
            typer.echo(f"错误:{path.name} 第{row}行「{column}」列:「{frame[column][bad.idxmax()]}」不是有效数字", err=True)
            raise typer.Exit(2)
    return frame


def _regions(plan_region: str, asked: list[str], frame: pd.DataFrame | dict[str, list]) -> list[str]:
    if asked:
        return list(dict.fromkeys(asked))
    seen = list(dict.fromkeys(str(r) for r in frame["region"]))
    own = _plan_region(plan_region, seen) or _registered_name(plan_region) or plan_region
    return [own, *[r for r in seen if r != own]]


def _registered_name(plan_region: str) -> str | None:
    """The region list's name for the plan's region (as the pages find it: name, short name or code)."""
    from planwatch.web.places.reference import find_region

    region = find_region(plan_region)
    return region.name if region is not None else None


def _plan_region(plan_region: str, names: list[str]) -> str | None:
    """The region the plan's baselines belong to: '赣州' in the plan is '赣州市' in the region list."""
    if plan_region in names:
        return plan_region
    candidates = [n for n in names if n.startswith(plan_region) and n[len(plan_region):] in ("市", "州", "地区", "盟")]
    return candidates[0] if candidates else None


def _coverage(results: list[Row], total: int) -> list[str]:
    with_data: dict[str, int] = {}
    warnings: dict[str, int] = {}
    for row in results:
        region = str(row["region"])
        with_data[region] = with_data.get(region, 0) + (row["observations"] > 0)
        warnings[region] = warnings.get(region, 0) + bool(row["warning"])
    return [f"{region}:{total}项指标中{count}项有数据,预警{warnings[region]}项" for region, count in with_data.items()]


COLUMNS = {
    Method.cn: ["completion", "time_share", "actual_growth", "required_growth", "required_points", "grade", "warning", "reason",
                "forecast_method", "forecast_value", "forecast_low", "forecast_high"],
    Method.opensdg: ["opensdg_ratio", "opensdg_status", "opensdg_score", "grade", "methods_disagree"],
    Method.unsd: ["unsd_ratio", "unsd_status", "projected_by_growth", "grade", "methods_disagree"],
}
BASE = ["indicator", "name", "region", "latest_year", "latest_value", "latest_qualifier"]


@dataclass
class Extras:
    """What ``--summary`` and ``--vision`` add to the output (None when not asked for)."""

    summary: pd.DataFrame | None = None
    vision: object = None  # planwatch.evaluation.VisionGap
    vision_missing: str = ""

    def lines(self) -> list[str]:
        out = []
        if self.summary is not None:
            from planwatch.cli.evaluate_extras import summary_lines

            out += ["汇总(各类别及全规划):", *summary_lines(self.summary)]
        if self.vision is not None:
            out.append(f"2035年远景:{self.vision.reason}")
        elif self.vision_missing:
            out.append(f"2035年远景:{self.vision_missing}")
        return out

    def payload(self) -> dict:
        from planwatch.reports.formats.json import plain

        out: dict = {}
        if self.summary is not None:
            from planwatch.cli.evaluate_extras import summary_records

            out["summary"] = summary_records(self.summary)
        if self.vision is not None:
            v = self.vision
            out["vision"] = {"latest_year": v.latest_year, "city": v.city, "national": v.national, "ratio": v.ratio,
                             "trend": plain(v.trend), "projected_ratio": plain(v.projected_ratio),
                             "required_gap": plain(v.required_gap), "goal": v.goal,
                             "vision_year": v.vision_year, "reason": v.reason}
        elif self.vision_missing:
            out["vision"] = {"missing": self.vision_missing}
        return out


def _print(results: list[Row], coverage, plan, as_of, method: Method, format: Format, extras: Extras,
           unmeasured: dict | None = None, language: str = "zh") -> None:
    from planwatch.reports.formats import csv as csv_format
    from planwatch.reports.formats import json as json_format

    columns = BASE + COLUMNS[method]
    chosen = [{name: row[name] for name in columns} for row in results]
    if format is Format.json:
        payload = {"plan": plan.title, "plan_id": plan.pk, "as_of": as_of, "method": method.value,
                   "coverage": coverage, "results": [json_format.plain_record(r) for r in chosen],
                   **extras.payload()}
        typer.echo(json_format.json_text(payload))
    elif format is Format.csv:
        for line in coverage:
            typer.echo(line, err=True)
        if extras.vision is not None or extras.vision_missing:
            typer.echo(extras.lines()[-1], err=True)
        # Through the CSV writer like every CSV Planwatch writes: formula-like text stays text.
        if extras.summary is not None:
            sys.stdout.write(csv_format.frame_text(extras.summary))
        else:
            sys.stdout.write(csv_format.records_text(columns, chosen))
    else:
        _table(chosen, coverage, plan, as_of, method, unmeasured or {}, language)
        for line in extras.lines():
            typer.echo(line)


def _table(chosen: list[Row], coverage, plan, as_of: int, method: Method, unmeasured: dict, language: str) -> None:
    """Key figures in a table, then one reason line per indicator (long sentences would be cut in a cell)."""
    from planwatch.reports.formats.text import table_text

    for line in coverage:
        typer.echo(line)
    typer.echo(f"{plan.title}(第{plan.version}版)评估年份 {as_of},方法 {method.value}")
    many = len({row["region"] for row in chosen}) > 1
    headers = {
        Method.cn: ["完成度", "时序进度", "需年均增速", "评价", "预警"],
        Method.opensdg: ["进展比R", "状态", "得分", "国内评价", "不一致"],
        Method.unsd: ["CR", "状态", "目标年预测", "国内评价", "不一致"],
    }[method]
    lines = []
    for row in chosen:
        value = row["latest_value"]
        latest = "—" if value is None else f"{format_qualified(f'{value:g}', row['latest_qualifier'])}({row['latest_year']})"
        why = unmeasured.get((str(row["indicator"]), str(row["region"])))
        cells = ["—"] * (len(headers) - 2) + [why, ""] if why else _cells(row, method)
        lines.append([row["indicator"], row["name"], *([row["region"]] if many else []), latest, *cells])
    sys.stdout.write(table_text(["编号", "指标", *(["地区"] if many else []), "最新值(年)", *headers], lines))
    if method is Method.cn:
        for row in chosen:
            where = f"{row['region']} " if many else ""
            why = unmeasured.get((str(row["indicator"]), str(row["region"])))
            said = f"{why}(规划目标是全规划区域的总量,县级数值只列不评)" if why else f"{row['reason']}{_forecast_note(row, language)}"
            typer.echo(f"{row['indicator']} {where}{row['name']}:{said}")


def _forecast_note(row: Row, language: str) -> str:
    """";目标年预测160.00(80%区间158.10—161.90,Holt线性趋势(ETS))" — the method always named, in the
    language of the reason it follows (``--lang``)."""
    from planwatch.evaluation import DEFAULT_SETTINGS
    from planwatch.evaluation.forecasting import FORECAST_METHOD_KEYS
    from planwatch.evaluation.phrases import phrasebook
    from planwatch.reports.formatting import format_number

    if not row["forecast_method"] or row["forecast_value"] is None:
        return ""
    say = phrasebook(language)
    level = f"{DEFAULT_SETTINGS.forecast_level * 100:g}%"
    low, high = format_number(row["forecast_low"], 2), format_number(row["forecast_high"], 2)
    interval = "" if row["forecast_low"] is None else say.forecast_interval.format(level, low, high)
    method = say.forecast_methods[FORECAST_METHOD_KEYS.index(row["forecast_method"])]
    return say.forecast_note.format(format_number(row["forecast_value"], 2), interval, method)


def _cells(row: Row, method: Method) -> list[str]:
    from planwatch.reports.formatting import (  # NumPy: not at start-up
        format_number,
        format_per_year,
        format_percent,
    )

    if method is Method.cn:
        required = format_per_year(row["required_growth"], row["required_points"], rate_decimals=2)
        # 无法评估: no base of its own to measure from, so no completion or time share to show (as the county
        # comparison shows it), not 0.0%.
        measured = str(row["grade"]) != NOT_ASSESSABLE
        return [format_percent(row["completion"]) if measured else "—", format_percent(row["time_share"]) if measured else "—",
                required, str(row["grade"]), "预警" if row["warning"] else ""]
    if method is Method.opensdg:
        return [format_number(row["opensdg_ratio"], 2), str(row["opensdg_status"]), format_number(row["opensdg_score"], 2),
                str(row["grade"]), "是" if row["methods_disagree"] else ""]
    return [format_number(row["unsd_ratio"], 2), str(row["unsd_status"]), format_number(row["projected_by_growth"], 2),
            str(row["grade"]), "是" if row["methods_disagree"] else ""]
