"""``planwatch plan parse|load``: read a plan document, print it or store it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli._django import setup_django

app = typer.Typer(help="规划文件:解析与载入。", no_args_is_help=True)
PlanFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="规划文件(.txt/.md/.pdf/.docx)")]
# One declaration for both commands: ``parse`` must read a plan exactly as ``load`` will store it.
WordList = Annotated[
    Path | None,
    typer.Option("--words", exists=True, dir_okay=False, help="本规划另用的定性目标用语(每行一个)"),
]


OutputFormat = StrEnum("OutputFormat", "json yaml table")


def _read_or_exit(path: Path, words: Path | None = None):
    # The parser, YAML and Rich load here, not at start-up: every command pays for what this module imports.
    from planwatch.documents import PlanReadError, read_plan

    try:
        extra = ()
        if words is not None:
            from planwatch.documents.vocabulary import read_word_list

            extra = read_word_list(words)
        return read_plan(path, words=extra)
    except PlanReadError as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(2) from problem


@app.command("parse")
def parse(
    file: PlanFile,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式")] = OutputFormat.table,
    words: WordList = None,
) -> None:
    """解析规划文件并打印结构化结果(指标、章节、任务、专栏);JSON 的 warnings 说明跳过了什么、为什么。"""
    plan = _read_or_exit(file, words)
    if format is OutputFormat.json:
        from planwatch.reports.formats.json import json_text

        typer.echo(json_text(plan.to_dict()))
    elif format is OutputFormat.yaml:
        import yaml

        typer.echo(yaml.safe_dump(plan.to_dict(), allow_unicode=True, sort_keys=False))
    else:
        _print_table(plan)


def _print_table(plan) -> None:
    """The indicator table as plain text, every cell whole (``reports.formats.text``), then the counts."""
    from planwatch.reports.formats.text import table_text

    typer.echo(f"{plan.title} {plan.region} 基期{plan.base_year} 目标{plan.target_year}")
    rows = [[ind.code, ind.pillar, ind.name, ind.unit, ind.baseline_text or "—", ind.target.text or "—",
             ind.target.kind.value, ind.attribute.value, ind.direction.value] for ind in plan.indicators]
    typer.echo(table_text(["编号", "类别", "指标", "单位", "基期值", "目标值", "类型", "属性", "方向"], rows), nl=False)
    sections = sum(len(c.sections) for c in plan.chapters)
    tasks = sum(len(s.tasks) for c in plan.chapters for s in c.sections)
    typer.echo(f"{len(plan.chapters)} 章, {sections} 节, {tasks} 项任务, {len(plan.boxes)} 个专栏")
    for warning in plan.warnings:
        typer.echo(f"提示:{warning}")


@app.command("load")
def load(
    file: PlanFile,
    reason: Annotated[str, typer.Option(help="载入理由(记入审计)")] = "载入规划文件",
    words: WordList = None,
) -> None:
    """解析并保存规划;同一文件重复载入不作改动,内容变化则生成新版本。"""
    plan = _read_or_exit(file, words)
    setup_django()
    from planwatch.web.plans.services import load_plan

    result = load_plan(plan, reason=reason)
    stored = result.plan
    if result.created:
        typer.echo(
            f"已载入:{stored.title} 第{stored.version}版(id={stored.pk}),{len(plan.indicators)} 项指标"
        )
    else:
        typer.echo(f"未改动:{stored.title} 第{stored.version}版(id={stored.pk})内容相同")
