from __future__ import annotations

import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_language_menu_names_each_language_in_its_own_words(client, language):
    """A reader who cannot read the current language must still find theirs: 简体中文 / English."""
    client.cookies["django_language"] = language
    body = client.get("/accounts/login/").content.decode()
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', body)
    assert options == [("zh-hans", "简体中文"), ("en", "English")]


@pytest.mark.django_db
def test_a_refusal_page_says_why_in_the_users_language(client, django_user_model):
    """A signed-in account without a role is refused the dashboard with the reason, not a bare 403."""
    client.force_login(django_user_model.objects.create_user("newcomer", password="newcomer-pass-123"))
    response = client.get("/dashboard/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "您的账号尚未分配角色,请联系管理员;公开数据见公众门户" in body and "newcomer" in body
    assert 'href="/dashboard/"' not in client.get("/").content.decode()  # nor is it offered in the menu
    client.cookies["django_language"] = "en"
    assert "Your account has no role yet" in client.get("/dashboard/").content.decode()


@pytest.mark.django_db
def test_a_missing_page_names_the_address(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "没有地址为 /no/such/page/ 的页面或数据" in response.content.decode()
