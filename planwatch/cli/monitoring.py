"""``planwatch data setup-reference|overdue|remind|seed-rules``: reference lists, reminders, default rules.

The ``data`` group is shared with the importer (``planwatch data import FILE``): ``register``
adds these commands to an existing ``data`` group when one is registered already, else creates it.
It also adds a step to ``planwatch demo``: regions, units and one demo user per role.
"""

from __future__ import annotations

import datetime as dt

import typer

from planwatch.cli import site
from planwatch.cli._django import setup_django
from planwatch.cli._groups import data_group


def register(app: typer.Typer) -> None:
    data = data_group(app)
    data.command("setup-reference")(setup_reference)
    data.command("overdue")(overdue)
    data.command("remind")(remind)
    data.command("seed-rules")(seed_rules)
    site.DEMO_STEPS.append(demo_step)


def _ready() -> None:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def setup_reference() -> None:
    """载入地区(赣州市、18个县级单位、功能区)和填报单位;重复执行不作改动。"""
    _ready()
    from planwatch.web.places.reference import load_reference_data

    regions, units = load_reference_data()
    typer.echo(f"地区 {regions} 个,填报单位 {units} 个")


def _parse_day(today: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(today) if today else None
    except ValueError as problem:
        typer.echo(f"错误:日期「{today}」应为 YYYY-MM-DD", err=True)
        raise typer.Exit(2) from problem


def overdue(today: str = typer.Option(None, help="按此日期计算(YYYY-MM-DD),默认今天")) -> None:
    """列出逾期未报的填报任务(单位、指标、截止日期、尚缺的地区与期别)。"""
    day = _parse_day(today)
    _ready()
    from planwatch.web.monitoring.assignments import overdue_assignments

    items = overdue_assignments(today=day)
    for item in items:
        a = item.assignment
        missing = "、".join(f"{region}{period}" for region, period in item.missing)
        typer.echo(f"{a.unit.name}\t{a.indicator.name}\t截止 {a.due_date:%Y-%m-%d}\t尚缺 {missing}")
    typer.echo(f"共 {len(items)} 项逾期")


def remind(today: str = typer.Option(None, help="按此日期计算(YYYY-MM-DD),默认今天")) -> None:
    """给逾期单位的用户发催报邮件(Django 邮件,默认输出到控制台;PLANWATCH_EMAIL_BACKEND 可改)。"""
    day = _parse_day(today)
    _ready()
    from planwatch.web.monitoring.assignments import send_reminders

    typer.echo(f"已发送催报邮件 {send_reminders(today=day)} 封")


def seed_rules(
    user: str = typer.Option(..., "--user", help="操作人(规划管理人员或系统管理员的用户名,记入审计)"),
    reason: str = typer.Option("", "--reason", help="理由(记入审计),默认「载入默认校验规则」"),
) -> None:
    """把默认校验规则(同比变动、偏离历史、人均GDP、城乡收入比)存为可修改的规则行;重复执行不作改动。"""
    _ready()
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from planwatch.web.core.errors import ServiceError
    from planwatch.web.monitoring.rulebook import seed_default_rules

    actor = get_user_model().objects.filter(username=user).first()
    if actor is None:
        typer.echo(f"错误:没有用户「{user}」", err=True)
        raise typer.Exit(2)
    try:
        report = seed_default_rules(user=actor, reason=reason)
    except (PermissionDenied, ServiceError) as refused:
        typer.echo(f"错误:{refused}", err=True)
        raise typer.Exit(2) from refused
    for rule in report.created:
        typer.echo(f"已载入:{rule.note}")
    for skipped in report.skipped:
        typer.echo(skipped)
    typer.echo(f"新增 {len(report.created)} 条,已有 {len(report.present)} 条,未载入 {len(report.skipped)} 条")


def demo_step() -> None:
    """Regions, units and the demo users (password: the demo password): one per role, and two reviewers,
    since what one reviewer reads in or corrects only another may accept (four eyes)."""
    from planwatch.web.places.accounts import create_account
    from planwatch.web.places.models import Unit
    from planwatch.web.places.reference import demo_users, load_reference_data

    load_reference_data()
    for username, role, unit_name in demo_users():
        unit = Unit.objects.filter(name=unit_name).first() if unit_name else None
        create_account(username, user=None, reason="演示:命令行创建演示用户", role=role, unit=unit,
                       password=site.DEMO_PASSWORD)
    typer.echo("演示用户(密码同管理员):" + "、".join(f"{u}({r})" for u, r, _ in demo_users()))
    made = _demo_assignments()
    if made:
        typer.echo(f"演示填报任务:{made}项(市统计局、于都县、瑞金市,报告年度见“填报任务”页)")


DEMO_ASSIGNMENTS = (  # unit, region, indicator codes of the shipped plan
    ("市统计局", "赣州市", ("I01", "I02", "I05", "I13", "I14")),
    ("于都县人民政府", "于都县", ("I01", "I13", "I14")),
    ("瑞金市人民政府", "瑞金市", ("I01", "I13", "I14")),
)


def _demo_assignments(today: dt.date | None = None) -> int:
    """Work for the demo reporters, so that signing in as ``yudu`` shows something to fill in.

    The reporting year is the last full year within the plan period; figures for a year are due by
    30 April of the next (after the statistical bulletins), so an older year shows up as overdue.
    Assignments already there are left alone.
    """
    from django.contrib.auth import get_user_model

    from planwatch.web.monitoring.assignments import create_assignment
    from planwatch.web.monitoring.models import Assignment
    from planwatch.web.places.models import Region, Unit
    from planwatch.web.plans.services import current_plan

    plan = current_plan()
    planner = get_user_model().objects.filter(username="planner").first()
    if plan is None or planner is None:
        return 0
    today = today or dt.date.today()
    year = min(today.year - 1, plan.target_year)
    made = 0
    for unit_name, region_name, codes in DEMO_ASSIGNMENTS:
        unit, region = Unit.objects.filter(name=unit_name).first(), Region.objects.filter(name=region_name).first()
        if unit is None or region is None:
            continue
        for indicator in plan.indicators.filter(code__in=codes):
            if Assignment.objects.filter(unit=unit, indicator=indicator, year=year).exists():
                continue
            create_assignment(user=planner, reason="演示:分配填报任务", unit=unit, indicator=indicator,
                              regions=[region], year=year, due_date=dt.date(year + 1, 4, 30))
            made += 1
    return made
