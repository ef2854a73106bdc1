"""Manual judgements of 量稳质升's quality part, per indicator × region, applied to the series.

The spec columns ``quality``/``quality_by`` hold one judgement for an indicator in every region; a
judgement recorded for one region (赣州市) must not grade another (章贡区), so ``evaluate`` also
takes a ``judgements`` frame: ``indicator``, ``region``, ``year``, ``quality`` (升 / 未升 / 持平 / 降),
``quality_by`` (who judged) and optional ``measure`` (the quality measure the judge named). The
latest judgement with ``year ≤ as_of`` of each (indicator, region) replaces the spec's.
"""

from __future__ import annotations

import pandas as pd

from planwatch.evaluation.frame import InputProblem, Panel, Specs

JUDGEMENT_COLUMNS = ("indicator", "region", "year", "quality", "quality_by")


def latest_judgements(specs: Specs, panel: Panel, judgements: pd.DataFrame | None, as_of: int) -> dict:
    """{(spec row, region index): (quality, quality_by, measure)} for the judgements in force at ``as_of``."""
    if judgements is None or not len(judgements):
        return {}
    missing = [c for c in JUDGEMENT_COLUMNS if c not in judgements.columns]
    if missing:
        raise InputProblem(f"质量评判表缺少列:{'、'.join(missing)}")
    frame = judgements.assign(year=pd.to_numeric(judgements["year"], errors="coerce"))
    frame = frame[frame["year"] <= as_of].sort_values("year", kind="stable")
    spec_of = {str(code): i for i, code in enumerate(specs.code)}
    region_of = {str(name): i for i, name in enumerate(panel.region_names)}
    found = {}
    for row in frame.to_dict("records"):
        key = (spec_of.get(str(row["indicator"])), region_of.get(str(row["region"])))
        if None not in key:
            found[key] = (str(row["quality"]).strip(), str(row["quality_by"] or "").strip(),
                          str(row.get("measure") or "").strip())
    return found
