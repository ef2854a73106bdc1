"""Read-only queries other parts build on (evaluation CLI, dashboards, public portal).

``observation_frame(plan, *, regions=None, statuses=("approved", "published"), vintage="latest")``
returns a pandas DataFrame, one row per (indicator, region, year) with columns

    indicator (Indicator.code), region (Region.name, e.g. "赣州市"), year (int), value (float),
    vintage (int), qualifier (str), source (str), status (str)

Annual figures only (quarterly/monthly rows are left out). ``vintage="latest"`` keeps the highest
vintage among the rows with an allowed status; ``vintage="first"`` the first release; an int
keeps exactly that vintage. ``regions`` filters by region name.

``published_observations(plan=None, *, indicator_code=None, region=None)`` is the public query:
published rows only, latest published vintage per series, as a list.

Both leave out the example set (``Observation.is_example``: invented figures for trying the
workflow) unless ``include_examples=True``; the frame then has an ``is_example`` column so whoever
asked can mark them 示例.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from django.db.models import QuerySet

from planwatch.web.monitoring.models import Observation
from planwatch.web.plans.models import Plan

COLUMNS = ["indicator", "region", "year", "value", "vintage", "qualifier", "source", "status"]


def observation_frame(plan: Plan, *, regions: Iterable[str] | None = None,
                      statuses: Iterable[str] = ("approved", "published"),
                      vintage: str | int = "latest", include_examples: bool = False) -> pd.DataFrame:
    rows = Observation.objects.filter(
        indicator__plan=plan, status__in=list(statuses), quarter__isnull=True, month__isnull=True
    )
    if not include_examples:
        rows = rows.filter(is_example=False)
    if regions is not None:
        rows = rows.filter(region__name__in=list(regions))
    if isinstance(vintage, int):
        rows = rows.filter(vintage=vintage)
    columns = COLUMNS + ["is_example"] if include_examples else COLUMNS
    data = list(rows.values_list("indicator__code", "region__name", "year", "value", "vintage", "qualifier",
                                 "source", "status", *(["is_example"] if include_examples else [])))
    frame = pd.DataFrame(data, columns=columns)
    if frame.empty:
        return frame.astype({"year": "int64", "value": "float64", "vintage": "int64"})
    frame = frame.sort_values(["indicator", "region", "year", "vintage"])
    if vintage == "latest":
        frame = frame.drop_duplicates(["indicator", "region", "year"], keep="last")
    elif vintage == "first":
        frame = frame.drop_duplicates(["indicator", "region", "year"], keep="first")
    return frame.reset_index(drop=True).astype({"year": "int64", "value": "float64", "vintage": "int64"})


def latest_vintages(rows: QuerySet[Observation]) -> list[Observation]:
    """Keep the highest vintage of each (indicator, region, period) among ``rows``."""
    best: dict[tuple[int, int, str], Observation] = {}
    for obs in rows.order_by("indicator_id", "region_id", "period", "vintage"):
        best[(obs.indicator_id, obs.region_id, obs.period)] = obs
    return list(best.values())


def published_observations(plan: Plan | None = None, *, indicator_code: str | None = None,
                           region: str | None = None, include_examples: bool = False) -> list[Observation]:
    rows = Observation.objects.filter(status=Observation.Status.PUBLISHED).select_related(
        "indicator", "region", "unit"
    )
    if not include_examples:
        rows = rows.filter(is_example=False)
    if plan is not None:
        rows = rows.filter(indicator__plan=plan)
    if indicator_code is not None:
        rows = rows.filter(indicator__code=indicator_code)
    if region is not None:
        rows = rows.filter(region__name=region)
    return sorted(latest_vintages(rows), key=lambda o: (o.indicator.order, o.region.order, o.period))
