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
