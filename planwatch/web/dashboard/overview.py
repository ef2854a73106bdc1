"""The 驾驶舱: the whole plan on one screen.

Counts by grade (plan and each pillar), binding 预警 first, the lagging indicators with the growth
still needed, who has not reported, and what changed since the last period (grades that moved,
figures that arrived). Everything is computed for the plan's own region (赣州市) from approved
figures, as of the latest year with data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from planwatch.evaluation.vocabulary import LAGGING
from planwatch.reports.charts import GRADE_ORDER, grade_bar
from planwatch.web.dashboard import series
from planwatch.web.dashboard.assess import Assessment, assess
from planwatch.web.dashboard.engine import Inputs
from planwatch.web.dashboard.labels import grade_label
from planwatch.web.monitoring.assignments import DONE, expected_periods, past_due
from planwatch.web.monitoring.models import Assignment, Observation
from planwatch.web.plans.models import Indicator, Plan


@dataclass
class Row:
    indicator: Indicator
    assessment: Assessment
    previous_grade: str | None = None


@dataclass
class PillarSummary:
    name: str
    counts: dict[str, int]
    total: int


@dataclass
class UnitStatus:
    unit: str
    expected: int
    done: int
    due_date: dt.date
    missing: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.done < self.expected and past_due(self.due_date)


def overview(plan: Plan, *, public: bool = False) -> dict:
    region = series.plan_region(plan)
    regions = [region] if region is not None else []
    points = series.annual_points(plan, public=public, regions=regions)
    as_of = max((p.year for p in points), default=None)
    region_id = region.pk if region else None
    inputs = Inputs.for_plan(plan) if points else None
    now = assess(plan, points, as_of=as_of, region=region, inputs=inputs) if region else {}
    before = assess(plan, points, as_of=as_of - 1, region=region, inputs=inputs) if region and as_of else {}
    indicators = list(plan.indicators.select_related("pillar", "plan").prefetch_related("targets").order_by("order"))
    rows = [Row(i, now.get(i.pk) or Assessment(i.pk, region_id), _grade(before.get(i.pk))) for i in indicators]
    counts = Counter(r.assessment.grade for r in rows)
    return {
        "region": region,
        "as_of": as_of,
        "rows": rows,
        "counts": [(g, counts[g]) for g in GRADE_ORDER if counts.get(g)],
        "grade_chart": grade_bar(dict(counts), labels={g: grade_label(g) for g in counts if g}),
        "pillars": _pillars(rows),
        "warnings": [r for r in rows if r.assessment.warning],
        "lagging": sorted(
            (r for r in rows if r.assessment.grade in LAGGING),
            key=lambda r: (not r.assessment.warning, r.indicator.order),
        ),
        "changed": [r for r in rows if before and r.previous_grade != r.assessment.grade],
        "new_figures": _new_figures(points, as_of, indicators),
        "reporting": reporting_status(plan),
        # Indicators whose shown series holds an example-set figure (示例, invented): tagged on every row.
        "example_ids": {p.indicator_id for p in points if p.example},
    }


def _new_figures(points, as_of: int | None, indicators: list[Indicator]) -> list[tuple[Indicator, object]]:
    """The figures of the latest period, each with its indicator (revisions marked by the point)."""
    by_id = {i.pk: i for i in indicators}
    return [(by_id[p.indicator_id], p) for p in points if p.year == as_of and p.indicator_id in by_id]


def _grade(assessment: Assessment | None) -> str | None:
    return assessment.grade if assessment else None


def _pillars(rows: list[Row]) -> list[PillarSummary]:
    grouped: dict[str, list[Row]] = {}
    for r in rows:
        grouped.setdefault(r.indicator.pillar.name, []).append(r)
    out = []
    for name, members in grouped.items():
        counts = Counter(r.assessment.grade for r in members)
        out.append(PillarSummary(name, {g: counts[g] for g in GRADE_ORDER if counts.get(g)}, len(members)))
    return out


def reporting_status(plan: Plan) -> dict:
    """Per unit, for the latest reporting year: expected (region, period) figures and those in.

    A figure counts as reported once submitted (submitted, approved or published), as the
    monitoring module's overdue rule counts it.
    """
    assignments = Assignment.objects.filter(indicator__plan=plan, active=True)
    year = assignments.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return {"year": None, "units": []}
    rows = assignments.filter(year=year).select_related("unit", "indicator").prefetch_related("regions")
    done = set(
        Observation.objects.filter(indicator__plan=plan, status__in=DONE, year=year).values_list(
            "indicator_id", "region_id", "period"
        )
    )
    units: dict[str, UnitStatus] = {}
    for a in rows:
        status = units.setdefault(a.unit.name, UnitStatus(a.unit.name, 0, 0, a.due_date))
        status.due_date = min(status.due_date, a.due_date)
        for region in a.regions.all():
            for period in expected_periods(a):
                status.expected += 1
                if (a.indicator_id, region.pk, period) in done:
                    status.done += 1
                else:
                    status.missing.append(f"{a.indicator.name} · {region.name} · {period}")
    ordered = sorted(units.values(), key=lambda u: (u.done >= u.expected, u.due_date, u.unit))
    return {"year": year, "units": ordered}
