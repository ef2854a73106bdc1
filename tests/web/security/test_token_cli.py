"""Tokens for scripts: an administrator issues one from the command line (shown once, stored as a digest,
audited with the reason); it opens the API as its holder; revoked, it is a 401."""

from __future__ import annotations

import pytest
from django.test import Client
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.web.monitoring.models import ApiToken
from planwatch.web.places.models import AuditEntry

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_issued_token_opens_the_api_and_revoked_it_is_refused(cast):
    issued = runner.invoke(app, ["token", "issue", "yudu", "--by", "admin", "--reason", "上报脚本", "--name", "nightly"])
    assert issued.exit_code == 0, issued.output
    token = issued.output.strip().splitlines()[-1]
    assert ApiToken.objects.get(user=cast.yudu).key != token  # only the digest is stored
    entry = AuditEntry.objects.filter(subject=AuditEntry.Subject.USER, object_id=cast.yudu.pk).latest("at")
    assert (entry.actor, entry.reason) == (cast.admin, "上报脚本")

    reply = Client().get("/api/observations", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert reply.status_code == 200

    revoked = runner.invoke(app, ["token", "revoke", "yudu", "--by", "admin", "--reason", "脚本停用"])
    assert revoked.exit_code == 0 and "已吊销 yudu 的 1 个令牌" in revoked.output
    assert Client().get("/api/observations", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_only_an_administrator_issues_and_a_reason_is_required(cast):
    refused = runner.invoke(app, ["token", "issue", "yudu", "--by", "planner", "--reason", "试试"])
    assert refused.exit_code == 1 and "「planner」不是管理员,不能签发令牌" in refused.output
    blank = runner.invoke(app, ["token", "issue", "yudu", "--by", "admin", "--reason", " "])
    assert blank.exit_code == 1 and "请用 --reason 说明签发理由" in blank.output
    assert not ApiToken.objects.filter(user=cast.yudu).exists()
