"""``planwatch demo`` and ``planwatch serve``: the first README command's steps."""

from __future__ import annotations

import os
import secrets
import sys

import typer

from planwatch.cli._django import setup_django

DEMO_USER = "admin"
# A fresh random password for the demo accounts made by this run (printed once); a deployment that
# needs a fixed one for a training session sets PLANWATCH_DEMO_PASSWORD. Never a published default.
DEMO_PASSWORD = os.environ.get("PLANWATCH_DEMO_PASSWORD") or secrets.token_urlsafe(12)


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
        typer.echo("(密码只显示这一次,演示用户同此密码 / shown once; the demo users share it)")
    else:
        typer.echo(f"演示管理员 / demo admin: 用户名 {DEMO_USER}(已存在,密码为首次运行时打印的密码;"
                   f"忘记可运行 .venv/bin/python -m planwatch.web.manage changepassword {DEMO_USER})")


# Later steps of the demo (real data, users) register themselves here.
DEMO_STEPS: list = []


def serve(
    host: str = typer.Option("127.0.0.1", help="监听地址"),
    port: int = typer.Option(8000, help="端口"),
    workers: int | None = typer.Option(None, help="gunicorn 工作进程数(默认按 CPU 核数,见 planwatch/web/gunicorn_conf.py)"),
    dev: bool = typer.Option(False, "--dev", help="改用 Django 开发服务器(只供开发调试)"),
) -> None:
    """启动网页服务:gunicorn(生产用 WSGI 服务器,设置见 planwatch/web/gunicorn_conf.py)加 whitenoise 提供静态文件。"""
    setup_django()
    from django.core.management import call_command

    from planwatch.web.core.static import collect_if_changed
    from planwatch.web.reporting.worker import start_worker

    if collect_if_changed():  # static files under hashed names, kept by browsers for good
        typer.echo("静态文件已收集 / static files collected")
    start_worker()  # background work asked for on the web (django-tasks' db_worker); dies with the server
    typer.echo(f"Planwatch 已启动: http://{host}:{port}/")
    if dev:
        call_command("runserver", f"{host}:{port}", use_reloader=False)
        return
    sys.stdout.flush()
    extra = ["--workers", str(max(1, workers))] if workers else []
    os.execv(sys.executable, [
        sys.executable, "-m", "gunicorn", "-c", "python:planwatch.web.gunicorn_conf",
        "--bind", f"{host}:{port}", *extra,
        "--no-control-socket",  # several servers may share a machine; gunicorn's ctl socket is one per user
        "--access-logfile", "-", "--forwarded-allow-ips", os.environ.get("PLANWATCH_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "planwatch.web.wsgi:application",
    ])
