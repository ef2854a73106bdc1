"""Stored figures as everyone reads them: the one query that picks the rows an audience sees and the
vintage that counts, and the one function that turns them into the evaluation engine's input.

``annual_points(plan, *, public, indicators=None, regions=None, vintage="latest", examples=None)``
is the query behind the pages, the API, the command line and the report snapshot: annual figures only
(quarterly and monthly rows are left out), the rows the audience may see (``monitoring.audience``),
one ``Point`` per (indicator, region, year). ``vintage="latest"`` keeps the highest visible vintage,
``"first"`` the first visible release, an int exactly that vintage. One query; the vintages are folded
in Python (a few thousand rows for a city plan), no pandas.

``engine_frame(points, names, columns=ENGINE_COLUMNS)`` is the engine's observation frame:
codes and region names, as the engine speaks, in the order given; ``engine_columns`` the same as plain
columns (lists), which the engine reads without pandas (the command line).

``observation_frame(plan, *, audience=SIGNED_IN, regions=None, vintage="latest", include_examples=False)``
is the two together as one pandas DataFrame (``observation_columns``: as plain columns), one row per (indicator, region, year) sorted by code,
region name and year, with columns

    indicator (Indicator.code), region (Region.name, e.g. "赣州市"), year (int), value (float),
    vintage (int), qualifier (str), source (str), status (str)

(and ``is_example`` with ``include_examples=True``, so whoever asked can mark them 示例). ``regions``
filters by region name. It leaves the example set out unless asked: the command line and the report
snapshot grade real figures only, where the signed-in pages show examples marked.

``published_observations(plan=None, *, indicator_code=None, region=None)`` is the public's table of
every period (quarterly and monthly too): latest published vintage per series, as a list.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import F, QuerySet

from planwatch.web.monitoring.audience import SIGNED_IN, Audience, as_audience, visible
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region
from planwatch.web.plans.models import Indicator, Plan

if TYPE_CHECKING:
    import pandas as pd

# original_value: the figure as its source stated it, whose decimals are its published precision (a report prints it so).
COLUMNS = ["indicator", "region", "year", "value", "vintage", "qualifier", "source", "status", "original_value"]
ENGINE_COLUMNS = ["indicator", "region", "year", "value", "qualifier"]
_TYPES = {"year": "int64", "value": "float64", "vintage": "int64"}


@dataclass(frozen=True)
class Point:
    """One period's value as shown, with where it came from."""

    indicator_id: int
    region_id: int
    year: int
    value: float
    vintage: int
    source: str
    quote: str
    note: str
    qualifier: str
    status: str
    measure_unit: str
    example: bool = False  # from the example set (示例): invented figures, shown as such everywhere
    revised_from: float | None = None  # the earlier visible vintage's value, when it differed
    unit_id: int | None = None  # the unit that entered it (decides who reads its 备注)
    publisher: str = ""  # with ``document_title``, the public citation (``dashboard.sources``)
    document_title: str = ""
    original_value: str = ""  # the figure as the source stated it: its decimals are the published precision

    @property
    def revised(self) -> bool:
        return self.revised_from is not None


_FIELDS = (
    "indicator_id", "region_id", "year", "value", "vintage", "source", "quote", "note",
    "qualifier", "status", "measure_unit", "example", "unit_id", "publisher", "document_title", "original_value",
)
_NOTES = ("quote", "note")

Row = TypeVar("Row")


def pick_vintage(rows: Iterable[Row], key: Callable[[Row], Hashable], vintage: str | int) -> dict[Any, tuple[Row, Row]]:
    """The vintage that counts per series, with the series' first visible row, from ``rows`` in
    ascending vintage: ``"latest"`` the last, ``"first"`` (and an exact vintage, filtered before) the first."""
    chosen: dict[Any, tuple[Row, Row]] = {}
    for row in rows:
        k = key(row)
        found = chosen.get(k)
        if found is None:
            chosen[k] = (row, row)
        elif vintage == "latest":
            chosen[k] = (row, found[1])
    return chosen


