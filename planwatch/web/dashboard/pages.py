"""What an indicator page and the county view show, built once for the dashboard and the portal.

``public=True`` reads published figures only (the portal and its static export); otherwise the
approved ones. Views call these functions and render; they never query observations themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import get_language

from planwatch.reports import charts
from planwatch.reports.formatting import decimals_of, format_stated
from planwatch.web.dashboard import series
from planwatch.web.dashboard.assess import Assessment, assess
from planwatch.web.dashboard.labels import chart_labels, method_status_label
from planwatch.web.dashboard.maps import MAP_NAME
from planwatch.web.monitoring.models import Observation
from planwatch.web.places.models import Region
from planwatch.web.plans.models import Indicator, Plan, ProjectItem, TargetVersion, Task

LEVEL_KINDS = {"level", "about", "floor"}
# Words that end an indicator's name but not its subject: 研发经费投入强度 → 研发经费投入.
_SUFFIXES = ("增长率", "增速", "比重", "占比", "强度", "水平", "率", "数", "量")


def indicator_decimals(indicator: Indicator) -> int:
    """The decimals the plan prints this indicator with (its baseline cell, else its target)."""
    target = indicator.current_target
    return decimals_of(indicator.baseline_text or (target.text if target else ""), default=1)


@dataclass
class IndicatorPage:
    indicator: Indicator
    region: object
    assessment: Assessment | None
    chart: dict
    observations: list
    targets: list[TargetVersion]
    tasks: list[Task]
    projects: list[ProjectItem]
    county_years: list[int]
    decimals: int
    public: bool

    @property
    def has_example(self) -> bool:
        return any(getattr(o, "example", False) for o in self.observations)

    @property
    def method_grades(self) -> list[tuple[str, str]]:
        a = self.assessment
        if a is None:
            return []
        return [
            ("Open SDG / Statistics Canada", method_status_label(a.opensdg_status)),
            ("UN SDG Progress Chart", method_status_label(a.unsd_status)),
        ]


def indicator_page(plan: Plan, indicator: Indicator, *, public: bool) -> IndicatorPage:
    region = series.plan_region(plan)
    points = series.annual_points(plan, public=public, indicators=[indicator])
    own = [p for p in points if region is not None and p.region_id == region.pk]
    assessment = None
    if region is not None:
        assessment = assess(plan, own, region=region, with_forecast=True, indicators=[indicator]).get(indicator.pk)
    decimals = indicator_decimals(indicator)
    counties = {r.pk for r in series.county_regions()}
    targets = indicator.targets.all().order_by("version")
    if public:
        targets = targets.filter(status=TargetVersion.Status.APPROVED)
    return IndicatorPage(
        indicator=indicator,
        region=region,
        assessment=assessment,
        chart=indicator_chart(indicator, own, assessment, decimals),
        observations=series.vintages(indicator, region, public=public) if region else [],
        targets=list(targets),
        tasks=linked_tasks(plan, indicator),
        projects=linked_projects(plan, indicator),
        county_years=sorted({p.year for p in points if p.region_id in counties}, reverse=True),
        decimals=decimals,
        public=public,
    )


def indicator_chart(indicator: Indicator, own: list, assessment: Assessment | None, decimals: int) -> dict:
    target = indicator.current_target
    baseline = None
    if indicator.baseline is not None:
        baseline = (indicator.baseline_year or indicator.plan.base_year, indicator.baseline)
    target_point = None
    if target is not None and target.value is not None and target.kind in LEVEL_KINDS:
        target_point = (target.year, target.value)
    projection = list(assessment.forecast) if assessment else []
    if not projection and assessment and assessment.projected_value is not None and target is not None:
        projection = [charts.ProjectionPoint(target.year, assessment.projected_value)]
    return charts.indicator_chart(
        [(p.year, p.value) for p in own],
        labels=chart_labels(),
        baseline=baseline,
        target=target_point,
        projection=projection,
        revised_years=[p.year for p in own if p.revised],
        unit=indicator.unit,
        decimals=decimals,
    )


def search_terms(name: str) -> list[str]:
    """The indicator's name and its subject: 单位GDP能耗降低率 → [单位GDP能耗降低率, 单位GDP能耗降低]."""
    base = re.sub(r"[((].*?[))]", "", name).strip()
    terms = [base]
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            terms.append(base[: -len(suffix)])
            break
    return terms


