"""The evaluation engine's grades for the plan's own region, as the 驾驶舱 gets them (approved figures)."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.web.dashboard import series
from planwatch.web.dashboard.assess import assess
from planwatch.web.dashboard.overview import LAGGING
from planwatch.web.plans.models import Indicator, Plan


@dataclass(frozen=True)
class Graded:
    indicator: Indicator
    grade: str | None
    warning: bool
    reason: str
    latest_year: int | None


def plan_grades(plan: Plan) -> list[Graded]:
    """One row per indicator: the engine's grade and 预警 for the plan's region (no data → no grade).

    Grading the plan takes the engine some 100–200 ms; the engine's result is kept by the evaluation cache
    (``planwatch.web.dashboard.cache``, keyed by the figures, targets and judgements it was computed
    from), so a repeated page costs the query, not the grading, and a stale grade is never shown.
    """
    rows = _grade_rows(plan)
    indicators = {i.pk: i for i in plan.indicators.order_by("order")}
    return [Graded(indicators[pk], *rest) for pk, *rest in rows if pk in indicators]


def _grade_rows(plan: Plan) -> list[tuple]:
    region = series.plan_region(plan)
    points = series.annual_points(plan, public=False, regions=[region]) if region else []
    found = assess(plan, points, region=region) if region and points else {}
    out = []
    for pk in plan.indicators.order_by("order").values_list("pk", flat=True):
        a = found.get(pk)
        out.append(
            (
                pk,
                a.grade if a else None,
                bool(a and a.warning),
                a.reason if a else "",
                a.latest_year if a else None,
            )
        )
    return out


def is_lagging(g: Graded) -> bool:
    return g.grade in LAGGING
