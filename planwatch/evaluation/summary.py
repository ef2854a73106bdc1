"""Counts by grade, 预警 and the mean Open SDG score, per pillar and for the whole plan."""

from __future__ import annotations

import pandas as pd

from planwatch.evaluation.vocabulary import BINDING, GRADES, NO_DATA

ALL_PILLARS = "全部"


def summarize(results: pd.DataFrame | list[dict], specs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (region, pillar) and one per region for the whole plan (pillar "全部").

    ``results``: the frame of ``evaluate`` or the rows of ``evaluate_rows`` (None for a missing score).

    Columns: ``indicators``, one count per grade word, ``binding``, ``warnings`` (binding and
    滞后/逆向 or projected to miss, counted separately as the design asks), ``with_data`` and
    ``opensdg_score_mean`` (over the series that have a score). ``specs`` gives the pillar order.
    """
    frame = pd.DataFrame(results) if isinstance(results, list) else results.copy()
    frame["opensdg_score"] = pd.to_numeric(frame["opensdg_score"], errors="coerce")  # None (rows): NaN
    for name in ("region", "pillar", "grade"):
        frame[name] = frame[name].astype(str)
    frame["binding"] = frame["attribute"].astype(str) == BINDING
    frame["with_data"] = frame["grade"] != NO_DATA
    whole = frame.assign(pillar=ALL_PILLARS)
    both = pd.concat([frame, whole], ignore_index=True)
    keys = ["region", "pillar"]
    counts = pd.crosstab([both["region"], both["pillar"]], both["grade"]).reindex(columns=list(GRADES), fill_value=0)
    grouped = both.groupby(keys, sort=False)
    table = pd.DataFrame({
        "indicators": grouped.size(),
        "binding": grouped["binding"].sum(),
        "warnings": grouped["warning"].sum(),
        "with_data": grouped["with_data"].sum(),
        "opensdg_score_mean": grouped["opensdg_score"].mean(),
    }).join(counts)
    order = _pillar_order(frame, specs)
    table = table.reset_index()
    table["_order"] = table["pillar"].map({p: i for i, p in enumerate(order)}).fillna(len(order))
    table = table.sort_values(["region", "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)
    return table[keys + ["indicators", *GRADES, "binding", "warnings", "with_data", "opensdg_score_mean"]]


def _pillar_order(frame: pd.DataFrame, specs: pd.DataFrame | None) -> list[str]:
    source = specs["pillar"] if specs is not None and "pillar" in specs else frame["pillar"]
    return [*dict.fromkeys(str(p) for p in source), ALL_PILLARS]
