"""Validation at submission: gather the context of one observation, run the rules, return problems.

Errors block submission; warnings need the submitter's explanation (``warning_comment``).

The rule engine proper belongs to ``planwatch.collection.rules.check_observations`` (the import
developer's pure module, shared by the Excel/CSV importer). When that module is importable it is
called through ``_collection_checker``; until then, and for the rule kinds it does not cover, the
small pure fallback below applies the ``ValidationRule`` rows. Either way the caller sees a list
of ``Problem(severity, message, field, rule)``.

Defaults when no rule row exists: year-on-year change beyond 30% is a warning; a percentage
(unit "%") outside 0–100 is an error; a unit differing from the indicator's is an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from planwatch.web.monitoring.errors import Problem
from planwatch.web.monitoring.models import Observation, ValidationRule

DEFAULT_YOY_THRESHOLD = 0.30  # 同比变动超过 30% 需说明
S = Observation.Status
COUNTED = (S.SUBMITTED, S.APPROVED, S.PUBLISHED)


@dataclass(frozen=True)
class RuleSpec:
    """A ``ValidationRule`` row as plain data (what the pure checks read)."""

    kind: str
    severity: str
    threshold: float | None = None
    min_value: float | None = None
    max_value: float | None = None
    factor: float = 1.0
    numerator: float | None = None  # the numerator indicator's value for the same region/period
    denominator: float | None = None
    label: str = ""


@dataclass(frozen=True)
class Context:
    value: float
    unit: str
    indicator_unit: str
    previous: float | None = None  # same region, same sub-period, previous year
    history: tuple[float, ...] = ()
    rules: tuple[RuleSpec, ...] = field(default_factory=tuple)


def fmt(x: float) -> str:
    return f"{x:.12g}"


def check(ctx: Context) -> list[Problem]:
    """The pure checks over plain data; one Problem per finding, messages in Chinese."""
    problems: list[Problem] = []
    if ctx.indicator_unit and ctx.unit and ctx.unit != ctx.indicator_unit:
        problems.append(Problem("error", f"计量单位「{ctx.unit}」与指标单位「{ctx.indicator_unit}」不一致", "unit", "unit"))
    kinds = {r.kind for r in ctx.rules}
    rules = list(ctx.rules)
    if "range" not in kinds and ctx.indicator_unit == "%":
        rules.append(RuleSpec("range", "error", min_value=0, max_value=100))
    if "yoy_change" not in kinds:
        rules.append(RuleSpec("yoy_change", "warning", threshold=DEFAULT_YOY_THRESHOLD))
    for rule in rules:
        found = CHECKS[rule.kind](ctx, rule)
        if found:
            problems.append(Problem(rule.severity, found, "value", rule.kind))
    return problems


def _range(ctx: Context, rule: RuleSpec) -> str:
    low = -math.inf if rule.min_value is None else rule.min_value
    high = math.inf if rule.max_value is None else rule.max_value
    if low <= ctx.value <= high:
        return ""
    return f"数值 {fmt(ctx.value)} 超出允许范围 {fmt(low)}–{fmt(high)}"


def _yoy(ctx: Context, rule: RuleSpec) -> str:
    if ctx.previous in (None, 0) or rule.threshold is None:
        return ""
    change = round(ctx.value / ctx.previous - 1, 12)
    if abs(change) <= rule.threshold:
        return ""
    return f"同比变动 {change:+.1%}(上年 {fmt(ctx.previous)}),超过 ±{rule.threshold:.0%}"


def _ratio(ctx: Context, rule: RuleSpec) -> str:
    if rule.numerator is None or not rule.denominator:
        return ""
    expected = rule.numerator / rule.denominator * rule.factor
    tolerance = rule.threshold if rule.threshold is not None else 0.02
    gap = round(abs(ctx.value / expected - 1), 12) if expected else math.inf
    if gap <= tolerance:
        return ""
    return f"与{rule.label or '相关指标'}推算值 {expected:.4g} 相差 {gap:.1%},超过 {tolerance:.0%}"


def _outlier(ctx: Context, rule: RuleSpec) -> str:
    if len(ctx.history) < 3:
        return ""
    mean = sum(ctx.history) / len(ctx.history)
    sd = math.sqrt(sum((x - mean) ** 2 for x in ctx.history) / (len(ctx.history) - 1))
    limit = rule.threshold or 3.0
    if sd == 0 or abs(ctx.value - mean) <= limit * sd:
        return ""
    return f"数值 {fmt(ctx.value)} 偏离历史均值 {mean:.4g} 超过 {limit:g} 个标准差"


CHECKS = {"range": _range, "yoy_change": _yoy, "ratio": _ratio, "outlier": _outlier}


# --- gathering the context from the database ------------------------------------------------------

def _latest_value(indicator_id: int, region_id: int, period: str) -> float | None:
    row = (
        Observation.objects.filter(indicator_id=indicator_id, region_id=region_id, period=period, status__in=COUNTED)
        .order_by("-vintage")
        .values_list("value", flat=True)
        .first()
    )
    return row


def _previous_period(obs: Observation) -> str:
    from planwatch.web.monitoring.models import period_key

    return period_key(obs.year - 1, obs.quarter, obs.month)


def _rules_for(obs: Observation) -> tuple[RuleSpec, ...]:
    rows = ValidationRule.objects.filter(active=True, indicator__in=[obs.indicator_id, None]).select_related(
        "numerator", "denominator"
    )
    specific = {r.kind for r in rows if r.indicator_id == obs.indicator_id}
    specs = []
    for r in rows:
        if r.indicator_id is None and r.kind in specific:
            continue  # an indicator's own rule replaces the default of the same kind
        specs.append(_spec(r, obs))
    return tuple(specs)


def _spec(r: ValidationRule, obs: Observation) -> RuleSpec:
    num = den = None
    label = ""
    if r.kind == ValidationRule.Kind.RATIO and r.numerator_id and r.denominator_id:
        num = _latest_value(r.numerator_id, obs.region_id, obs.period)
        den = _latest_value(r.denominator_id, obs.region_id, obs.period)
        label = f"{r.numerator.name}÷{r.denominator.name}"
    return RuleSpec(r.kind, r.severity, r.threshold, r.min_value, r.max_value, r.factor, num, den, label)


def context_for(obs: Observation) -> Context:
    history = tuple(
        Observation.objects.filter(
            indicator_id=obs.indicator_id, region_id=obs.region_id, status__in=COUNTED,
            quarter=obs.quarter, month=obs.month, year__lt=obs.year,
        ).order_by("year", "vintage").values_list("value", flat=True)
    )
    return Context(
        value=obs.value,
        unit=obs.measure_unit,
        indicator_unit=obs.indicator.unit,
        previous=_latest_value(obs.indicator_id, obs.region_id, _previous_period(obs)),
        history=history,
        rules=_rules_for(obs),
    )


def _collection_checker():
    """The import developer's engine when it is installed, else None."""
    try:
        from planwatch.collection.rules import check_observations  # type: ignore[import-not-found]
    except ImportError:
        return None
    return check_observations


def check_submission(obs: Observation) -> list[Problem]:
    """All problems of one observation about to be submitted."""
    return check(context_for(obs))
