"""``core.refusals.refuse``: the page the action came from, with the reason and the refusal's status;
a plain "not done" page when that address is not a page."""

from __future__ import annotations

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from planwatch.web.core.refusals import CONFLICT, refuse

pytestmark = pytest.mark.django_db


def _post(path: str = "/monitoring/observations/1/approve/"):
    request = RequestFactory().post(path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize("back", ["/no/such/page/", "https://example.com/", "/monitoring/entry/"])
def test_an_address_that_is_not_a_page_for_this_user_gets_the_plain_refusal_page(back):
    """Unknown path, another site, and a page that would redirect (anonymous → login): the reason
    on a page of its own, with the link back, and still the refusal's status."""
    response = refuse(_post(), ["已被他人修改,请刷新页面后重试"], status=CONFLICT, back=back)
    assert response.status_code == 409
    page = response.content.decode()
    assert "操作未完成" in page and "已被他人修改,请刷新页面后重试" in page and f'href="{back}"' in page


def test_a_url_name_is_followed_like_a_path():
    response = refuse(_post(), ["请填写理由"], status=422, back="portal-home")
    assert response.status_code == 422
    assert "请填写理由" in response.content.decode()
