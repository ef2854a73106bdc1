"""The one call site of the evaluation engine from the pages.

``evaluate_plan`` returns the engine's data frame (one row per indicator × region) for the
visible observations. While ``planwatch.evaluation.evaluate`` is not yet in the tree, a
provisional reading of the design's formulas (``docs``: 完成度, 时序进度, 年均增速) stands in so
the pages can be built and tested; it is used only when the engine cannot be imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import pandas as pd

from planwatch.reports.charts import ProjectionPoint
from planwatch.web.dashboard.series import Point
from planwatch.web.plans.models import Plan, TargetVersion

# The provisional margin around the time share (the engine's settings registry replaces it).
PROVISIONAL_MARGIN = 0.05


def _engine():
    try:
        module = importlib.import_module("planwatch.evaluation")
    except ImportError:
        return None
    return module if hasattr(module, "evaluate") else None


def _specs(plan: Plan):
    inputs = importlib.import_module("planwatch.web.plans.evaluation_inputs")
    return inputs.indicator_specs(plan)


def _engine_frame(points: Sequence[Point]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"indicator_id": p.indicator_id, "region_id": p.region_id, "year": p.year, "value": p.value} for p in points],
        columns=["indicator_id", "region_id", "year", "value"],
    )


def evaluate_plan(plan: Plan, points: Sequence[Point], *, as_of: int) -> pd.DataFrame:
    engine = _engine()
    if engine is None:
        return provisional_evaluate(plan, points, as_of=as_of)
    return engine.evaluate(_specs(plan), _engine_frame(points), as_of)


def forecast_points(plan: Plan, points: Sequence[Point], *, as_of: int) -> dict[int, list[ProjectionPoint]]:
    """Projection to the target year with its 80% interval, per indicator."""
    engine = _engine()
    if engine is None or not hasattr(engine, "forecast"):
        return {}
    frame = engine.forecast(_specs(plan), _engine_frame(points), as_of)
    out: dict[int, list[ProjectionPoint]] = {}
    for row in frame.to_dict("records"):
        out.setdefault(int(row["indicator_id"]), []).append(
            ProjectionPoint(int(row["year"]), row["value"], row.get("lower"), row.get("upper"))
        )
    return out


# --- provisional stand-in ------------------------------------------------------------------------


def _targets(plan: Plan) -> dict[int, TargetVersion]:
    rows = TargetVersion.objects.filter(indicator__plan=plan, status=TargetVersion.Status.APPROVED).order_by("version")
    return {t.indicator_id: t for t in rows}


def provisional_evaluate(plan: Plan, points: Sequence[Point], *, as_of: int) -> pd.DataFrame:
    """完成度 (v − b)/(T − b), 时序进度 (t − t0)/(t1 − t0), growth rates; grade by the time-share margin."""
    latest: dict[int, Point] = {}
    for p in sorted(points, key=lambda p: p.year):
        latest[p.indicator_id] = p
    targets = _targets(plan)
    rows = []
    for ind in plan.indicators.all():
        rows.append(_provisional_row(ind, targets.get(ind.pk), latest.get(ind.pk), plan, as_of))
    return pd.DataFrame(rows)


def _provisional_row(ind, target, point, plan, as_of) -> dict:
    row = {"indicator_id": ind.pk, "region_id": point.region_id if point else None, "grade": "无数据"}
    if target is not None and target.kind == "assigned":
        return {**row, "grade": "待下达"}
    if target is None or target.value is None or ind.baseline is None or target.kind not in ("level", "about", "floor"):
        return {**row, "grade": "无目标值" if point else "无数据"}
    if point is None:
        return row
    b, t_value, v = ind.baseline, target.value, point.value
    t0, t1, t = ind.baseline_year or plan.base_year, target.year, point.year
    completion = (v - b) / (t_value - b) if t_value != b else None
    time_share = (t - t0) / (t1 - t0) if t1 != t0 else None
    growth = (v / b) ** (1 / (t - t0)) - 1 if t > t0 and b > 0 and v > 0 else None
    required = (t_value / v) ** (1 / (t1 - t)) - 1 if t1 > t and v > 0 and t_value > 0 else None
    grade = _provisional_grade(completion, time_share)
    return {
        **row, "grade": grade, "completion": completion, "time_share": time_share, "actual_growth": growth,
        "required_growth": required, "latest_year": t, "latest_value": v,
        "projected": v * (1 + growth) ** (t1 - t) if growth is not None else None,
        "warning": ind.attribute == "约束性" and grade in ("滞后", "逆向"),
        "reason": "",
    }


def _provisional_grade(completion: float | None, time_share: float | None) -> str:
    if completion is None or time_share is None:
        return "无数据"
    if round(completion, 12) >= 1:
        return "提前实现"
    if completion < 0:
        return "逆向"
    if round(completion - time_share, 12) > PROVISIONAL_MARGIN:
        return "快于预期"
    if round(completion - time_share, 12) >= -PROVISIONAL_MARGIN:
        return "基本符合预期"
    return "滞后"
