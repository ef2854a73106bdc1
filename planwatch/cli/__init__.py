"""The ``planwatch`` command line: the same operations as the web, for scripts and cron.

Each group of commands lives in its own module and is registered here.
"""

from __future__ import annotations

import typer

from planwatch.cli import backup as backup_commands
from planwatch.cli import bulletin as bulletin_commands
from planwatch.cli import data as data_commands
from planwatch.cli import dataset as dataset_commands
from planwatch.cli import evaluate as evaluate_commands
from planwatch.cli import monitoring as monitoring_commands
from planwatch.cli import plan as plan_commands
from planwatch.cli import portal as portal_commands
from planwatch.cli import report as report_commands
from planwatch.cli import site as site_commands
from planwatch.cli import tokens as token_commands

app = typer.Typer(
    name="planwatch",
    help="Planwatch 规划实施监测评估系统:载入规划、采集数据、评估、出报告。",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(plan_commands.app, name="plan")
site_commands.register(app)
dataset_commands.register(app)
portal_commands.register(app)
monitoring_commands.register(app)
data_commands.register(app)
evaluate_commands.register(app)
backup_commands.register(app)
token_commands.register(app)
bulletin_commands.register(app)
report_commands.register(app)


@app.command("cli-reference")
def cli_reference() -> None:
    """打印命令行参考(Markdown),即 docs/cli.md 的内容。"""
    from planwatch.cli.reference import render_reference

    typer.echo(render_reference(app), nl=False)


def main() -> None:
    app()
