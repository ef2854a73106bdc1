"""Manual judgements of 量稳质升's quality part, per indicator × region, applied to the series.

The spec columns ``quality``/``quality_by`` hold one judgement for an indicator in every region; a
judgement recorded for one region (赣州市) must not grade another (章贡区), so ``evaluate`` also
takes a ``judgements`` frame: ``indicator``, ``region``, ``year``, ``quality`` (升 / 未升 / 持平 / 降),
``quality_by`` (who judged) and optional ``measure`` (the quality measure the judge named). The
latest judgement with ``year ≤ as_of`` of each (indicator, region) replaces the spec's.
"""

from __future__ import annotations

from planwatch.evaluation.frame import Panel, Specs, require_columns
from planwatch.evaluation.tables import Table, numbers, records

JUDGEMENT_COLUMNS = ("indicator", "region", "year", "quality", "quality_by")


def latest_judgements(specs: Specs, panel: Panel, judgements: Table | None, as_of: int) -> dict:
    """{(spec row, region index): (quality, quality_by, measure)} for the judgements in force at ``as_of``."""
    if judgements is None:
        return {}
    rows = records(judgements)
    if not rows:
        return {}
    require_columns(judgements, JUDGEMENT_COLUMNS, "质量评判表")
    years = numbers([row["year"] for row in rows])
    in_force = sorted((i for i in range(len(rows)) if years[i] <= as_of), key=lambda i: years[i])  # stable
    spec_of = {str(code): i for i, code in enumerate(specs.code)}
    region_of = {str(name): i for i, name in enumerate(panel.region_names)}
    found = {}
    for i in in_force:
        row = rows[i]
        key = (spec_of.get(str(row["indicator"])), region_of.get(str(row["region"])))
        if None not in key:
            found[key] = (str(row["quality"]).strip(), str(row["quality_by"] or "").strip(),
                          str(row.get("measure") or "").strip())
    return found
