"""Load regions and reporting units from the plain files in ``planwatch/data``.

Regions come from the gazetteer ``planwatch/data/regions/ganzhou.csv`` (kept by the plan-reader
developer; columns read: ``name``, ``code``, ``short_name``, ``kind``, ``parent`` — any missing
column falls back to ``GANZHOU`` below). Until that file exists, the built-in table ``GANZHOU``
(GB/T 2260 codes; 赣州经开区 and 蓉江新区 have none) is used, and a test checks the two agree.
Units come from ``planwatch/data/units/ganzhou-units.csv``. Loading is idempotent: existing rows
are updated by name, nothing is deleted.
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from planwatch.data import DATA_DIR
from planwatch.web.monitoring.models import Region, Unit

REGIONS_CSV = DATA_DIR / "regions" / "ganzhou.csv"
UNITS_CSV = DATA_DIR / "units" / "ganzhou-units.csv"

# (name, GB/T 2260 code, short name, kind)
GANZHOU: tuple[tuple[str, str, str, str], ...] = (
    ("赣州市", "360700", "赣州", "city"),
    ("章贡区", "360702", "章贡", "county"),
    ("南康区", "360703", "南康", "county"),
    ("赣县区", "360704", "赣县", "county"),
    ("信丰县", "360722", "信丰", "county"),
    ("大余县", "360723", "大余", "county"),
    ("上犹县", "360724", "上犹", "county"),
    ("崇义县", "360725", "崇义", "county"),
    ("安远县", "360726", "安远", "county"),
    ("定南县", "360728", "定南", "county"),
    ("全南县", "360729", "全南", "county"),
    ("宁都县", "360730", "宁都", "county"),
    ("于都县", "360731", "于都", "county"),
    ("兴国县", "360732", "兴国", "county"),
    ("会昌县", "360733", "会昌", "county"),
    ("寻乌县", "360734", "寻乌", "county"),
    ("石城县", "360735", "石城", "county"),
    ("瑞金市", "360781", "瑞金", "county"),
    ("龙南市", "360783", "龙南", "county"),
    ("赣州经开区", "", "经开区", "zone"),
    ("蓉江新区", "", "蓉江", "zone"),
)
KIND_WORDS = {"市": "city", "city": "city", "county": "county", "县": "county", "zone": "zone", "功能区": "zone"}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def region_rows(path: Path = REGIONS_CSV) -> list[dict[str, str]]:
    """The region list as dicts (name, code, short_name, kind), the gazetteer's values first."""
    builtin = {name: {"name": name, "code": code, "short_name": short, "kind": kind}
               for name, code, short, kind in GANZHOU}
    if not path.exists():
        return list(builtin.values())
    rows = []
    for row in _read(path):
        name = row.get("name") or row.get("名称") or ""
        if not name:
            continue
        base = builtin.get(name, {"name": name, "code": "", "short_name": "", "kind": "county"})
        kind = KIND_WORDS.get(row.get("kind", ""), base["kind"])
        rows.append({**base, **{k: row[k] for k in ("code", "short_name") if row.get(k)}, "kind": kind})
    names = {r["name"] for r in rows}
    return rows + [r for n, r in builtin.items() if n not in names]


@transaction.atomic
def load_regions(path: Path = REGIONS_CSV) -> int:
    rows = region_rows(path)
    city = None
    for order, row in enumerate(rows):
        region, _ = Region.objects.update_or_create(
            name=row["name"],
            defaults={"code": row["code"], "short_name": row["short_name"], "kind": row["kind"], "order": order},
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
    for order, row in enumerate(rows):
        region = regions.get(row["region"])
        if region is None:
            raise ValueError(f"{path.name} 第{order + 2}行:地区「{row['region']}」不在地区表中")
        Unit.objects.update_or_create(
            name=row["name"], defaults={"kind": row["kind"], "region": region, "order": order}
        )
    return len(rows)


def load_reference_data() -> tuple[int, int]:
    """Regions, then units; returns (regions, units) counts. Safe to run again."""
    return load_regions(), load_units()
