"""The Chinese admin's forms for regions, units and user roles name every field in Chinese, and the
English admin in English: fields without a verbose name showed "Region:", "Order:", "Unit:" on the
Chinese pages (Django spells out the field's own name)."""

from __future__ import annotations

import re

import pytest


def _labels(client, url: str) -> list[str]:
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    return re.findall(r"<label[^>]*>([^<]*):</label>", page)


@pytest.mark.parametrize(
    "url, zh",
    [
        ("/admin/places/region/add/", ["标识", "行政区划代码", "名称", "简称", "类型", "上级地区", "排序"]),
        ("/admin/places/unit/add/", ["单位名称", "类型", "所在地区", "排序"]),
        ("/admin/places/profile/add/", ["用户", "角色", "单位"]),
    ],
)
def test_the_chinese_admin_names_every_place_field_in_chinese(cast, client_for, url, zh):
    assert _labels(client_for(cast.admin), url)[: len(zh)] == zh


def test_the_english_admin_names_them_in_english(cast, client_for):
    client = client_for(cast.admin)
    client.cookies["django_language"] = "en"
    page = client.get("/admin/places/unit/add/").content.decode()
    assert re.findall(r"<label[^>]*>([^<]*):</label>", page)[:4] == ["Unit name", "Type", "Region", "Order"]
