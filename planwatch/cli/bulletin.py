"""``planwatch bulletin read FILE…``: read statistical bulletins (统计公报), print or submit their figures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli import site
from planwatch.reports.formats.json import json_text

app = typer.Typer(help="统计公报:读取公报中的指标数值(附原文句子),可提交为待审核草稿。", no_args_is_help=True)


def _readings(files: list[Path], region: str | None, year: int | None, dictionary):
    from rich.progress import Progress

    from planwatch.documents.bulletin_sources import BulletinFileError, read_bulletin_file

    results = []
    with Progress(transient=True) as progress:
        task = progress.add_task("读取公报", total=len(files))
        for path in files:
            try:
                results.append(
                    (path, read_bulletin_file(path, region=region, year=year, dictionary=dictionary))
                )
            except BulletinFileError as problem:
                typer.echo(f"错误:{problem}", err=True)
                raise typer.Exit(2) from problem
            progress.advance(task)
    return results


def _table(path: Path, reading, rows: list[dict], message: str) -> None:
    """The figures read as plain text, every cell whole (``reports.formats.text``), the sentence cut at 60."""
    from planwatch.reports.formats.text import table_text

    typer.echo(f"{path.name}:{reading.title}({reading.region_name or '地区未识别'} {reading.year or '年份未识别'})")
    cells = [[
        r["indicator"],
        "" if r["value"] is None else f"{r['value']:.12g}",
        r["unit"],
        f"{r['original_value']}{r['original_unit']}",
        "" if r["growth_rate"] is None else f"{r['growth_rate']:g}",
        r["qualifier"],
        f"{r['confidence']:.2f}",
        r["sentence"][:60],
    ] for r in rows]
    typer.echo(table_text(["指标", "数值", "单位", "原文", "增速%", "限定词", "置信度", "句子"], cells), nl=False)
    typer.echo(message)
    for problem in reading.problems:
        typer.echo(f"注意:{problem}")


@app.command("read")
def read(
    files: Annotated[list[Path], typer.Argument(help="公报文件(.txt、.html、.pdf),可多个")],
    region: str = typer.Option(None, "--region", help="地区(标题中读不出时指定),如 于都县"),
    year: int = typer.Option(None, "--year", help="年份(标题中读不出时指定)"),
    output: str = typer.Option("table", "--format", help="输出格式:table 或 json"),
    all_indicators: bool = typer.Option(False, "--all", help="列出公报中识别出的全部指标,而不只是规划指标"),
    submit: bool = typer.Option(False, "--submit", help="把规划指标的数值提交为待审核草稿(需 --user)"),
    user: str = typer.Option(None, "--user", help="提交人用户名(填报单位的用户)"),
    reason: str = typer.Option("读取统计公报", "--reason", help="提交理由(写入审计记录)"),
) -> None:
    """读取统计公报,列出规划指标的数值及原文句子;加 --submit 则提交为草稿,由审核人员在网页中采用或驳回。"""
    if output not in ("table", "json"):
        typer.echo("错误:--format 只能是 table 或 json", err=True)
        raise typer.Exit(2)
    if submit and not user:
        typer.echo("错误:--submit 需要 --user 指定提交人", err=True)
        raise typer.Exit(2)
    from planwatch.documents.bulletin import for_plan, with_plan_values

    indicators, dictionary = _plan_context()
    out = []
    for path, reading in _readings(files, region, year, dictionary):
        found, message = for_plan(reading, indicators, dictionary=dictionary)
        rows = (
            [p.as_dict() for p in reading.proposals]
            if all_indicators or not indicators
            else with_plan_values(reading, found)
        )
        if output == "json":
            out.append(
                {
                    "file": str(path),
                    "title": reading.title,
                    "region": reading.region_name,
                    "year": reading.year,
                    "message": message,
                    "problems": list(reading.problems),
                    "proposals": rows,
                }
            )
        else:
            _table(path, reading, rows, message)
        if submit:
            _submit(reading, user, reason, path.name)
    if output == "json":
        typer.echo(json_text(out))


def _plan_context():
    """The loaded plan's indicators and the synonyms with the planners' additions (needs the database);
    without a database the reader still runs with the shipped synonyms and lists every indicator."""
    site.setup_django()
    from django.db import DatabaseError

    from planwatch.web.bulletins.services import dictionary, plan_indicators

    try:
        return plan_indicators(), dictionary()
    except DatabaseError:  # no database yet: reading a file needs none
        from planwatch.documents.bulletin_dictionary import default_dictionary

        return [], default_dictionary()


def _submit(reading, username: str, reason: str, file_name: str) -> None:
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from planwatch.web.bulletins.services import submit_bulletin
    from planwatch.web.core.errors import ServiceError

    account = get_user_model().objects.filter(username=username).first()
    if account is None:
        typer.echo(f"错误:没有用户 {username}", err=True)
        raise typer.Exit(2)
    try:
        bulletin, skipped = submit_bulletin(reading, user=account, reason=reason, file_name=file_name)
    except (ServiceError, PermissionDenied) as refused:
        typer.echo(f"错误:{refused}", err=True)
        raise typer.Exit(2) from refused
    for line in skipped:
        typer.echo(line)
    typer.echo(
        f"已提交《{bulletin.title}》的 {bulletin.proposals.count()} 项数据,待审核(/bulletins/{bulletin.pk}/)"
    )


def demo_step() -> None:
    """The shipped county bulletins, read through the reader and loaded as published figures."""
    from planwatch.web.bulletins.demo import load_demo_bulletins

    for line in load_demo_bulletins():
        typer.echo(line)


def register(main_app: typer.Typer) -> None:
    main_app.add_typer(app, name="bulletin")
    if demo_step not in site.DEMO_STEPS:
        site.DEMO_STEPS.append(demo_step)
