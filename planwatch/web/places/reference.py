"""Load regions and reporting units from the plain files in ``planwatch/data``.

Regions come from the gazetteer ``planwatch/data/regions/ganzhou.csv`` (kept by the plan-reader
developer; columns read: ``key``, ``name``, ``code``, ``short_names`` (first one kept), ``kind``).
Should that file be missing, the built-in table ``GANZHOU`` (GB/T 2260 codes; the zones have none)
is used; a test checks the two agree.
Units come from ``planwatch/data/units/ganzhou-units.csv``. Loading is idempotent: existing rows
are updated by name, nothing is deleted. The demo's cast (one invented user per role, with a unit) is
``planwatch/data/demo/users.csv``.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q

from planwatch.data import DATA_DIR
from planwatch.web.places.models import Region, Unit

REGIONS_CSV = DATA_DIR / "regions" / "ganzhou.csv"
UNITS_CSV = DATA_DIR / "units" / "ganzhou-units.csv"
DEMO_USERS_CSV = DATA_DIR / "demo" / "users.csv"

# The fallback when the gazetteer file is absent: (key, name, GB/T 2260 code, short name, kind).
GANZHOU: tuple[tuple[str, str, str, str, str], ...] = (
    ("ganzhou", "赣州市", "360700", "赣州", "city"),
    ("zhanggong", "章贡区", "360702", "章贡", "county"),
    ("nankang", "南康区", "360703", "南康", "county"),
    ("ganxian", "赣县区", "360704", "赣县", "county"),
    ("xinfeng", "信丰县", "360722", "信丰", "county"),
    ("dayu", "大余县", "360723", "大余", "county"),
    ("shangyou", "上犹县", "360724", "上犹", "county"),
    ("chongyi", "崇义县", "360725", "崇义", "county"),
    ("anyuan", "安远县", "360726", "安远", "county"),
    ("dingnan", "定南县", "360728", "定南", "county"),
    ("quannan", "全南县", "360729", "全南", "county"),
    ("ningdu", "宁都县", "360730", "宁都", "county"),
    ("yudu", "于都县", "360731", "于都", "county"),
    ("xingguo", "兴国县", "360732", "兴国", "county"),
    ("huichang", "会昌县", "360733", "会昌", "county"),
    ("xunwu", "寻乌县", "360734", "寻乌", "county"),
    ("shicheng", "石城县", "360735", "石城", "county"),
    ("ruijin", "瑞金市", "360781", "瑞金", "county"),
    ("longnan", "龙南市", "360783", "龙南", "county"),
    ("ganzhou-etdz", "赣州经济技术开发区", "", "赣州经开区", "zone"),
    ("rongjiang", "蓉江新区", "", "蓉江", "zone"),
    ("ganzhou-hitech", "赣州高新技术产业开发区", "", "赣州高新区", "zone"),
)
# The gazetteer's kinds (district 市辖区, county 县, county_city 县级市) are all county-level here.
KINDS = {"city": "city", "district": "county", "county": "county", "county_city": "county", "zone": "zone"}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def region_rows(path: Path = REGIONS_CSV) -> list[dict[str, str]]:
    """The region list as dicts (key, name, code, short_name, kind): the gazetteer, else the fallback."""
    if not path.exists():
        return [{"key": k, "name": n, "code": c, "short_name": s, "kind": kind} for k, n, c, s, kind in GANZHOU]
    rows = []
    for row in _read(path):
        if not row.get("name"):
            continue
        shorts = [s for s in row.get("short_names", "").split(";") if s]
        rows.append({"key": row.get("key", ""), "name": row["name"], "code": row.get("code", ""),
                     "short_name": shorts[0] if shorts else "", "kind": KINDS.get(row.get("kind", ""), "county")})
    return rows


@transaction.atomic
def find_region(text: str | Region) -> Region | None:
    """A region by its name (赣州市), short name (赣州) or administrative code (360700)."""
    if isinstance(text, Region):
        return text
    text = str(text).strip()
    return Region.objects.filter(Q(name=text) | Q(short_name=text) | (Q(code=text) & ~Q(code=""))).first()


def load_regions(path: Path = REGIONS_CSV) -> int:
    rows = region_rows(path)
    city = None
    for order, row in enumerate(rows):
        region, _ = Region.objects.update_or_create(
            name=row["name"],
            defaults={"key": row["key"], "code": row["code"], "short_name": row["short_name"], "kind": row["kind"],
                      "order": order},
        )
        if row["kind"] == "city":
            city = region
    if city is not None:
        Region.objects.exclude(pk=city.pk).filter(parent__isnull=True).update(parent=city)
    return len(rows)


@transaction.atomic
def load_units(path: Path = UNITS_CSV) -> int:
    rows = _read(path)
    regions = {r.name: r for r in Region.objects.all()}
    regions.update({r.short_name: r for r in Region.objects.exclude(short_name="")})
    for order, row in enumerate(rows):
        region = regions.get(row["region"])
        if region is None:
            raise ValueError(f"{path.name} 第{order + 2}行:地区「{row['region']}」不在地区表中")
        Unit.objects.update_or_create(
            name=row["name"], defaults={"kind": row["kind"], "region": region, "order": order}
        )
    return len(rows)


class DemoUser(NamedTuple):
    username: str
    role: str
    unit: str  # the unit's name; "" for a role without one


@cache
def demo_users() -> tuple[DemoUser, ...]:
    """The demo's cast, one user per role and two 市统计局 reviewers (``planwatch/data/demo/users.csv``)."""
    return tuple(DemoUser(row["username"], row["role"], row["unit"]) for row in _read(DEMO_USERS_CSV))


def load_reference_data() -> tuple[int, int]:
    """Regions, then units; returns (regions, units) counts. Safe to run again."""
    return load_regions(), load_units()
