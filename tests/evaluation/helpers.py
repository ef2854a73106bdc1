"""Small builders for evaluation tests: one spec row, observations from (year, value) pairs."""

from __future__ import annotations

import math

import pandas as pd

from planwatch.evaluation import evaluate

NAN = math.nan


def spec(indicator: str = "I01", *, kind: str = "level", direction: str = "higher", target: float = NAN,
         target_year: int = 2025, baseline: float = NAN, base_year: float = 2021, attribute: str = "预期性",
         text: str = "", qualifier: str = "", strict: bool = False, pillar: str = "综合实力", **extra) -> dict:
    return {
        "indicator": indicator, "name": extra.pop("name", indicator), "unit": "", "pillar": pillar,
        "attribute": attribute, "direction": direction, "kind": kind, "target_value": target,
        "target_year": target_year, "target_text": text, "qualifier": qualifier, "strict": strict,
        "baseline": baseline, "base_year": base_year, **extra,
    }


def observations(indicator: str, points, region: str = "赣州市", vintage: int = 1) -> list[dict]:
    """Rows from (year, value) or (year, value, qualifier) tuples."""
    rows = []
    for point in points:
        year, value = point[0], point[1]
        qualifier = point[2] if len(point) > 2 else ""
        rows.append({"indicator": indicator, "region": region, "year": year, "value": value, "vintage": vintage,
                     "qualifier": qualifier})
    return rows


def one(spec_row: dict, points, as_of: int = 2024, **kwargs) -> pd.Series:
    """Evaluate one indicator for one region and return its row."""
    result = evaluate(pd.DataFrame([spec_row]), pd.DataFrame(observations(spec_row["indicator"], points)), as_of,
                      **kwargs)
    assert len(result) == 1, result
    return result.iloc[0]
