"""``planwatch evaluate --summary`` and ``--vision``: the counts by pillar and the 2035 comparison.

The summary is ``planwatch.evaluation.summarize`` as printed lines; the vision is ``vision_gap`` of
the plan's 人均GDP (its baseline and observed values in the plan's region) against the national
人均GDP — from ``--national FILE.csv`` (columns year,value) or the realdata reference table (read only).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer

from planwatch.evaluation import GRADES

PER_CAPITA = "人均GDP"


def _per_capita_names() -> set[str]:
    """人均GDP and the other ways plans write it (the importer's synonyms: 人均地区生产总值)."""
    from planwatch.collection.settings import setting

    return {PER_CAPITA, *(other for pair in setting("INDICATOR_SYNONYMS") if PER_CAPITA in pair for other in pair)}


def summary_lines(summary: pd.DataFrame) -> list[str]:
    """One line per region × pillar: counts of the grades present, 预警, mean Open SDG score."""
    lines = []
    for row in summary.to_dict("records"):
        counts = "、".join(f"{g}{int(row[g])}项" for g in GRADES if row[g])
        score = row["opensdg_score_mean"]
        score_text = "—" if pd.isna(score) else f"{score:.2f}"
        lines.append(f"{row['region']} {row['pillar']}:{int(row['indicators'])}项指标({counts}),"
                     f"预警{int(row['warnings'])}项,Open SDG平均得分{score_text}")
    return lines


def summary_records(summary: pd.DataFrame) -> list[dict]:
    out = []
    for row in summary.to_dict("records"):
        score = row["opensdg_score_mean"]
        out.append({"region": row["region"], "pillar": row["pillar"], "indicators": int(row["indicators"]),
                    "grades": {g: int(row[g]) for g in GRADES}, "warnings": int(row["warnings"]),
                    "with_data": int(row["with_data"]),
                    "opensdg_score_mean": None if pd.isna(score) else float(score)})
    return out


def city_per_capita(specs: pd.DataFrame, frame: pd.DataFrame, region: str, as_of: int) -> pd.Series:
    """The plan's 人均GDP: its baseline (base year) and the observed values of the plan's region ≤ as-of."""
    rows = specs[specs["name"].isin(_per_capita_names())]
    if rows.empty:
        return pd.Series(dtype=float)
    spec = rows.iloc[0]
    points = {}
    if pd.notna(spec["baseline"]) and pd.notna(spec["base_year"]):
        points[int(spec["base_year"])] = float(spec["baseline"])
    if len(frame):
        own = frame[(frame["indicator"].astype(str) == str(spec["indicator"])) & (frame["region"].astype(str) == region)]
        own = own[pd.to_numeric(own["year"]) <= as_of]
        if "vintage" in own:
            own = own.sort_values("vintage", kind="stable")
        for year, value in zip(pd.to_numeric(own["year"]), pd.to_numeric(own["value"]), strict=True):
            points[int(year)] = float(value)  # later rows (newer vintages) win
    return pd.Series(points, dtype=float).sort_index()


def national_per_capita(path: Path | None, as_of: int) -> pd.Series:
    """From ``--national`` (year,value), else the realdata reference table's 全国 人均GDP; ≤ as-of."""
    if path is not None:
        table = pd.read_csv(path)
        missing = [c for c in ("year", "value") if c not in table.columns]
        if missing:
            typer.echo(f"错误:{path.name}:缺少列 {'、'.join(missing)}", err=True)
            raise typer.Exit(2)
        series = pd.Series(pd.to_numeric(table["value"], errors="coerce").to_numpy(),
                           index=pd.to_numeric(table["year"], errors="coerce"))
    else:
        from planwatch.web.realdata.queries import series_frame

        table = series_frame("reference", "人均GDP", ["全国"])
        series = pd.Series(table["value"].to_numpy(), index=table["year"].to_numpy())
    series = series.dropna()
    series.index = series.index.astype(int)
    return series[series.index <= as_of].sort_index()


def vision(specs, frame, region: str, as_of: int, vision_year: int, national_path: Path | None):
    """The ``VisionGap``, or the reason there is none (a Chinese sentence naming what is missing)."""
    from planwatch.evaluation import vision_gap

    city = city_per_capita(specs, frame, region, as_of)
    national = national_per_capita(national_path, as_of)
    if city.empty:
        return None, "规划没有人均GDP指标或其基期值,无法比较2035年远景"
    if national.empty:
        return None, "没有全国人均GDP数据(可用 --national 指定含 year,value 列的 CSV)"
    try:
        return vision_gap(city, national, vision_year), ""
    except ValueError as problem:
        return None, str(problem)
