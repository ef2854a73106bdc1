"""ECharts option dicts built in Python from evaluation output (pure; no Django, no pyecharts).

An option is plain JSON: the page embeds it in a ``<script type="application/json">`` and
``charts.js`` hands it to ``echarts.init(...).setOption``. No JavaScript functions inside,
so the same dict serves the live site, the static export and the tests. Every text the
chart shows comes in through ``labels`` so the caller translates it once.

Grades carry a colour *and* a shape (``GRADE_STYLES``): colour is never the only signal.
ECharts' generated aria description is switched off: it would overwrite the page's own short
label (which points to the data table, the real text alternative) with a dump of every series.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planwatch.evaluation import vocabulary as v
from planwatch.reports.formatting import round_half_up


@dataclass(frozen=True)
class GradeStyle:
    colour: str
    symbol: str  # a text shape shown beside the word
    css: str  # class suffix for the page's badge


# The national mid-term evaluation's words, best first, then the states without a judgement
# (``vocabulary.GRADES_BEST_FIRST``). White text on each colour has a contrast ratio of at least 4.5:1 (WCAG AA).
GRADE_STYLES: dict[str, GradeStyle] = {
    v.ACHIEVED: GradeStyle("#1b5e20", "★", "achieved"),
    v.AHEAD: GradeStyle("#2e7d32", "▲", "ahead"),
    v.ON_TRACK: GradeStyle("#1565c0", "●", "ontrack"),
    v.BEHIND: GradeStyle("#bf360c", "▼", "lagging"),
    v.REVERSE: GradeStyle("#b71c1c", "✖", "reverse"),
    v.NO_DATA: GradeStyle("#616161", "○", "nodata"),
    v.AWAITING: GradeStyle("#6d4c41", "◇", "assigned"),
    v.NO_TARGET: GradeStyle("#757575", "–", "notarget"),
    v.NOT_ASSESSABLE: GradeStyle("#546e7a", "◌", "unassessable"),
}
UNKNOWN_STYLE = GradeStyle("#757575", "?", "unknown")
GRADE_ORDER = tuple(GRADE_STYLES)


def grade_style(grade: str | None) -> GradeStyle:
    return GRADE_STYLES.get(grade or "", UNKNOWN_STYLE)


def _num(value: float | None, decimals: int) -> float | None:
    """JSON-safe number rounded as printed (NaN is not JSON)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(round_half_up(value, decimals))


@dataclass(frozen=True)
class ProjectionPoint:
    year: int
    value: float
    lower: float | None = None
    upper: float | None = None


def indicator_chart(
    observed: Sequence[tuple[int, float]],
    *,
    labels: Mapping[str, str],
    baseline: tuple[int, float] | None = None,
    target: tuple[int, float] | None = None,
    projection: Sequence[ProjectionPoint] = (),
    revised_years: Iterable[int] = (),
    unit: str = "",
    decimals: int = 1,
) -> dict:
    """The indicator page's chart: observed series, baseline, target, the straight path, projection ± interval.

    ``labels`` keys: observed, baseline, target, path, projection, interval, revised.
    The straight path runs from the baseline to the target value in the target year: the
    line a plan on schedule would follow (its slope is what 时序进度 compares against).
    """
    revised = set(revised_years)
    series: list[dict] = [_observed_series(observed, labels, revised, decimals)]
    if baseline is not None:
        series.append(_point_series(labels["baseline"], baseline, decimals, "circle", "#455a64"))
    if target is not None:
        series.append(_point_series(labels["target"], target, decimals, "pin", "#b71c1c"))
        if baseline is not None:
            series.append(_path_series(labels["path"], baseline, target, decimals))
    if projection:
        series.extend(_projection_series(projection, observed, labels, decimals))
    years = [y for y, _ in observed] + [p.year for p in projection]
    years += [p[0] for p in (baseline, target) if p is not None]
    return {
        "aria": {"enabled": False},
        "animation": False,
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0, "data": [s["name"] for s in series if not s.get("_hide_legend")]},
        "grid": {"left": 56, "right": 24, "top": 48, "bottom": 32},
        # A category axis of year names: a value axis would print 2021 as "2,021".
        "xAxis": {"type": "category", "boundaryGap": False, "data": _year_names(years)},
        "yAxis": {"type": "value", "name": unit, "scale": True},
        "series": [{k: v for k, v in s.items() if not k.startswith("_")} for s in series],
    }


def _year_names(years: list[int]) -> list[str]:
    """Every year from the first to the last, so gaps in the data stay gaps on the axis."""
    return [str(y) for y in range(min(years), max(years) + 1)] if years else []


def _observed_series(
    observed: Sequence[tuple[int, float]], labels: Mapping[str, str], revised: set[int], decimals: int
) -> dict:
    data = []
    for year, value in observed:
        point: dict = {"value": [str(year), _num(value, decimals)]}
        if year in revised:
            # A revised figure is marked by shape, not colour alone.
            point["symbol"] = "diamond"
            point["symbolSize"] = 12
            point["label"] = {"show": True, "formatter": labels["revised"], "position": "top"}
        data.append(point)
    return {
        "name": labels["observed"],
        "type": "line",
        "data": data,
        "symbol": "circle",
        "symbolSize": 7,
        "lineStyle": {"width": 3, "color": "#0d47a1"},
        "itemStyle": {"color": "#0d47a1"},
    }


