"""``planwatch demo`` and ``planwatch serve``: the first README command's steps."""

from __future__ import annotations

import os

import typer

from planwatch.cli._django import setup_django

DEMO_USER = "admin"
DEMO_PASSWORD = os.environ.get("PLANWATCH_DEMO_PASSWORD", "planwatch-demo")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
    app.command("serve")(serve)


def demo() -> None:
    """建库、载入赣州规划(及真实数据)、创建演示管理员并打印登录信息。"""
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from planwatch.data import GANZHOU_PLAN
    from planwatch.documents import read_plan
    from planwatch.web.plans.services import load_plan

    call_command("migrate", interactive=False, verbosity=0)
    result = load_plan(read_plan(GANZHOU_PLAN), reason="演示:载入随程序发布的赣州规划")
    typer.echo(f"规划:{result.plan.title} 第{result.plan.version}版")
    for step in DEMO_STEPS:
        step()
    from planwatch.web.work.demo import demo_step as work_demo  # after the units and users exist

    work_demo()
    user_model = get_user_model()
    admin, created = user_model.objects.get_or_create(
        username=DEMO_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    typer.echo(f"演示管理员 / demo admin: 用户名 {DEMO_USER}  密码 {DEMO_PASSWORD}")


# Later steps of the demo (real data, users) register themselves here.
DEMO_STEPS: list = []


def serve(
    host: str = typer.Option("127.0.0.1", help="监听地址"),
    port: int = typer.Option(8000, help="端口"),
) -> None:
    """启动网页服务(开发服务器;生产环境请用 gunicorn)。"""
    setup_django()
    from django.core.management import call_command

    typer.echo(f"Planwatch 已启动: http://{host}:{port}/")
    call_command("runserver", f"{host}:{port}", use_reloader=False)
