"""Command groups that several modules add commands to (e.g. ``planwatch data``)."""

from __future__ import annotations

import typer

DATA_HELP = "数据采集:导入、基础数据、逾期与催报。"


def data_group(app: typer.Typer) -> typer.Typer:
    """The one ``planwatch data`` group, created by whichever module registers first."""
    for group in app.registered_groups:
        if group.name == "data" and group.typer_instance is not None:
            return group.typer_instance
    data = typer.Typer(help=DATA_HELP, no_args_is_help=True)
    app.add_typer(data, name="data")
    return data
