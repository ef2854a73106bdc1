"""The shared cast of users and a small plan, for every web and API test.

Fixtures (all need the database):

- ``reference_data``: regions (赣州市, 18 counties, 2 zones) and units loaded from ``planwatch/data``.
- ``small_plan``: a plan made directly in the database (not through the plan reader) with five
  indicators: I01 地区生产总值 (亿元), I02 人均地区生产总值 (元), I03 常住人口 (万人),
  I04 常住人口城镇化率 (%), I05 单位GDP能耗降低 (%, target "按省下达任务执行", kind ``assigned``).
- ``assignments``: GDP (I01) for 章贡区, 南康区, 于都县, 瑞金市 to each county's government; I01–I04
  for 赣州市 to 市统计局 — reporting year 2024, due 2025-03-31.
- ``cast``: one user per role, as a namespace: ``planner`` (市发改委), ``reviewer`` and ``reviewer2``
  (市统计局), ``zhanggong``, ``nankang``, ``yudu``, ``ruijin`` (county reporters),
  ``stats_reporter`` (市统计局 reporter), ``supervisor`` (督查), ``admin``. Each has the password
  ``PASSWORD`` and an e-mail address. Also one fixture per user (``planner``, ``reviewer`` …).
- ``client_for(user)``: a logged-in Django test client; ``anonymous_client``: a client nobody
  logged into.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client

from planwatch.web.monitoring.models import Assignment
from planwatch.web.places.models import Profile, Region, Role, Unit
from planwatch.web.places.reference import load_reference_data
from planwatch.web.plans.models import Indicator, Pillar, Plan, TargetVersion

PASSWORD = "cast-password-2024"
_HASH: list[str] = []

CAST = {
    # attribute: (username, full name, role, unit name)
    "planner": ("planner", "发改委规划科", Role.PLANNER, "市发改委(苏区办)"),
    "reviewer": ("reviewer", "统计局审核一", Role.REVIEWER, "市统计局"),
    "reviewer2": ("reviewer2", "统计局审核二", Role.REVIEWER, "市统计局"),
    "zhanggong": ("zhanggong", "章贡区填报员", Role.REPORTER, "章贡区人民政府"),
    "nankang": ("nankang", "南康区填报员", Role.REPORTER, "南康区人民政府"),
    "yudu": ("yudu", "于都县填报员", Role.REPORTER, "于都县人民政府"),
    "ruijin": ("ruijin", "瑞金市填报员", Role.REPORTER, "瑞金市人民政府"),
    "stats_reporter": ("stats", "统计局填报员", Role.REPORTER, "市统计局"),
    "supervisor": ("supervisor", "督查室", Role.SUPERVISOR, None),
    "admin": ("admin", "系统管理员", Role.ADMINISTRATOR, None),
}


def password_hash() -> str:
    """One Argon2 hash per session: hashing per user per test would dominate the run time."""
    if not _HASH:
        _HASH.append(make_password(PASSWORD))
    return _HASH[0]


@pytest.fixture
def reference_data(db):
    load_reference_data()
    return SimpleNamespace(regions={r.name: r for r in Region.objects.all()},
                           units={u.name: u for u in Unit.objects.all()})


def _indicator(plan, pillar, order, code, name, unit, baseline, kind, text, value, attribute="预期性"):
    ind = Indicator.objects.create(plan=plan, pillar=pillar, code=code, name=name, unit=unit, attribute=attribute,
                                   direction="higher", baseline=baseline, baseline_year=2022,
                                   baseline_text="" if baseline is None else f"{baseline:g}", order=order)
    TargetVersion.objects.create(indicator=ind, version=1, kind=kind, text=text, value=value, year=2027,
                                 status=TargetVersion.Status.APPROVED, reason="规划原文")
    return ind


@pytest.fixture
def small_plan(db):
    plan = Plan.objects.create(title="赣州测试规划", region="赣州市", base_year=2022, target_year=2027,
                               version=1, is_current=True, fingerprint="test-small-plan")
    strength = Pillar.objects.create(plan=plan, name="综合实力", order=1)
    green = Pillar.objects.create(plan=plan, name="绿色发展", order=2)
    _indicator(plan, strength, 1, "I01", "地区生产总值", "亿元", 4523.6, "level", "5500", 5500)
    _indicator(plan, strength, 2, "I02", "人均地区生产总值", "元", 50000, "level", "60000", 60000)
    _indicator(plan, strength, 3, "I03", "常住人口", "万人", 897.0, "qualitative", "保持稳定", None)
    _indicator(plan, strength, 4, "I04", "常住人口城镇化率", "%", 57.6, "about", "62左右", 62)
    _indicator(plan, green, 5, "I05", "单位GDP能耗降低", "%", None, "assigned", "按省下达任务执行", None, "约束性")
    return plan


def entered(user, plan, region, year: int, value: float, *, code: str = "I01", **fields):
    """A draft entered through the service as a unit's clerk enters it (reason 填报): 地区生产总值 of the
    small plan unless ``code`` names another indicator; ``fields`` are the row's other columns."""
    from planwatch.web.monitoring import services

    return services.create_draft(user=user, reason="填报", indicator=indicator(plan, code), region=region,
                                 year=year, value=value, **fields)


