"""``planwatch data import FILE``: the upload page for scripts — the same checks, all or nothing.

Problems are printed in Chinese, one per line with row and column, and the exit status says what
happened: 0 imported (or, with ``--dry-run``, would import), 1 refused (nothing stored), 2 the
command itself was wrong (no such file, user or unit). The ``data`` group is shared with the
monitoring commands (``setup-reference``, ``overdue``, ``remind``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli._django import setup_django
from planwatch.cli._groups import data_group


def register(app: typer.Typer) -> None:
    data_group(app).command("import")(import_file)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误:{message}", err=True)
    return typer.Exit(2)


def _resolve(user_name: str | None, unit_name: str | None):
    from django.contrib.auth import get_user_model

    from planwatch.web.places.models import Unit
    from planwatch.web.places.permissions import unit_of

    user = None
    if user_name:
        user = get_user_model().objects.filter(username=user_name).first()
        if user is None:
            raise _fail(f"没有用户「{user_name}」")
    if unit_name:
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            raise _fail(f"没有填报单位「{unit_name}」")
    else:
        unit = unit_of(user) if user else None
        if unit is None:
            raise _fail("请用 --unit 指定填报单位(或用 --user 指定一位属于该单位的填报人)")
    return user, unit


def import_file(
    file: Annotated[Path, typer.Argument(help="填好的 .xlsx 模板或 .csv 文件")],
    unit: Annotated[str | None, typer.Option("--unit", help="填报单位名称,默认为 --user 所在单位")] = None,
    user: Annotated[str | None, typer.Option("--user", help="导入人(用户名,记入审计);正式导入必填")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查,不导入")] = False,
    reason: Annotated[str, typer.Option("--reason", help="导入说明(记入审计)")] = "",
) -> None:
    """检查并导入数据文件:任何一行有错误则整个文件不导入,并逐条列出问题(行、列、原因)。"""
    if not file.is_file():
        raise _fail(f"文件「{file}」不存在")
    setup_django()
    from django.core.exceptions import PermissionDenied

    from planwatch.web.collection import services

    who, where = _resolve(user, unit)
    if who is None and not dry_run:
        raise _fail("正式导入需要用 --user 指定导入人;只检查请加 --dry-run")
    try:
        outcome = services.import_upload(file.name, _read_within_limit(file), user=who, unit=where,
                                         dry_run=dry_run, reason=reason or f"命令行导入:{file.name}")
    except PermissionDenied as denied:
        raise _fail(str(denied) or f"无权为{where.name}导入数据") from denied
    _report(outcome, file.name)


def _read_within_limit(file: Path) -> bytes:
    """At most the upload limit plus one byte: a 300 MB file is refused, not loaded (the reader's size
    check then names the file and the limit)."""
    from planwatch.collection.guard import too_large
    from planwatch.collection.settings import setting

    limit = setting("MAX_UPLOAD_BYTES")
    with file.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _fail(f"{too_large(file.name, file.stat().st_size, limit)},未导入任何数据")
    return data


def _report(outcome, name: str) -> None:
    for problem in outcome.problems:
        level = "错误" if problem.is_error else "预警"
        typer.echo(f"{level} {problem.text}", err=problem.is_error)
    if not outcome.ok:
        typer.echo(f"{name}:{len(outcome.errors)} 处错误,未导入任何数据", err=True)
        raise typer.Exit(1)
    if outcome.dry_run:
        typer.echo(f"{name}:检查通过,{outcome.rows} 行可以导入(未导入)")
    else:
        typer.echo(f"{name}:已导入 {len(outcome.drafts)} 条草稿")
