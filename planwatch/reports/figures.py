"""Report figures drawn with matplotlib (pure): a chart per indicator and the county map, as PNG bytes.

The same picture goes into the Word file, the HTML and the PDF, so each is drawn once per report
(``ReportFigures``). Fonts: Noto Sans CJK from Debian ``fonts-noto-cjk`` (any CJK sans the machine has
otherwise). Colours and shapes of grades come from ``charts.GRADE_STYLES``, as on the pages.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from planwatch.reports.charts import grade_style  # noqa: E402

if TYPE_CHECKING:
    from planwatch.reports.content import IndicatorRow, Report

CJK_SANS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei")
DPI = 100


@lru_cache(maxsize=1)
def cjk_family() -> list[str]:
    names = {f.name for f in font_manager.fontManager.ttflist}
    found = [name for name in CJK_SANS if name in names]
    return [*found, "DejaVu Sans"]


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _figure(width: float, height: float) -> Figure:
    # Fixed margins: the constrained layout solver costs more than drawing the chart.
    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.12)
    return fig


def indicator_figure(row: IndicatorRow, words: dict) -> bytes | None:
    """Observed series, baseline, target, the straight path and the projection with its interval."""
    if not row.series:
        return None
    with matplotlib.rc_context(
        {"font.family": cjk_family(), "axes.unicode_minus": False, "svg.hashsalt": "pw", "font.size": 9}
    ):
        fig = _figure(6.0, 2.6)
        ax = fig.add_subplot()
        years = [y for y, _ in row.series]
        ax.plot(years, [v for _, v in row.series], marker="o", color="#1565c0", label=words["chart_observed"])
        if row.baseline is not None and row.base_year is not None:
            ax.plot(
                [row.base_year],
                [row.baseline],
                marker="s",
                color="#616161",
                linestyle="none",
                label=words["chart_baseline"],
            )
        level = row.kind in ("level", "about", "floor", "assigned") and row.target_value is not None
        if level and row.target_value is not None and row.target_year is not None:
            ax.plot(
                [row.target_year],
                [row.target_value],
                marker="*",
                markersize=11,
                color="#c62828",
                linestyle="none",
                label=words["chart_target"],
            )
            if row.kind == "floor":
                ax.axhline(row.target_value, color="#c62828", linestyle=":", linewidth=1)
            elif row.baseline is not None and row.base_year is not None:
                ax.plot(
                    [row.base_year, row.target_year],
                    [row.baseline, row.target_value],
                    color="#9e9e9e",
                    linestyle="--",
                    linewidth=1,
                    label=words["chart_path"],
                )
        if row.forecast:
            ax.plot(
                [p[0] for p in row.forecast],
                [p[1] for p in row.forecast],
                color="#ef6c00",
                linestyle="-.",
                label=words["chart_projection"],
            )
            last = row.forecast[-1]
            if last[2] is not None and last[3] is not None:
                ax.errorbar(
                    [last[0]],
                    [last[1]],
                    yerr=[[last[1] - last[2]], [last[3] - last[1]]],
                    color="#ef6c00",
                    capsize=4,
                    label=words["chart_interval"],
                )
        ax.set_title(f"{row.name}({row.unit})" if row.unit else row.name, fontsize=10)
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):  # the default AutoLocator: ticks on whole years only
            locator.set_params(integer=True)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper left", frameon=False)  # "best" searches every spot: slow
        return _png(fig)


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(p[0], p[1]) for p in polygon[0]] for polygon in polygons]


@lru_cache(maxsize=4)
def _boundaries(path: str) -> tuple[tuple[str, tuple], ...]:
    data = json.loads(open(path, encoding="utf-8").read())
    return tuple(
        (f["properties"].get("name", ""), tuple(tuple(r) for r in _rings(f["geometry"])))
        for f in data["features"]
    )


def county_map_figure(map_path: str, grades: dict[str, str], labels: dict[str, str], title: str) -> bytes:
    """Counties filled with their grade's colour; a legend names each grade present."""
    shapes = _boundaries(map_path)
    with matplotlib.rc_context({"font.family": cjk_family(), "font.size": 8}):
        fig = _figure(5.0, 5.2)
        ax = fig.add_subplot()
        polygons, colours = [], []
        for name, rings in shapes:
            colour = grade_style(grades.get(name)).colour if name in grades else "#eeeeee"
            for ring in rings:
                polygons.append(ring)
                colours.append(colour)
        ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="white", linewidths=0.6))
        for name, rings in shapes:
            ring = max(rings, key=len)
            x = sum(p[0] for p in ring) / len(ring)
            y = sum(p[1] for p in ring) / len(ring)
            ax.text(x, y, name, ha="center", va="center", fontsize=6, color="black")
        ax.autoscale_view()
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_title(title, fontsize=10)
        present = sorted(set(grades.values()), key=lambda g: list(labels).index(g) if g in labels else 99)
        for grade in present:
            ax.plot(
                [],
                [],
                marker="s",
                linestyle="none",
                color=grade_style(grade).colour,
                label=labels.get(grade, grade),
            )
        if present:
            ax.legend(fontsize=7, loc="lower left", frameon=False)
        return _png(fig)


@dataclass
class ReportFigures:
    """Every picture of one report, drawn once and shared by the writers."""

    indicators: dict[str, bytes] = field(default_factory=dict)
    county_map: bytes | None = None


def draw_figures(
    report: Report, map_path: str | None = None, progress: Callable[[int, int], object] | None = None
) -> ReportFigures:
    figures = ReportFigures()
    for index, row in enumerate(report.rows):
        png = indicator_figure(row, report.words)
        if png is not None:
            figures.indicators[row.code] = png
        if progress:
            progress(index + 1, len(report.rows))
    if map_path and report.counties.indicators:
        # The indicator with the most graded counties: a map of 无县级目标 everywhere says nothing.
        from planwatch.evaluation.vocabulary import GRADED

        first = max(report.counties.indicators, key=lambda i: sum(c.grade in GRADED for c in i.cells))
        grades = {c.region: c.grade for c in first.cells}
        labels = {g: c.grade_label for c in first.cells for g in [c.grade]}
        figures.county_map = county_map_figure(
            map_path, grades, labels, report.words["map_title"].format(name=first.name)
        )
    return figures
