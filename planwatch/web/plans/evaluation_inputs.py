"""The stored plan as the evaluation engine reads it: one spec row per indicator.

``indicator_specs(plan, targets="current")`` returns the columns ``planwatch.evaluation.evaluate``
documents (indicator code, name, unit, pillar, attribute, direction, kind, target value and year, target
text, qualifier, strict, baseline, base year) plus ``indicator_id``, ``target_version`` and
``target_origin`` for callers that join back to the database. ``targets="original"`` grades against
the plan's own targets (the first approved version), ``"current"`` against the latest approved
adjustment (a province's figure for an ``assigned`` target, for example).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.db.models import Prefetch

from planwatch.evaluation.tables import columns_of
from planwatch.web.plans.models import Plan, QualityJudgement, TargetVersion

if TYPE_CHECKING:
    import pandas as pd

SPEC_COLUMNS = [
    "indicator", "indicator_id", "name", "unit", "pillar", "attribute", "direction", "kind", "target_value",
    "target_year", "target_text", "qualifier", "strict", "baseline", "base_year", "target_version", "target_origin",
]


def indicator_specs(plan: Plan, targets: str = "current") -> pd.DataFrame:
    """One row per indicator of ``plan``, in table order, with the target version chosen by ``targets``."""
    import pandas as pd

    return pd.DataFrame(indicator_spec_columns(plan, targets), columns=SPEC_COLUMNS)


def indicator_spec_columns(plan: Plan, targets: str = "current") -> dict[str, list]:
    """The rows of ``indicator_specs`` as plain columns (lists), which the engine reads without pandas."""
    if targets not in ("current", "original"):
        raise ValueError(f"targets 只能是 current 或 original,而不是「{targets}」")
    approved = TargetVersion.objects.filter(status=TargetVersion.Status.APPROVED).order_by("version")
    indicators = (
        plan.indicators.select_related("pillar")
        .prefetch_related(Prefetch("targets", queryset=approved, to_attr="approved_targets"))
        .order_by("order", "code")
    )
    return columns_of((_row(plan, indicator, targets) for indicator in indicators), SPEC_COLUMNS)


def _row(plan: Plan, indicator, targets: str) -> dict:
    versions = indicator.approved_targets
    target = (versions[0] if targets == "original" else versions[-1]) if versions else None
    return {
        "indicator": indicator.code,
        "indicator_id": indicator.pk,
        "name": indicator.name,
        "unit": indicator.unit,
        "pillar": indicator.pillar.name,
        "attribute": indicator.attribute,
        "direction": indicator.direction,
        "kind": target.kind if target else "unspecified",
        "target_value": _number(target.value if target else None),
        "target_year": target.year if target else plan.target_year,
        "target_text": target.text if target else "",
        "qualifier": target.qualifier if target else "",
        "strict": bool(target.strict) if target else False,
        "baseline": _number(indicator.baseline),
        # The table's column is the plan's base year unless the cell names its own, as "30.3 (2020)" does.
        "base_year": indicator.baseline_year or plan.base_year,
        "target_version": target.version if target else None,
        "target_origin": target.origin if target else "",
    }


def _number(value) -> float:
    return math.nan if value is None else float(value)


JUDGEMENT_COLUMNS = ["indicator", "region", "year", "quality", "quality_by", "measure"]


def quality_judgements(plan: Plan) -> pd.DataFrame:
    """``quality_judgement_columns`` as a DataFrame."""
    import pandas as pd

    return pd.DataFrame(quality_judgement_columns(plan), columns=JUDGEMENT_COLUMNS)


def quality_judgement_columns(plan: Plan) -> dict[str, list]:
    """The recorded quality judgements of 量稳质升 indicators, as the engine's ``judgements`` table.

    ``quality`` is the engine's word (升 / 未升), ``quality_by`` the author's name, so the reason
    sentence says who judged; the engine picks, per indicator × region, the latest year ≤ as-of.
    """
    from planwatch.web.plans.services import quality_judgements as stored

    rows = (
        {"indicator": j.indicator.code, "region": j.region.name, "year": j.year,
         "quality": QualityJudgement.ENGINE_WORD[j.verdict], "quality_by": j.author_name, "measure": j.measure}
        for j in stored(plan)
    )
    return columns_of(rows, JUDGEMENT_COLUMNS)
