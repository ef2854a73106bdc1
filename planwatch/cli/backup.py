"""``planwatch backup FILE`` and ``planwatch restore FILE``: the database and uploaded files, checked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli._django import setup_django


def register(root: typer.Typer) -> None:
    root.command("backup")(backup)
    root.command("restore")(restore)


def backup(
    file: Annotated[Path, typer.Argument(dir_okay=False, help="备份文件(.zip),已存在则覆盖")],
) -> None:
    """备份数据库全部数据和上传的文件(带清单和校验和),可在同一版本的系统上恢复。"""
    setup_django()
    from planwatch.web.core.backup import create_backup

    summary = create_backup(file)
    typer.echo(f"已备份 {summary.total_rows} 行数据({len(summary.rows)} 张表)、{summary.files} 个文件到 {file}")


def restore(
    file: Annotated[Path, typer.Argument(dir_okay=False, help="由 planwatch backup 生成的备份文件")],
    yes: Annotated[bool, typer.Option("--yes", help="不再询问,直接用备份替换当前全部数据")] = False,
) -> None:
    """用备份替换当前数据库的全部数据和上传的文件;备份损坏或不是本系统的则拒绝,且不改动任何数据。"""
    setup_django()
    from planwatch.web.core.backup import BackupError, inspect_backup, restore_backup

    try:
        manifest = inspect_backup(file)
        if not yes:
            typer.confirm(f"备份生成于 {manifest['created_at']};恢复将替换当前全部数据,继续吗?", abort=True)
        summary = restore_backup(file)
    except BackupError as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(1) from problem
    typer.echo(f"已恢复 {summary.total_rows} 行数据、{summary.files} 个文件(备份生成于 {summary.created_at})")