def _point_series(name: str, point: tuple[int, float], decimals: int, symbol: str, colour: str) -> dict:
    return {
        "name": name,
        "type": "scatter",
        "data": [[str(point[0]), _num(point[1], decimals)]],
        "symbol": symbol,
        "symbolSize": 18 if symbol == "pin" else 10,
        "itemStyle": {"color": colour},
    }


def _path_series(name: str, baseline: tuple[int, float], target: tuple[int, float], decimals: int) -> dict:
    return {
        "name": name,
        "type": "line",
        "data": [[str(baseline[0]), _num(baseline[1], decimals)], [str(target[0]), _num(target[1], decimals)]],
        "symbol": "none",
        "lineStyle": {"type": "dashed", "color": "#9e9e9e", "width": 1.5},
        "itemStyle": {"color": "#9e9e9e"},
    }


def _projection_series(
    projection: Sequence[ProjectionPoint],
    observed: Sequence[tuple[int, float]],
    labels: Mapping[str, str],
    decimals: int,
) -> list[dict]:
    """Projection line joined to the last observation, and the interval as a stacked band."""
    start = [(str(observed[-1][0]), observed[-1][1])] if observed else []
    line = {
        "name": labels["projection"],
        "type": "line",
        # The joining point is the last observation's: drawn without a symbol so its own mark shows.
        "data": [{"value": [y, _num(v, decimals)], "symbol": "none"} for y, v in start]
        + [[str(p.year), _num(p.value, decimals)] for p in projection],
        "symbol": "emptyCircle",
        "lineStyle": {"type": "dotted", "width": 2, "color": "#6a1b9a"},
        "itemStyle": {"color": "#6a1b9a"},
    }
    with_band = [p for p in projection if p.lower is not None and p.upper is not None]
    if not with_band:
        return [line]
    if observed:
        # The band opens from the last observation (no uncertainty there), so one projected year shows.
        year, value = observed[-1]
        with_band = [ProjectionPoint(year, value, value, value), *with_band]
    lower = {
        "name": labels["interval"] + "-lower",
        "_hide_legend": True,
        "type": "line",
        "stack": "interval",
        "data": [[str(p.year), _num(p.lower, decimals)] for p in with_band],
        "symbol": "none",
        "lineStyle": {"opacity": 0},
        "tooltip": {"show": False},
        "silent": True,
    }
    band = {
        "name": labels["interval"],
        "type": "line",
        "stack": "interval",
        "data": [
            [str(p.year), _num(p.upper - p.lower, decimals)]
            for p in with_band
            if p.upper is not None and p.lower is not None  # all of them: said again for the type checker
        ],
        "symbol": "none",
        "lineStyle": {"opacity": 0},
        "areaStyle": {"color": "rgba(106,27,154,0.18)"},
        "itemStyle": {"color": "rgba(106,27,154,0.35)"},
        "tooltip": {"show": False},
    }
    return [line, lower, band]


def county_map(
    map_name: str,
    values: Mapping[str, float | None],
    *,
    series_name: str,
    unit: str = "",
    decimals: int = 1,
    selected: str | None = None,
) -> dict:
    """A choropleth of the counties; counties without a figure stay grey (listed in the table)."""
    present = [v for v in values.values() if v is not None and not (isinstance(v, float) and math.isnan(v))]
    low, high = (min(present), max(present)) if present else (0.0, 1.0)
    if low == high:
        high = low + 1
    data = [
        {"name": name, "value": _num(value, decimals), **({"selected": True} if name == selected else {})}
        for name, value in values.items()
    ]
    return {
        "aria": {"enabled": False},
        "animation": False,
        "tooltip": {"trigger": "item", "formatter": "{b}: {c}" + unit},
        "visualMap": {
            "type": "continuous",
            "show": bool(present),  # a colour scale with nothing on it would read as data
            "min": _num(low, decimals),
            "max": _num(high, decimals),
            "calculable": True,
            "left": 8,
            "bottom": 8,
            "text": [unit or "", ""],
            "inRange": {"color": ["#e3f2fd", "#64b5f6", "#0d47a1"]},
        },
        "series": [
            {
                "name": series_name,
                "type": "map",
                "map": map_name,
                "roam": False,
                "layoutCenter": ["50%", "50%"],
                "layoutSize": "95%",
                "selectedMode": "single",
                "label": {"show": True, "fontSize": 10},
                "itemStyle": {"borderColor": "#ffffff", "areaColor": "#eeeeee"},
                "emphasis": {"label": {"show": True}},
                "select": {"itemStyle": {"borderColor": "#f9a825", "borderWidth": 3}},
                "data": data,
            }
        ],
    }


def grade_bar(counts: Mapping[str, int], *, labels: Mapping[str, str] | None = None) -> dict:
    """Counts by grade as a horizontal bar, grades in the fixed order; each bar coloured and shaped."""
    grades = [g for g in GRADE_ORDER if counts.get(g)] + [g for g in counts if g not in GRADE_STYLES and counts[g]]
    names = [f"{grade_style(g).symbol} {(labels or {}).get(g, g)}" for g in grades]
    return {
        "aria": {"enabled": False},
        "animation": False,
        "grid": {"left": 120, "right": 32, "top": 8, "bottom": 24},
        "xAxis": {"type": "value", "minInterval": 1},
        "yAxis": {"type": "category", "data": names, "inverse": True},
        "series": [
            {
                "type": "bar",
                "label": {"show": True, "position": "right"},
                "data": [{"value": counts[g], "itemStyle": {"color": grade_style(g).colour}} for g in grades],
            }
        ],
    }
