"""The one call site of the evaluation engine (``planwatch.evaluation``) from the pages.

``evaluate_plan`` hands the engine the plan's indicator specs and the visible observations (as
``monitoring.queries.engine_frame`` writes them for every caller: codes and region names) and returns its data frame with our ids added; ``forecast_points``
asks it for the yearly path to the target year with its 80% interval. No grade is decided here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from django.utils import translation

from planwatch import evaluation
from planwatch.evaluation.vocabulary import AWAITING, NO_DATA
from planwatch.reports.charts import ProjectionPoint
from planwatch.web.dashboard.cache import remembered
from planwatch.web.monitoring.queries import Names, Point, engine_frame
from planwatch.web.places.models import Region
from planwatch.web.plans.evaluation_inputs import indicator_specs, quality_judgements
from planwatch.web.plans.models import Plan, TargetVersion


def specs_frame(plan: Plan) -> pd.DataFrame:
    """The engine's indicator specs, graded against the targets in force (approved adjustments)."""
    return indicator_specs(plan, targets="current")


@dataclass
class Inputs:
    """What every evaluation of a plan shares within a request: the specs and the id ↔ name maps."""

    specs: pd.DataFrame
    names: Names
    judgements: pd.DataFrame | None = None  # 量稳质升's recorded quality judgements

    @classmethod
    def for_plan(cls, plan: Plan) -> Inputs:
        return cls(specs_frame(plan), Names.for_plan(plan), quality_judgements(plan))


INTERVAL_METHODS = {"loglinear", "ets_holt"}
WHOLE_PLAN_SETTINGS = evaluation.EvaluationSettings(ets_max_series=0)
# The engine's columns the pages read (to_dict over all forty would cost more than the grading).
COLUMNS = [
    "indicator", "region", "grade", "warning", "reason", "completion", "time_share", "actual_growth",
    "points_per_year", "required_growth", "required_points", "latest_year", "latest_value", "latest_qualifier", "forecast_value", "forecast_method", "opensdg_status",
    "unsd_status", "methods_disagree", "disagreement",
]


def evaluate_plan(
    plan: Plan, points: Sequence[Point], *, as_of: int, region: Region | None = None,
    codes: Sequence[str] | None = None, inputs: Inputs | None = None,
) -> pd.DataFrame:
    """The engine's frame with ``indicator_id``/``region_id`` added, one row per indicator of ``region``.

    ``codes`` limits the evaluation to some indicators (an indicator page needs one, not 36);
    ``inputs`` lets two evaluations in one request share the specs.

    Whole-plan screens (``codes`` is None) show grades and counts, never a forecast band, so they
    skip Holt's per-series fit (about 12 ms a series: 36 long series would take the dashboard past
    its 200 ms budget). Grades and 预警 do not depend on the forecast method, so nothing shown changes.
    """
    if not points:
        # Nothing observed yet: every indicator is 无数据 (待下达 while the province's figure is awaited).
        return _no_data_frame(plan)
    inputs = inputs or Inputs.for_plan(plan)
    specs, names = inputs.specs, inputs.names
    if codes is not None:
        specs = specs[specs["indicator"].isin(list(codes))]
    observed = engine_frame(points, names)
    arguments = dict(
        regions=[region.name] if region is not None else None, plan_region=_plan_region_name(plan),
        judgements=inputs.judgements,
        settings=WHOLE_PLAN_SETTINGS if codes is None else evaluation.EvaluationSettings(),
        language=reason_language(),
    )
    frame = remembered(
        "evaluation", (specs, observed, as_of, sorted(arguments.items(), key=lambda kv: kv[0])),
        lambda: _columns(evaluation.evaluate(specs, observed, as_of, **arguments)),
    ).copy()
    frame["indicator_id"] = frame["indicator"].map(names.id_of)
    frame["region_id"] = frame["region"].map(names.region_id)
    return frame.rename(columns={"forecast_value": "projected"})


def _columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[[c for c in COLUMNS if c in frame.columns]].copy()


def reason_language() -> str:
    """The engine's sentences follow the page's language: English pages get English reasons."""
    return "en" if (translation.get_language() or "").startswith("en") else "zh"


def _plan_region_name(plan: Plan) -> str:
    """The region list's name for the plan's region: the real plan says 赣州, the regions 赣州市.

    Passing the plan's own word made every 赣州市 series take its base from an observation.
    """
    from planwatch.web.dashboard.series import plan_region

    region = plan_region(plan)
    return region.name if region is not None else plan.region


def _no_data_frame(plan: Plan) -> pd.DataFrame:
    targets = _targets(plan)
    rows = [
        {"indicator_id": ind_id, "grade": AWAITING if t.kind == "assigned" else NO_DATA}
        for ind_id, t in targets.items()
    ]
    return pd.DataFrame(rows, columns=["indicator_id", "grade"])


def forecast_points(
    plan: Plan, points: Sequence[Point], methods: dict[int, str]
) -> dict[int, list[ProjectionPoint]]:
    """Each year from the last observation to the target year with its 80% interval, for the series
    the evaluation projects by a fitted trend (``forecast_method`` loglinear or ets_holt).

    Short series are projected by their average growth (or line) with no honest interval; the page
    draws those as one segment to the engine's own target-year projection instead.
    """
    targets = _targets(plan)
    by_indicator: dict[int, list[Point]] = {}
    for p in points:
        by_indicator.setdefault(p.indicator_id, []).append(p)
    out: dict[int, list[ProjectionPoint]] = {}
    for indicator_id, method in methods.items():
        series, target = by_indicator.get(indicator_id, []), targets.get(indicator_id)
        if method not in INTERVAL_METHODS or not series or target is None or target.year <= max(p.year for p in series):
            continue
        years = range(max(p.year for p in series) + 1, target.year + 1)
        xs, ys = [p.year for p in series], [p.value for p in series]
        frame = remembered(
            "forecast", (xs, ys, list(years), method),
            lambda xs=xs, ys=ys, years=years, method=method: evaluation.forecast(xs, ys, years, method=method),
        )
        out[indicator_id] = [
            ProjectionPoint(int(r["year"]), _finite(r["value"]), _finite(r["low"]), _finite(r["high"]))
            for r in frame.to_dict("records")
            if _finite(r["value"]) is not None
        ]
    return out


def _finite(value) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _targets(plan: Plan) -> dict[int, TargetVersion]:
    """The approved target in force per indicator (the highest approved version)."""
    rows = TargetVersion.objects.filter(indicator__plan=plan, status=TargetVersion.Status.APPROVED).order_by("version")
    return {t.indicator_id: t for t in rows}