def _text_query(terms: list[str]) -> Q:
    query = Q()
    for term in terms:
        query |= Q(title__contains=term) | Q(text__contains=term)
    return query


def linked_tasks(plan: Plan, indicator: Indicator, limit: int = 8) -> list[Task]:
    """Tasks whose wording names the indicator's subject (a keyword match, not a curated link)."""
    query = _text_query(search_terms(indicator.name))
    return list(Task.objects.filter(query, section__chapter__plan=plan).select_related("section__chapter")[:limit])


def linked_projects(plan: Plan, indicator: Indicator, limit: int = 8) -> list[ProjectItem]:
    query = _text_query(search_terms(indicator.name))
    return list(ProjectItem.objects.filter(query, box__plan=plan).select_related("box")[:limit])


@dataclass
class CountyRow:
    rank: int | None
    name: str
    value: float | None
    value_text: str
    source: str
    example: bool = False
    work: list[str] = field(default_factory=list)  # plan tasks and 专栏 items naming this county
    publisher: str = ""  # the public citation beside ``source`` (``dashboard.sources``)
    document_title: str = ""


def county_view(plan: Plan, indicator: Indicator, year: int | None, *, public: bool) -> dict:
    """The choropleth and its ranked table: higher is better unless the indicator says lower."""
    counties = series.county_regions()
    points = series.annual_points(plan, public=public, indicators=[indicator], regions=counties)
    years = sorted({p.year for p in points}, reverse=True)
    year = year if year in years else (years[0] if years else None)
    by_region = {p.region_id: p for p in points if p.year == year}
    decimals = indicator_decimals(indicator)
    # The map's features carry full names (章贡区, 龙南市), as Region.name does.
    values = {r.name: (by_region[r.pk].value if r.pk in by_region else None) for r in counties}
    option = charts.county_map(MAP_NAME, values, series_name=indicator.name, unit=indicator.unit, decimals=decimals)
    return {
        "indicator": indicator,
        "year": year,
        "years": years,
        "map_option": option,
        "rows": _with_work(_ranked_rows(counties, by_region, indicator, decimals), plan),
        "language": get_language(),
    }


def _ranked_rows(counties, by_region, indicator: Indicator, decimals: int) -> list[CountyRow]:
    lower_better = indicator.direction == "lower"
    have = sorted(
        (r for r in counties if r.pk in by_region),
        key=lambda r: by_region[r.pk].value,
        reverse=not lower_better,
    )
    rows = [
        CountyRow(i + 1, r.name, p.value, format_stated(p.value, p.original_value, decimals) + indicator.unit,
                  p.source, p.example, publisher=p.publisher, document_title=p.document_title)
        for i, r in enumerate(have) for p in (by_region[r.pk],)
    ]
    rows += [CountyRow(None, r.name, None, "—", "") for r in counties if r.pk not in by_region]
    return rows


def work_by_place(plan: Plan) -> dict[str, list[str]]:
    """Tasks and 专栏 items by the places their text names (the plan reader's gazetteer matches).

    Read in Python: a few hundred rows, and JSON containment is not portable to SQLite.
    """
    found: dict[str, list[str]] = {}
    tasks = Task.objects.filter(section__chapter__plan=plan).exclude(places=[]).only("title", "places")
    items = ProjectItem.objects.filter(box__plan=plan).exclude(places=[]).only("title", "places")
    for row in [*tasks, *items]:
        for place in row.places:
            found.setdefault(place, []).append(row.title)
    return found


def _with_work(rows: list[CountyRow], plan: Plan) -> list[CountyRow]:
    work = work_by_place(plan)
    for row in rows:
        row.work = work.get(row.name, [])
    return rows


def indicators_with_county_data(plan: Plan, *, public: bool) -> list[Indicator]:
    """Indicators with at least one visible county figure (one DISTINCT query, no rows loaded)."""
    indicators = list(plan.indicators.order_by("order"))
    counties = list(Region.objects.filter(kind=Region.Kind.COUNTY).values_list("pk", flat=True))
    ids = set(
        series.visible(
            Observation.objects.filter(indicator_id__in=[i.pk for i in indicators], region_id__in=counties), public
        )
        .order_by()  # the model's default ordering would widen SELECT DISTINCT to four columns
        .values_list("indicator_id", flat=True)
        .distinct()
    )
    return [i for i in indicators if i.pk in ids]
