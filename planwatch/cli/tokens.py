"""``planwatch token issue|revoke``: API tokens for scripts, issued and revoked with a reason (audited)."""

from __future__ import annotations

from typing import Annotated

import typer

from planwatch.cli._django import setup_django

app = typer.Typer(help="API 令牌:签发与吊销(记入审计)。", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="token")


def _users(holder: str, by: str):
    from django.contrib.auth import get_user_model

    model = get_user_model()
    found = {u.username: u for u in model.objects.filter(username__in=[holder, by])}
    for name in (holder, by):
        if name not in found:
            typer.echo(f"错误:没有用户「{name}」", err=True)
            raise typer.Exit(1)
    return found[holder], found[by]


@app.command("issue")
def issue(
    holder: Annotated[str, typer.Argument(help="令牌持有人(用户名)")],
    by: Annotated[str, typer.Option("--by", help="签发人(管理员用户名,记入审计)")],
    reason: Annotated[str, typer.Option("--reason", help="签发理由(记入审计)")],
    name: Annotated[str, typer.Option("--name", help="令牌名称,如所用的脚本")] = "",
    days: Annotated[int | None, typer.Option("--days", min=1, max=3650, help="有效天数(默认见 PLANWATCH_TOKEN_DAYS)")] = None,
) -> None:
    """签发一个 API 令牌并只显示这一次(库中只存其摘要)。"""
    setup_django()
    from planwatch.web.monitoring.tokens import issue_token
    from planwatch.web.places.permissions import is_administrator

    user, admin = _users(holder, by)
    if not is_administrator(admin):
        typer.echo(f"错误:「{by}」不是管理员,不能签发令牌", err=True)
        raise typer.Exit(1)
    if not reason.strip():
        typer.echo("错误:请用 --reason 说明签发理由", err=True)
        raise typer.Exit(1)
    row, token = issue_token(user, user=admin, reason=reason, name=name, days=days)
    typer.echo(f"已为 {holder} 签发令牌(有效至 {row.expires_at:%Y-%m-%d}),只显示这一次:")
    typer.echo(token)


@app.command("revoke")
def revoke(
    holder: Annotated[str, typer.Argument(help="令牌持有人(用户名)")],
    by: Annotated[str, typer.Option("--by", help="吊销人(管理员用户名,记入审计)")],
    reason: Annotated[str, typer.Option("--reason", help="吊销理由(记入审计)")],
) -> None:
    """吊销该用户的全部 API 令牌(立即失效)。"""
    setup_django()
    from planwatch.web.monitoring.tokens import revoke_tokens
    from planwatch.web.places.permissions import is_administrator

    user, admin = _users(holder, by)
    if not is_administrator(admin) or not reason.strip():
        typer.echo("错误:须由管理员吊销,并用 --reason 说明理由", err=True)
        raise typer.Exit(1)
    typer.echo(f"已吊销 {holder} 的 {revoke_tokens(user, user=admin, reason=reason)} 个令牌")