def annual_points(
    plan: Plan,
    *,
    public: Audience | bool,
    indicators: Iterable[Indicator | int] | None = None,
    regions: Iterable[Region | int] | None = None,
    vintage: str | int = "latest",
    examples: bool | None = None,
    notes: bool = True,
) -> list[Point]:
    """The visible vintage that counts of every annual (indicator, region, year), ordered by ids and year.

    One query. 备注 and 原文摘录 are blank where the audience may not read them (and everywhere with
    ``notes=False``, which leaves them out of the query). ``revised_from`` is the first visible
    vintage's value when the figure shown is a later one that differs.
    """
    audience = as_audience(public)
    rows = visible(Observation.objects.filter(indicator__plan=plan), audience, examples=examples)
    if indicators is not None:
        rows = rows.filter(indicator__in=list(indicators))
    if regions is not None:
        rows = rows.filter(region__in=list(regions))
    if isinstance(vintage, int):
        rows = rows.filter(vintage=vintage)
    fields = _FIELDS if notes else tuple(f for f in _FIELDS if f not in _NOTES)
    values = rows.annotate(example=F("is_example")).order_by("vintage").values(*fields)
    chosen = pick_vintage(values, itemgetter("indicator_id", "region_id", "year"), vintage)
    points = []
    for row, first in chosen.values():
        if not notes or not audience.reads_notes(row["unit_id"]):
            row.update(note="", quote="")
        revised_from = first["value"] if row["vintage"] > 1 and first["value"] != row["value"] else None
        points.append(Point(**row, revised_from=revised_from))
    points.sort(key=lambda p: (p.indicator_id, p.region_id, p.year))
    return points


@dataclass
class Names:
    """Ids ↔ the codes and names the engine speaks."""

    code_of: dict[int, str]
    id_of: dict[str, int]
    region_name: dict[int, str]
    region_id: dict[str, int]

    @classmethod
    def for_plan(cls, plan: Plan) -> Names:
        codes = dict(plan.indicators.values_list("pk", "code"))
        regions = dict(Region.objects.values_list("pk", "name"))
        return cls(codes, {c: i for i, c in codes.items()}, regions, {n: i for i, n in regions.items()})


def engine_frame(points: Sequence[Point], names: Names, columns: Sequence[str] = ENGINE_COLUMNS) -> pd.DataFrame:
    """The engine's observation frame: ``columns`` of ``COLUMNS`` (+ ``is_example``), one row per point."""
    import pandas as pd

    if not points:
        return pd.DataFrame([], columns=list(columns))  # object columns, as a frame of text expects
    return pd.DataFrame(engine_columns(points, names, columns), columns=list(columns))


def engine_columns(points: Sequence[Point], names: Names, columns: Sequence[str] = ENGINE_COLUMNS) -> dict[str, list]:
    """``engine_frame``'s columns as lists."""
    return {c: _column(c, points, names) for c in columns}


def _column(column: str, points: Sequence[Point], names: Names) -> list:
    if column == "indicator":
        return [names.code_of[p.indicator_id] for p in points]
    if column == "region":
        return [names.region_name[p.region_id] for p in points]
    if column == "qualifier":
        return [p.qualifier or "" for p in points]
    return [getattr(p, "example" if column == "is_example" else column) for p in points]


def observation_frame(plan: Plan, *, audience: Audience | bool = SIGNED_IN, regions: Iterable[str] | None = None,
                      vintage: str | int = "latest", include_examples: bool = False) -> pd.DataFrame:
    import pandas as pd

    columns = observation_columns(plan, audience=audience, regions=regions, vintage=vintage,
                                  include_examples=include_examples)
    return pd.DataFrame(columns, columns=list(columns)).astype(_TYPES)


def observation_columns(plan: Plan, *, audience: Audience | bool = SIGNED_IN, regions: Iterable[str] | None = None,
                        vintage: str | int = "latest", include_examples: bool = False) -> dict[str, list]:
    names = Names.for_plan(plan)
    region_ids = None if regions is None else [names.region_id[r] for r in regions if r in names.region_id]
    points = annual_points(plan, public=audience, regions=region_ids, vintage=vintage,
                           examples=include_examples, notes=False)
    points.sort(key=lambda p: (names.code_of[p.indicator_id], names.region_name[p.region_id], p.year))
    columns = COLUMNS + ["is_example"] if include_examples else COLUMNS
    return engine_columns(points, names, columns)


def latest_vintages(rows: QuerySet[Observation]) -> list[Observation]:
    """Keep the highest vintage of each (indicator, region, period) among ``rows``."""
    ordered = rows.order_by("indicator_id", "region_id", "period", "vintage")
    chosen = pick_vintage(ordered, attrgetter("indicator_id", "region_id", "period"), "latest")
    return [row for row, _ in chosen.values()]


def published_observations(plan: Plan | None = None, *, indicator_code: str | None = None,
                           region: str | None = None, include_examples: bool = False) -> list[Observation]:
    rows = visible(Observation.objects.all(), True, examples=include_examples, annual=False)
    rows = rows.select_related("indicator", "region", "unit")
    if plan is not None:
        rows = rows.filter(indicator__plan=plan)
    if indicator_code is not None:
        rows = rows.filter(indicator__code=indicator_code)
    if region is not None:
        rows = rows.filter(region__name=region)
    return sorted(latest_vintages(rows), key=lambda o: (o.indicator.order, o.region.order, o.period))
