"""``planwatch dataset load|set-aside|check``: the shipped real figures (and the example set).

``load`` stores them (idempotent: twice changes nothing); ``set-aside`` lists every source row not
loaded, with its reason; ``check`` runs the level/change/rate consistency check on the sources.
``set-aside`` and ``check`` read the files only and need no database.
"""

from __future__ import annotations

import typer

from planwatch.cli import site
from planwatch.cli._django import setup_django
from planwatch.documents.consistency import ConsistencySettings

app = typer.Typer(help="随程序发布的真实数据:载入、未载入行、一致性核查。", no_args_is_help=True)


def _read(example: bool = False):
    from planwatch.documents.observations_csv import DatasetError, read_dataset

    try:
        return read_dataset(example=example)
    except DatasetError as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(2) from problem


def _ensure_plan() -> None:
    """The dataset maps onto the plan: load the shipped plan first when none is stored."""
    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import current_plan, load_plan

    if current_plan() is None:
        load_plan(read_plan(GANZHOU_PLAN), reason="载入真实数据前载入随程序发布的赣州规划")


@app.command("load")
def load(
    example: bool = typer.Option(False, "--example", help="载入示例数据集(虚构数字,处处标注「示例」)"),
    reason: str = typer.Option("", help="载入理由(记入审计)"),
) -> None:
    """载入随程序发布的真实数据(或 --example 示例数据);重复载入不作改动。"""
    dataset = _read(example)
    setup_django()
    from django.core.management import call_command

    from planwatch.web.core.errors import ServiceError
    from planwatch.web.realdata.services import load_dataset

    call_command("migrate", interactive=False, verbosity=0)
    _ensure_plan()
    default = "载入示例数据集(虚构,仅供试用流程)" if example else "载入随程序发布的真实数据"
    try:
        report = load_dataset(reason=reason or default, example=example, dataset=dataset)
    except ServiceError as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(2) from problem
    typer.echo(report.summary())
    for line in report.conflicts + report.refused:
        typer.echo(f"  · {line}")


@app.command("set-aside")
def set_aside(example: bool = typer.Option(False, "--example", help="示例数据集")) -> None:
    """列出未载入的每一个来源行及其理由。"""
    dataset = _read(example)
    for row in dataset.set_aside:  # plain lines, never truncated: the reasons are the point
        typer.echo(f"{row.row_ref}:{row.region} {row.source_indicator} {row.year}年 {row.value}{row.unit}")
        typer.echo(f"    理由:{row.reason}")
    loaded = dataset.source_rows() - len(dataset.set_aside)
    typer.echo(f"来源行共{dataset.source_rows()}行:载入{loaded}行,未载入{len(dataset.set_aside)}行。")


@app.command("check")
def check(
    tolerance: float = typer.Option(
        ConsistencySettings().rate_tolerance_pp, help="增速容差(百分点);默认0.1:公布增速保留一位小数"
    ),
    strict: bool = typer.Option(False, "--strict", help="有未说明的不一致时以退出码1结束(供脚本使用)"),
) -> None:
    """核对来源中所述的水平、增量与增速是否一致,列出每一条的核对算式。"""
    from planwatch.documents.observations_csv import check_stated_changes

    results = check_stated_changes(_read(), ConsistencySettings(rate_tolerance_pp=tolerance))
    open_problems = 0
    for row, result in results:
        if result.consistent:
            mark = "一致"
        elif row.explanation:
            mark = "不一致(已说明)"
        else:
            mark, open_problems = "不一致", open_problems + 1
        typer.echo(f"[{mark}] {result.message}")
        if row.explanation and not result.consistent:
            typer.echo(f"    说明:{row.explanation}")
        typer.echo(f"    来源:{row.stated.source_url}")
    typer.echo(f"共核对{len(results)}条,未说明的不一致{open_problems}条。")
    raise typer.Exit(1 if strict and open_problems else 0)


def demo_step() -> None:
    """The first README command's real-data step: load the shipped figures into the demo site."""
    from planwatch.web.realdata.services import load_dataset

    report = load_dataset(reason="演示:载入随程序发布的真实数据")
    typer.echo(report.summary())


def register(main_app: typer.Typer) -> None:
    main_app.add_typer(app, name="dataset")
    if demo_step not in site.DEMO_STEPS:
        site.DEMO_STEPS.append(demo_step)
