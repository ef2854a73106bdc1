"""The evaluation as the pages show it: one ``Assessment`` per indicator for one region.

The maths lives in ``planwatch.evaluation`` (pure, vectorised); this module only hands it the
plan's indicator specs and the visible observations, and turns its data frame into small records
for templates. Nothing here decides a grade.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from planwatch.reports.charts import ProjectionPoint
from planwatch.web.monitoring.queries import Point
from planwatch.web.places.models import Region
from planwatch.web.plans.models import Indicator, Plan


@dataclass
class Assessment:
    indicator_id: int
    region_id: int | None
    grade: str | None = None
    warning: bool = False
    reason: str = ""
    completion: float | None = None
    time_share: float | None = None
    actual_growth: float | None = None
    points_per_year: float | None = None  # a rate or share: 百分点 a year so far (the engine's)
    required_growth: float | None = None
    required_points: float | None = None  # a rate or share: 百分点 a year still needed (the engine's)
    latest_year: int | None = None
    latest_value: float | None = None
    latest_qualifier: str = ""  # 以上, 约 …: the latest figure is a bound or an estimate
    latest_stated: str = ""  # the latest figure as its source stated it (220, not 220.0): its precision
    projected_value: float | None = None
    opensdg_status: str | None = None
    unsd_status: str | None = None
    methods_disagree: bool = False
    disagreement: str = ""  # the engine's sentence saying how the methods differ
    forecast: list[ProjectionPoint] = field(default_factory=list)


def _clean(value):
    """NaN/NA → None so templates print a dash."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def assess(
    plan: Plan, points: Sequence[Point], *, as_of: int | None = None, region: Region | None = None,
    with_forecast: bool = False, indicators: Sequence[Indicator] | None = None, inputs=None,
) -> dict[int, Assessment]:
    """Grade the indicators of ``plan`` (all, or ``indicators``) for one region as of a year.

    ``as_of`` defaults to the latest year observed. ``with_forecast`` adds the yearly projection
    path (one engine call per indicator: for an indicator page, not for the dashboard). ``inputs``
    (``engine.Inputs``) shares the specs between evaluations of one request.
    """
    from planwatch.web.dashboard import engine

    region_id = region.pk if region is not None else None
    if region_id is not None:
        points = [p for p in points if p.region_id == region_id]
    if as_of is None:
        as_of = max((p.year for p in points), default=plan.base_year)
    points = [p for p in points if p.year <= as_of]
    codes = [i.code for i in indicators] if indicators is not None else None
    frame = engine.evaluate_plan(plan, points, as_of=as_of, region=region, codes=codes, inputs=inputs)
    stated = {(p.indicator_id, p.region_id, p.year): getattr(p, "original_value", "") for p in points}
    results = {}
    methods: dict[int, str] = {}
    for record in frame.to_dict("records"):
        if region_id is not None and _clean(record.get("region_id")) not in (None, region_id):
            continue
        if _clean(record.get("indicator_id")) is None:
            continue
        item = _assessment(record)
        item.region_id = region_id
        item.latest_stated = stated.get((item.indicator_id, _clean(record.get("region_id")), item.latest_year), "")
        results[item.indicator_id] = item
        methods[item.indicator_id] = _clean(record.get("forecast_method")) or ""
    if with_forecast:
        for indicator_id, forecast in engine.forecast_points(plan, points, methods).items():
            if indicator_id in results:
                results[indicator_id].forecast = forecast
    return results


def _int(value) -> int | None:
    return None if value is None else int(value)


def _assessment(record: dict) -> Assessment:
    """One engine row (columns as ``planwatch.evaluation`` documents them; a no-data row has few)."""
    get = lambda name: _clean(record.get(name))  # noqa: E731
    return Assessment(
        indicator_id=int(get("indicator_id")),
        region_id=get("region_id"),
        grade=get("grade"),
        warning=bool(get("warning") or False),
        reason=get("reason") or "",
        completion=get("completion"),
        time_share=get("time_share"),
        actual_growth=get("actual_growth"),
        points_per_year=get("points_per_year"),
        required_growth=get("required_growth"),
        required_points=get("required_points"),
        latest_year=_int(get("latest_year")),
        latest_value=get("latest_value"),
        latest_qualifier=get("latest_qualifier") or "",
        projected_value=get("projected"),
        opensdg_status=get("opensdg_status"),
        unsd_status=get("unsd_status"),
        methods_disagree=bool(get("methods_disagree") or False),
        disagreement=get("disagreement") or "",
    )
