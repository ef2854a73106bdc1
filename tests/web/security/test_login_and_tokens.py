"""Login throttling (django-axes) and API tokens (stored hashed, expiring, 401 when wrong)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from planwatch.web.monitoring.models import ApiToken, token_digest
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_sixty_wrong_passwords_then_the_right_one_is_refused(cast):
    client = Client()
    answers = [_login(client, "yudu", f"guess-{n}").status_code for n in range(60)]
    assert answers[:4] == [200] * 4  # the form again, with its error
    assert set(answers[5:]) == {429}
    refused = _login(client, "yudu", PASSWORD)
    assert refused.status_code == 429
    assert "连续多次输入错误密码" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by yudu's attempts.
    assert _login(Client(), "ruijin", PASSWORD).status_code == 302


def test_a_few_wrong_passwords_then_the_right_one_signs_in(cast):
    client = Client()
    for n in range(3):
        assert _login(client, "yudu", f"guess-{n}").status_code == 200
    assert _login(client, "yudu", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(cast.yudu.pk)


def test_a_token_is_stored_only_as_its_digest_and_acts_as_its_user(cast, small_plan, assignments):
    row, token = ApiToken.issue(cast.ruijin, name="脚本", days=30)
    assert token not in row.key and row.key == token_digest(token) and len(row.key) == 64
    assert not ApiToken.objects.filter(key=token).exists()
    assert row.expires_at - timezone.now() > dt.timedelta(days=29)
    created = Client().post(
        "/api/observations",
        {"indicator": "I01", "region": "瑞金市", "year": 2024, "value": 300},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert created.status_code == 201, created.content
    assert ApiToken.objects.get(pk=row.pk).last_used_at is not None


@pytest.mark.parametrize(
    "header",
    [
        "Bearer not-a-token",
        "Bearer ",
        "Basic eXVkdTpndWVzcw==",
        "not-even-a-scheme",
    ],
)
def test_an_invalid_token_is_a_401_not_the_anonymous_view(cast, header):
    for url in ("/api/observations", "/api/regions", "/api/evaluation"):
        answer = Client().get(url, headers={"Authorization": header})
        assert answer.status_code == 401, (url, answer.content)
        assert answer.json()["detail"] == "令牌无效或已过期"
        assert answer["WWW-Authenticate"] == 'Bearer realm="planwatch"'


def test_an_expired_token_or_one_of_a_disabled_account_is_a_401(cast):
    expired, old = ApiToken.issue(cast.yudu, name="过期", days=0)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert Client().get("/api/regions", headers={"Authorization": f"Bearer {old}"}).status_code == 401
    _, valid = ApiToken.issue(cast.ruijin, name="有效")
    assert Client().get("/api/regions", headers={"Authorization": f"Bearer {valid}"}).status_code == 200
    cast.ruijin.is_active = False
    cast.ruijin.save()
    assert Client().get("/api/regions", headers={"Authorization": f"Bearer {valid}"}).status_code == 401


def test_a_row_made_without_issue_lets_nobody_in(cast):
    """The admin's add form and ``objects.create`` store the digest of a token nobody saw."""
    row = ApiToken.objects.create(user=cast.yudu, name="管理后台")
    assert Client().get("/api/regions", headers={"Authorization": f"Bearer {row.key}"}).status_code == 401


def test_no_token_still_reads_as_the_public(cast):
    assert Client().get("/api/regions").status_code == 200


def test_pages_carry_a_content_security_policy_without_inline_script(db):
    answer = Client().get("/accounts/login/")
    policy = answer["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", "/api/observations?region=%00", None),
        ("get", "/api/evaluation?region=%E8%B5%A3%00", None),
        ("get", "/monitoring/audit/?q=%00", None),
        (
            "post",
            "/api/observations",
            '{"indicator": "I01", "region": "于都县", "year": 2024, "value": 1, "source": "a\\u0000b"}',
        ),
    ],
)
def test_a_nul_character_anywhere_in_a_request_is_a_400_with_a_message(cast, client_for, method, url, body):
    """PostgreSQL cannot hold NUL in text: without this, these were 500s there (SQLite stored them)."""
    client = client_for(cast.yudu)
    if method == "get":
        answer = client.get(url)
    else:
        answer = client.post(url, body, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["detail"] == "请求中含有空字符(NUL,\\u0000),已拒绝:文本中不能有这个字符"
