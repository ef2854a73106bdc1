"""``evaluate``: every indicator × region as of a year, in one vectorised pass.

The steps: read the specs, build the panel (sort, vintage, series boundaries), measure, grade,
flag 预警, grade again by Open SDG and the UN progress chart, say where they disagree, write the
reason sentence, forecast. See ``planwatch.evaluation`` for the columns.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from planwatch.evaluation.forecast import series_forecasts
from planwatch.evaluation.frame import Panel, Specs, build_panel, read_specs
from planwatch.evaluation.grading import CODE, grade_codes, warnings
from planwatch.evaluation.international import disagreement, opensdg, unsd
from planwatch.evaluation.measures import Work, measure
from planwatch.evaluation.reasons import reasons
from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings
from planwatch.evaluation.vocabulary import AWAITING, GRADES, NO_DATA, OPENSDG_STATUSES, UNSD_STATUSES

GRADE_WORDS = np.array(GRADES, dtype=object)
NUMBER_COLUMNS = (
    "latest_value", "base_value", "completion", "time_share", "actual_growth", "required_growth",
    "required_per_year", "achieved", "projected_by_growth", "projected_by_trend", "opensdg_ratio", "opensdg_score",
    "unsd_ratio",
)


def evaluate(specs: pd.DataFrame, observations: pd.DataFrame, as_of: int, *,
             settings: EvaluationSettings = DEFAULT_SETTINGS, vintage: str = "latest",
             regions: Sequence[str] | None = None, plan_region: str | None = None,
             vision_year: int | None = None) -> pd.DataFrame:
    """One row per indicator × region with observations (or per ``regions`` entry): see the package."""
    spec = read_specs(specs)
    panel = build_panel(spec, observations, as_of, vintage=vintage, regions=regions)
    w = measure(spec, panel, as_of, settings, plan_region)
    codes = grade_codes(w, settings)
    grades = GRADE_WORDS[codes]
    o_ratio, o_status, o_score = opensdg(w, settings)
    u_ratio, u_status = unsd(w, settings)
    disagree, disagreement_text = disagreement(grades, o_status, o_ratio, u_status, u_ratio)
    horizons = {"forecast": w.t1}
    if vision_year is not None:
        horizons["vision_forecast"] = np.full(len(w.t), float(vision_year))
    columns = {
        **_identity(spec, panel),
        "latest_year": w.t, "latest_value": w.v, "latest_qualifier": w.latest_qual,
        "base_value": w.b, "base_year_used": w.t0, "base_from_observation": w.from_obs, "observations": w.n_obs,
        "completion": w.completion, "time_share": w.time_share, "actual_growth": w.actual,
        "required_growth": w.required, "required_per_year": w.required_amount, "achieved": w.achieved,
        "projected_by_growth": w.proj_growth, "projected_by_trend": w.proj_trend, "projected_miss": w.projected_miss,
        "grade": grades, "warning": warnings(w, codes), "reason": reasons(w, codes, settings),
        "opensdg_ratio": o_ratio, "opensdg_status": o_status, "opensdg_score": o_score,
        "unsd_ratio": u_ratio, "unsd_status": u_status, "methods_disagree": disagree, "disagreement": disagreement_text,
        **series_forecasts(panel, w, as_of, settings, horizons),
    }
    frame = pd.DataFrame(columns)
    if regions is not None:
        frame = _with_missing(frame, spec, panel, as_of)
    return _typed(frame, spec, panel)


def _identity(spec: Specs, panel: Panel) -> dict:
    s = panel.spec
    return {
        "indicator": spec.code[s], "name": spec.frame["name"].to_numpy(dtype=object)[s],
        "pillar": spec.frame["pillar"].to_numpy(dtype=object)[s], "region": panel.region_names[panel.region],
        "kind": spec.kind[s], "attribute": spec.frame["attribute"].to_numpy(dtype=object)[s],
        "target_value": spec.target[s], "target_year": spec.target_year[s], "_spec": s, "_region": panel.region,
    }


def _with_missing(frame: pd.DataFrame, spec: Specs, panel: Panel, as_of: int) -> pd.DataFrame:
    """Rows for the requested regions that have no observation: 无数据 (待下达 for assigned)."""
    n_regions = len(panel.region_names)
    have = np.zeros((len(spec), n_regions), dtype=bool)
    have[panel.spec, panel.region] = True
    s, r = np.nonzero(~have)
    if not len(s):
        return frame
    awaiting = spec.kind[s] == "assigned"
    missing = pd.DataFrame({
        "indicator": spec.code[s], "name": spec.frame["name"].to_numpy(dtype=object)[s],
        "pillar": spec.frame["pillar"].to_numpy(dtype=object)[s], "region": panel.region_names[r],
        "kind": spec.kind[s], "attribute": spec.frame["attribute"].to_numpy(dtype=object)[s],
        "target_value": spec.target[s], "target_year": spec.target_year[s], "_spec": s, "_region": r,
        "grade": np.where(awaiting, AWAITING, NO_DATA).astype(object),
        "warning": False, "projected_miss": False, "methods_disagree": False, "base_from_observation": False,
        "observations": 0, "latest_qualifier": "", "disagreement": "", "forecast_method": "",
        "opensdg_status": "not assessable", "unsd_status": "not assessable",
        "reason": np.where(awaiting, f"目标待省下达;截至{as_of}年尚无数据", f"截至{as_of}年尚无数据").astype(object),
    })
    both = pd.concat([frame, missing], ignore_index=True)
    return both.sort_values(["_spec", "_region"], kind="stable").reset_index(drop=True)


def _typed(frame: pd.DataFrame, spec: Specs, panel: Panel) -> pd.DataFrame:
    """Small categoricals for the repeated words; nullable integers for years."""
    frame["indicator"] = pd.Categorical.from_codes(frame.pop("_spec").to_numpy(np.int64), categories=list(spec.code))
    frame["region"] = pd.Categorical.from_codes(frame.pop("_region").to_numpy(np.int64),
                                                categories=list(panel.region_names))
    frame["grade"] = pd.Categorical(frame["grade"], categories=list(GRADES))
    frame["opensdg_status"] = pd.Categorical(frame["opensdg_status"], categories=list(OPENSDG_STATUSES))
    frame["unsd_status"] = pd.Categorical(frame["unsd_status"], categories=list(UNSD_STATUSES))
    for name in ("name", "pillar", "kind", "attribute"):
        frame[name] = frame[name].astype("category")
    for name in ("latest_year", "base_year_used", "target_year"):
        frame[name] = pd.array(np.round(frame[name].to_numpy(dtype=float)), dtype="Int64")
    frame["observations"] = frame["observations"].astype(np.int64)
    return frame


__all__ = ["CODE", "NUMBER_COLUMNS", "Work", "evaluate"]
