"""``GET /api/evaluation``: the grades of the pages as data, for the audience that asks (figures from ``seed``)."""

from __future__ import annotations

import pytest

from planwatch.web.places.models import Profile, Role

pytestmark = pytest.mark.django_db


def _by_code(body: dict) -> dict:
    return {row["code"]: row for row in body["indicators"]}


@pytest.fixture
def planner(seeded, django_user_model):
    user = django_user_model.objects.create_user("api-planner", password="planner-pass-123")
    Profile.objects.create(user=user, role=Role.PLANNER)
    return user


def test_the_public_is_graded_on_published_figures_only(client, seeded):
    """Published I01 ends in 2023 (4606.2): completion 436.8/1330.6 = 0.3283, required (5500/4606.2)^(1/2) − 1 = 9.27%."""
    body = client.get("/api/evaluation").json()
    assert (body["region"], body["as_of"], body["figures"], body["language"]) == ("赣州市", 2023, "published", "zh")
    gdp = _by_code(body)["I01"]
    assert gdp["grade"] == "滞后" and gdp["latest_value"] == 4606.2
    assert gdp["completion"] == pytest.approx(0.32827, abs=1e-5)
    assert gdp["required_growth"] == pytest.approx(0.09272, abs=1e-5)
    assert gdp["reason"].startswith("2023年完成度32.8%,低于时序进度50.0%")
    assert gdp["required_points"] is None  # 亿元: its change is a growth rate
    forest = _by_code(body)["I02"]  # unit %, 75.0 in 2023 against 80 in 2025: (80 − 75.0)/2 = 2.5 个百分点 a year
    assert forest["required_points"] == pytest.approx(2.5)
    assert not any(row["rests_on_example"] for row in body["indicators"])
    assert [row["code"] for row in body["indicators"]] == ["I01", "I02", "I03", "I04"]


def test_a_signed_in_role_is_graded_on_approved_figures_too(client, planner):
    """Approved I01 2024 = 4712.3: completion 542.9/1330.6 = 0.4080 against 3/4; 5500/4712.3 − 1 = 16.72%."""
    client.force_login(planner)
    body = client.get("/api/evaluation").json()
    assert (body["as_of"], body["figures"]) == (2024, "approved_and_published")
    gdp = _by_code(body)["I01"]
    assert gdp["completion"] == pytest.approx(0.40801, abs=1e-5)
    assert gdp["required_growth"] == pytest.approx(0.16715, abs=1e-5)
    assert _by_code(body)["I03"]["rests_on_example"] is True  # its 2023 figure is from the example set
    assert _by_code(body)["I04"]["grade"] == "待下达"


def test_an_earlier_year_and_the_english_reason(client, seeded):
    """As of 2022 the public's I01 is 4523.6: completion 354.2/1330.6 = 26.6% against 1/4."""
    body = client.get("/api/evaluation?as_of=2022", headers={"Accept-Language": "en"}).json()
    assert (body["as_of"], body["language"]) == (2022, "en")
    assert _by_code(body)["I01"]["reason"].startswith("Completion 26.6% in 2022, above the time share of 25.0%")


def test_a_county_without_figures_is_no_data_and_an_unknown_region_is_named(client, seeded):
    body = client.get("/api/evaluation?region=寻乌县").json()  # its only I01 figure is a draft
    assert body["as_of"] is None and _by_code(body)["I01"]["grade"] == "无数据"
    missing = client.get("/api/evaluation?region=火星")
    assert missing.status_code == 404 and "火星" in missing.json()["detail"]
    assert client.get("/api/evaluation?as_of=1800").status_code == 422