def indicator(plan, code: str) -> Indicator:
    return plan.indicators.get(code=code)


@pytest.fixture
def assignments(reference_data, small_plan):
    regions, units = reference_data.regions, reference_data.units
    due = dt.date(2025, 3, 31)
    made = {}
    for county in ("章贡区", "南康区", "于都县", "瑞金市"):
        a = Assignment.objects.create(unit=units[f"{county}人民政府"], indicator=indicator(small_plan, "I01"),
                                      year=2024, due_date=due)
        a.regions.set([regions[county]])
        made[county] = a
    for code in ("I01", "I02", "I03", "I04"):
        a = Assignment.objects.create(unit=units["市统计局"], indicator=indicator(small_plan, code),
                                      year=2024, due_date=due)
        a.regions.set([regions["赣州市"]])
        made[f"统计局{code}"] = a
    return made


@pytest.fixture
def cast(reference_data):
    users = {}
    for attr, (username, full_name, role, unit_name) in CAST.items():
        user = get_user_model().objects.create(
            username=username, first_name=full_name, email=f"{username}@example.gov.cn", password=password_hash(),
            is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR,
        )
        Profile.objects.create(user=user, role=role, unit=reference_data.units.get(unit_name))
        users[attr] = user
    return SimpleNamespace(**users)


@pytest.fixture
def planner(cast):
    return cast.planner


@pytest.fixture
def reviewer(cast):
    return cast.reviewer


@pytest.fixture
def reviewer2(cast):
    return cast.reviewer2


@pytest.fixture
def zhanggong_reporter(cast):
    return cast.zhanggong


@pytest.fixture
def nankang_reporter(cast):
    return cast.nankang


@pytest.fixture
def yudu_reporter(cast):
    return cast.yudu


@pytest.fixture
def ruijin_reporter(cast):
    return cast.ruijin


@pytest.fixture
def department_reporter(cast):
    return cast.stats_reporter


@pytest.fixture
def supervisor(cast):
    return cast.supervisor


@pytest.fixture
def administrator(cast):
    return cast.admin


@pytest.fixture
def client_for():
    def make(user) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def anonymous_client() -> Client:
    return Client()


@pytest.fixture
def signed_in(db, django_user_model):
    """A signed-in user (市发改委 planner); the dashboard is for every signed-in role."""
    from planwatch.web.places.models import Profile, Role

    user = django_user_model.objects.create_user("planner", password="planner-pass-123")
    Profile.objects.create(user=user, role=Role.PLANNER)
    return user
