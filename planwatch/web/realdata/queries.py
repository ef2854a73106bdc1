"""Read-only queries on the real-data tables, for the evaluation, dashboards and reports.

``series_frame(kind=None, series=None, regions=None, vintage="latest", example=False)`` returns a
pandas DataFrame with columns series, region, year, value, unit, vintage, qualifier, source, kind —
e.g. ``series_frame("reference", "人均GDP", ["全国"])`` for the 2035 comparison, or
``series_frame("auxiliary", "年末常住人口")`` for 人均GDP = GDP ÷ 常住人口.

``is_example(observation)`` / ``example_ids()`` say which ``monitoring.Observation`` rows belong to
the example set (``Observation.is_example``), so any page, export or report showing them can mark
them 示例.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.queries import observation_frame
from planwatch.web.realdata.models import SeriesObservation

COLUMNS = ["series", "region", "year", "value", "unit", "vintage", "qualifier", "source", "kind"]


def series_frame(kind: str | None = None, series: str | None = None, regions: Iterable[str] | None = None,
                 *, vintage: str | int = "latest", example: bool = False) -> pd.DataFrame:
    rows = SeriesObservation.objects.filter(is_example=example)
    if kind is not None:
        rows = rows.filter(kind=kind)
    if series is not None:
        rows = rows.filter(series=series)
    if regions is not None:
        rows = rows.filter(region__in=list(regions))
    if isinstance(vintage, int):
        rows = rows.filter(vintage=vintage)
    frame = pd.DataFrame(list(rows.values_list(*COLUMNS)), columns=COLUMNS)
    if frame.empty:
        return frame.astype({"year": "int64", "value": "float64", "vintage": "int64"})
    frame = frame.sort_values(["kind", "series", "region", "year", "vintage"])
    if vintage in ("latest", "first"):
        keep = "last" if vintage == "latest" else "first"
        frame = frame.drop_duplicates(["kind", "series", "region", "year"], keep=keep)
    return frame.reset_index(drop=True).astype({"year": "int64", "value": "float64", "vintage": "int64"})


def example_ids() -> set[int]:
    """Primary keys of the observations that belong to the example set."""
    return set(Observation.objects.filter(is_example=True).values_list("pk", flat=True))


def is_example(observation) -> bool:
    """True for an example figure: an ``Observation`` says so itself; anything else with a ``pk`` is looked up."""
    if isinstance(observation, Observation):
        return observation.is_example
    if observation is None or getattr(observation, "pk", None) is None:
        return False
    return Observation.objects.filter(pk=observation.pk, is_example=True).exists()


def example_loaded() -> bool:
    return (Observation.objects.filter(is_example=True).exists()
            or SeriesObservation.objects.filter(is_example=True).exists())


def per_capita_gdp(plan, region: str = "赣州市") -> pd.DataFrame:
    """An ESTIMATE of 人均GDP (元) from the published GDP (亿元) and the auxiliary 年末常住人口 (万人).

    No source here publishes Ganzhou's per-capita GDP after the plan's baseline, so the 2035
    comparison (人均GDP基本达到全国平均水平) uses GDP ÷ average resident population — the statistical
    method: 人均GDP = GDP × 10^4 ÷ ((上年末人口 + 本年末人口) ÷ 2). A year without the previous year-end
    population is left out rather than computed another way. Columns: year, value, gdp, population.
    """
    code = plan.indicators.filter(name="GDP").values_list("code", flat=True).first()
    frame = observation_frame(plan, regions=[region])
    gdp = frame[frame.indicator == code].set_index("year")["value"]
    people = series_frame("auxiliary", "年末常住人口", [region]).set_index("year")["value"]
    average = pd.Series({y: (people[y] + people[y - 1]) / 2 for y in people.index if y - 1 in people.index})
    years = sorted(set(gdp.index) & set(average.index))
    return pd.DataFrame({
        "year": years,
        "value": [gdp[y] * 10_000 / average[y] for y in years],
        "gdp": [gdp[y] for y in years],
        "population": [average[y] for y in years],
    }, columns=["year", "value", "gdp", "population"])
