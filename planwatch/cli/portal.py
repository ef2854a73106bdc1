"""``planwatch portal export DIR``: the public portal as a static site any web server can host."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli._django import setup_django

app = typer.Typer(help="公众门户:导出静态网站。", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="portal")


@app.command("export")
def export(
    directory: Annotated[Path, typer.Argument(file_okay=False, help="导出目录(不存在则创建)")],
    language: Annotated[
        list[str] | None, typer.Option("--language", "-l", help="导出的语言(默认中文在根目录、英文在 en/)")
    ] = None,
) -> None:
    """导出只含已发布数据的静态门户(可直接用浏览器从磁盘打开,不访问外网)。"""
    setup_django()
    from planwatch.web.portal.export import ExportError, export_site

    try:
        result = export_site(directory, languages=tuple(language or ("zh-hans", "en")))
    except ExportError as problem:
        typer.echo(f"错误:{problem}", err=True)
        raise typer.Exit(1) from problem
    typer.echo(f"已导出 {len(result.pages)} 个页面、{len(result.files)} 个文件到 {directory}")
    typer.echo(f"打开:{(directory / 'index.html').resolve().as_uri()}")
