"""The county comparison page: 18 county-level units × indicators, rankings and the map.

Built from the same pure comparison the report prints (``planwatch.reports.counties``), over a
snapshot taken for the page (approved figures, as the signed-in pages show) — not stored.
"""

from __future__ import annotations

from planwatch.evaluation.vocabulary import NO_DATA
from planwatch.reports import charts
from planwatch.reports.counties import CountyComparison
from planwatch.reports.formatting import format_percent, format_rate, format_value
from planwatch.reports.snapshot import Snapshot
from planwatch.web.dashboard.maps import MAP_NAME
from planwatch.web.monitoring.audience import SIGNED_IN, Audience
from planwatch.web.reporting.snapshots import build_snapshot

BY = ("growth", "completion")
NO_DATA_AREA = "#eeeeee"  # counties without a figure stay pale, as on the level map
COLOURS = ("grade", "completion", "level")


def _as_of(plan, audience: Audience) -> int:
    from planwatch.web.monitoring.audience import visible
    from planwatch.web.monitoring.models import Observation

    rows = visible(Observation.objects.filter(indicator__plan=plan), audience, examples=False)
    years = rows.values_list("year", flat=True)
    return max(years, default=plan.base_year)


def _comparison(plan, language: str, audience: Audience) -> tuple[Snapshot, CountyComparison]:
    from planwatch.reports.content import build_report

    snapshot = build_snapshot(
        plan, kind="annual", as_of=_as_of(plan, audience), edition="internal", audience=audience
    )
    return snapshot, build_report(snapshot, language).counties


def grade_map(values: dict[str, str], labels: dict[str, str], series_name: str) -> dict:
    """The county map coloured by grade: each county its grade's colour, the word in the tooltip."""
    option = charts.county_map(MAP_NAME, {name: None for name in values}, series_name=series_name)
    option["visualMap"]["show"] = False
    option.pop("visualMap")
    option["tooltip"] = {"trigger": "item", "formatter": "{b}"}
    option["series"][0]["data"] = [
        {
            "name": name,
            "value": None,
            "itemStyle": {
                "areaColor": NO_DATA_AREA if grade == NO_DATA else charts.grade_style(grade).colour
            },
            "label": {"show": True, "formatter": f"{name}\n{labels.get(name, grade)}", "fontSize": 9},
        }
        for name, grade in values.items()
    ]
    return option


def comparison_page(
    plan, *, indicator: str | None, by: str, colour: str, language: str, audience: Audience = SIGNED_IN
) -> dict:
    """The page for ``audience`` (``monitoring.audience``): a reporter's page holds no other unit's
    figure that is approved but not yet published."""
    language = "en" if (language or "").startswith("en") else "zh"
    by = by if by in BY else "growth"
    colour = colour if colour in COLOURS else "grade"
    snapshot, comparison = _comparison(plan, language, audience)
    chosen = next((i for i in comparison.indicators if i.code == indicator), None)
    chosen = chosen or (comparison.indicators[0] if comparison.indicators else None)
    matrix = [
        {
            "county": county,
            "cells": [
                _cell_text(ind, next(c for c in ind.cells if c.region == county))
                for ind in comparison.indicators
            ],
        }
        for county in comparison.counties
    ]
    ranked, map_option = [], None
    if chosen is not None:
        ranked = [
            _cell_text(chosen, c) | {"rank": c.rank_growth if by == "growth" else c.rank_completion}
            for c in chosen.ranked(by)
        ]
        map_option = _map(chosen, colour)
    return {
        "as_of": snapshot.as_of,
        "comparison": comparison,
        "matrix": matrix,
        "chosen": chosen,
        "ranked": ranked,
        "by": by,
        "colour": colour,
        "map_option": map_option,
        "colours": COLOURS,
    }


def _cell_text(ind, cell) -> dict:
    return {
        "region": cell.region,
        "value": format_value(cell.value, ind.value_unit, ind.decimals),
        "year": cell.year,
        "growth": format_rate(cell.growth),
        "completion": format_percent(cell.completion),
        "grade": cell.grade,
        "grade_label": cell.grade_label,
        "css": charts.grade_style(cell.grade).css,
        "symbol": charts.grade_style(cell.grade).symbol,
        "own_target": cell.own_target,
    }


def _map(ind, colour: str) -> dict:
    if colour == "grade":
        return grade_map(
            {c.region: c.grade for c in ind.cells}, {c.region: c.grade_label for c in ind.cells}, ind.name
        )
    if colour == "completion":
        values = {c.region: None if c.completion is None else c.completion * 100 for c in ind.cells}
        return charts.county_map(MAP_NAME, values, series_name=ind.name, unit="%", decimals=1)
    return charts.county_map(
        MAP_NAME,
        {c.region: c.value for c in ind.cells},
        series_name=ind.name,
        unit=ind.unit,
        decimals=ind.decimals,
    )
