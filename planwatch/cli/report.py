"""``planwatch report final|annual --as-of 2025 --edition internal|public --format docx -o FILE``.

Takes a snapshot of the current figures (stored, so the same report can be regenerated with
``--snapshot ID``), then writes the file with a progress bar.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli._choices import Language, PlanOption
from planwatch.cli._django import setup_django
from planwatch.reports import FORMATS

Kind = StrEnum("Kind", "final annual")
Edition = StrEnum("Edition", "internal public")
Format = StrEnum("Format", FORMATS)


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    kind: Annotated[Kind, typer.Argument(help="final 总结评估报告,annual 年度监测报告")],
    as_of: Annotated[
        int | None, typer.Option("--as-of", help="评估年份,例如 2025(用 --snapshot 时可省略)")
    ] = None,
    edition: Annotated[
        Edition, typer.Option("--edition", help="internal 内部版(已审核数据),public 公开版(仅已发布数据)")
    ] = Edition.internal,
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式")] = Format.docx,
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件")] = Path("report.docx"),
    lang: Annotated[Language, typer.Option("--lang", help="报告语言:zh 中文,en 英文")] = Language.zh,
    plan: PlanOption = None,
    snapshot: Annotated[
        int | None, typer.Option("--snapshot", help="用已存的数据快照重新生成(编号见上次输出)")
    ] = None,
) -> None:
    """生成评估报告(DOCX、XLSX、PDF 或 HTML):先存数据快照,再按快照出报告。"""
    setup_django()
    from planwatch.web.reporting.generate import render
    from planwatch.web.reporting.models import ReportSnapshot
    from planwatch.web.reporting.services import ReportRefused, check_as_of
    from planwatch.web.reporting.snapshots import take_snapshot

    if snapshot is not None:
        stored = ReportSnapshot.objects.filter(pk=snapshot).first()
        if stored is None:
            typer.echo(f"错误:没有编号为 {snapshot} 的数据快照", err=True)
            raise typer.Exit(2)
    else:
        if as_of is None:
            typer.echo("错误:请用 --as-of 指定评估年份", err=True)
            raise typer.Exit(2)
        chosen = _plan(plan)
        try:
            check_as_of(chosen, as_of)
        except ReportRefused as refused:
            typer.echo(f"错误:{refused}", err=True)
            raise typer.Exit(2) from None
        stored = take_snapshot(
            chosen,
            kind=kind.value,
            as_of=as_of,
            edition=edition.value,
            user=None,
            reason="命令行生成报告",
        )
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("报告", total=1)

        def progress(done: int, total: int, step: str) -> None:
            bar.update(task, completed=done, total=total, description=step)

        files = render(stored.snapshot(), [format.value], lang.value, progress)
    output.write_bytes(files[format.value])
    typer.echo(f"已生成 {output}(数据快照 {stored.pk},指纹 {stored.fingerprint[:12]})")


def _plan(plan_id: int | None):
    from planwatch.cli.evaluate import _plan_or_exit

    return _plan_or_exit(plan_id)
