"""The evaluation engine's grades for the plan's own region, as the 驾驶舱 gets them (approved figures)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language

from planwatch.web.dashboard import series
from planwatch.web.dashboard.assess import assess
from planwatch.web.dashboard.overview import LAGGING
from planwatch.web.monitoring.models import Observation
from planwatch.web.plans.models import Indicator, Plan, QualityJudgement, TargetVersion


@dataclass(frozen=True)
class Graded:
    indicator: Indicator
    grade: str | None
    warning: bool
    reason: str
    latest_year: int | None


def plan_grades(plan: Plan) -> list[Graded]:
    """One row per indicator: the engine's grade and 预警 for the plan's region (no data → no grade).

    Grading the plan takes the engine some 100–200 ms; the result is kept in Django's cache under a key
    that changes with any figure, target version or quality judgement of the plan (and the language:
    the reason is a sentence), so a stale grade is never shown and the cache may be shared by processes.
    """
    key = _cache_key(plan)
    rows = cache.get(key)
    if rows is None:
        rows = _grade_rows(plan)
        cache.set(key, rows, CACHE_SECONDS)
    indicators = {i.pk: i for i in plan.indicators.order_by("order")}
    return [Graded(indicators[pk], *rest) for pk, *rest in rows if pk in indicators]


CACHE_SECONDS = 3600


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


def _cache_key(plan: Plan) -> str:
    figures = Observation.objects.filter(indicator__plan=plan).aggregate(n=Count("pk"), at=Max("updated_at"))
    targets = TargetVersion.objects.filter(indicator__plan=plan).aggregate(
        n=Count("pk"), at=Max("decided_at")
    )
    judged = QualityJudgement.history.filter(indicator__plan=plan).aggregate(n=Max("history_id"))
    parts = (plan.pk, figures["n"], figures["at"], targets["n"], targets["at"], judged["n"], get_language())
    return "work-grades:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def is_lagging(g: Graded) -> bool:
    return g.grade in LAGGING
