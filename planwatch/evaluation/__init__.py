"""The evaluation engine: where each indicator stands and whether the plan will be met (pure, vectorised).

Public interface (other layers code against these names):

``evaluate(specs, observations, as_of, *, settings=EvaluationSettings(), vintage="latest",
regions=None, plan_region=None, vision_year=None, judgements=None, language="zh",
reasons_for=None, deflators=None) -> DataFrame``; ``evaluate_rows(…)`` (the same arguments) -> the same rows
as plain dicts, labels as text and None where a figure is missing, without importing pandas.

The input tables (``specs``, ``observations``, ``judgements``, ``deflators``) are pandas DataFrames or
plain columns, a mapping of column name → list (``tables``).

- ``specs``: one row per indicator. Required columns ``indicator`` (code), ``kind`` (a
  ``planwatch.plan.TargetKind`` value), ``direction`` ("higher"/"lower"), ``target_value``,
  ``target_year``, ``baseline``, ``base_year`` (NaN where none); optional ``name``, ``unit``,
  ``pillar``, ``attribute`` (预期性/约束性), ``target_text``, ``qualifier`` (左右/以上/…), ``strict``
  (a '>' floor), ``quality`` and ``quality_by`` (the manual judgement of 量稳质升's quality part:
  升/持平/降 and who judged), ``limit`` (Open SDG's natural ceiling/floor for a series without
  target), ``decimals`` (the published precision of the figures, used in the sentences),
  ``price_basis`` (现价/可比价) and ``price_base_year``. Rate kinds (annual_growth,
  cumulative_reduction) take values and targets in per cent; a ``unit`` of % makes changes 百分点.
- ``observations``: ``indicator``, ``region``, ``year``, ``value``; optional ``vintage`` (1 = first
  release, higher = revision), ``qualifier``, ``price_basis`` and ``real_growth`` (比上年实际增长, %). Categorical ``indicator``/``region`` columns are
  used without hashing.
- ``vintage``: "latest" grades on the latest revision of each year, "first" on first releases.
- ``regions``: list these regions, with 无数据 rows where they have no figure; otherwise only the
  regions with observations appear.
- ``plan_region``: the region whose baseline the plan states; other regions take their base from
  their own base-year observation. None: the plan's baseline applies to every region.
- ``language``: "zh" (default) or "en", the language of the ``reason`` and ``disagreement``
  sentences (``phrases``); grades and statuses are the vocabulary's words in either.
- ``reasons_for``: indicator codes whose sentences are written ("" elsewhere); None: every row.
- ``deflators``: ``region year deflator`` [``indicator``], to bring current-price figures of a
  constant-price target to its prices (``prices``).
- Output, one row per indicator × region: ``indicator name pillar region kind attribute
  target_value target_year latest_year latest_value latest_qualifier base_value base_year_used
  base_from_observation observations completion time_share actual_growth required_growth
  required_per_year achieved projected_by_growth projected_by_trend projected_miss grade warning
  reason opensdg_ratio opensdg_status opensdg_score unsd_ratio unsd_status methods_disagree
  disagreement forecast_method forecast_value forecast_low forecast_high change_points required_points
  opensdg_limit_coefficient price_basis_used`` (and ``vision_forecast_*`` with ``vision_year``). Growth columns are fractions (0.0488 = 4.88%); for
  cumulative_reduction they are yearly reduction rates.

``summarize(results, specs=None) -> DataFrame``: counts by grade, 预警 and mean Open SDG score per
(region, pillar) and for the whole plan (pillar "全部").

``forecast(years, values, to_years, *, settings, method="auto") -> DataFrame``: one series to
the given years with an 80% interval and the method named (loglinear / ets_holt / growth / linear).

``vision_gap(city_series, national_series, vision_year=2035) -> VisionGap``: the city's per-capita
GDP as a ratio of the nation's, its trend and the yearly growth gap to close by the vision year.

The rule of each target kind is one function of ``kinds`` (table in its docstring and in
docs/evaluation.md), over the named arrays ``series.Series`` and ``kinds.Assessment``.
Rules, thresholds and worked examples: ``docs/evaluation.md``; thresholds live in
``EvaluationSettings`` only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings, setting_docs
from planwatch.evaluation.vocabulary import GRADES, OPENSDG_LABELS, UNSD_LABELS
from planwatch.lazy import lazy_names

if TYPE_CHECKING:
    from planwatch.evaluation.engine import evaluate, evaluate_rows
    from planwatch.evaluation.forecasting import METHOD_LABELS, forecast
    from planwatch.evaluation.frame import InputProblem
    from planwatch.evaluation.summary import summarize
    from planwatch.evaluation.vision import VisionGap, vision_gap

# The engine needs pandas; importing the package for its words (GRADES …) must not load it, so a
# command's start-up stays light: these names are imported on first use (PEP 562).
_LAZY = {
    "evaluate": "engine", "evaluate_rows": "engine", "forecast": "forecasting", "METHOD_LABELS": "forecasting", "InputProblem": "frame",
    "summarize": "summary", "VisionGap": "vision", "vision_gap": "vision",
}


__getattr__ = lazy_names(__name__, _LAZY)


__all__ = [
    "DEFAULT_SETTINGS",
    "GRADES",
    "METHOD_LABELS",
    "OPENSDG_LABELS",
    "UNSD_LABELS",
    "EvaluationSettings",
    "InputProblem",
    "VisionGap",
    "evaluate",
    "evaluate_rows",
    "forecast",
    "setting_docs",
    "summarize",
    "vision_gap",
]
