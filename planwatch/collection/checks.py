"""The validation rules that are data: year-on-year change, distance from history, ratios, ranges.

A rule is a mapping (or any object with these attributes, e.g. the monitoring app's
``ValidationRule`` row)::

    {"kind": "yoy_change" | "outlier" | "ratio" | "range",
     "severity": "warning" | "error",          # default: warning; range defaults to error
     "indicator": "I01" | "GDP" | None,       # code or name; None = every indicator
     "threshold": 0.30,                        # meaning depends on kind, see below
     "min_value": 0, "max_value": 100,         # range only
     "numerator": "GDP", "denominator": "常住人口", "factor": 10000,   # ratio only
     "message": "「{indicator}」…",            # optional; placeholders listed in PLACEHOLDERS
     "active": True, "id": "…"}

A rule naming an indicator replaces the every-indicator rule of the same kind for it (a
per-indicator threshold). Kinds:

- ``yoy_change``: |v ÷ v(上年同期) − 1| > threshold (default 30%). For rates (增速, 降幅 …)
  the difference in percentage points is compared instead (default 10 points).
- ``outlier``: the change from last year lies far from the series' own changes:
  |0.6745 × (change − median) ÷ MAD| > threshold (default 3.5). Changes, not levels, so a
  steadily growing GDP is not flagged for growing.
- ``ratio``: indicator ≈ numerator ÷ denominator × factor within a relative threshold.
- ``range``: min_value ≤ v ≤ max_value.
"""

from __future__ import annotations

import re
import statistics
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planwatch.collection.model import IndicatorSpec, ref
from planwatch.collection.problems import Severity
from planwatch.collection.settings import setting
from planwatch.numbers import round_half_up

KINDS = ("yoy_change", "outlier", "ratio", "range")

DEFAULT_MESSAGES = {
    "yoy_change": "「{indicator}」{region}{period}数值 {value} 较上年同期 {previous} 变动 {change},"
    "超过 {threshold},请在备注(预警说明)中说明原因",
    "outlier": "「{indicator}」{region}{period}较上年变动 {change},远离该序列历年变动"
    "(中位数 {median},稳健 z 值 {z},阈值 {threshold}),请核实或在备注(预警说明)中说明",
    "ratio": "「{indicator}」{region}{period}数值 {value} 与「{numerator}」÷「{denominator}」× {factor}"
    " = {expected} 相差 {difference},超过 {threshold},请核实",
    "range": "「{indicator}」{region}{period}数值 {value} 超出允许范围 {bounds}",
}
PLACEHOLDERS = {
    "yoy_change": {"indicator", "region", "period", "value", "previous", "change", "threshold"},
    "outlier": {"indicator", "region", "period", "value", "change", "median", "z", "threshold"},
    "ratio": {"indicator", "region", "period", "value", "numerator", "denominator", "factor",
              "expected", "difference", "threshold"},
    "range": {"indicator", "region", "period", "value", "bounds"},
}


@dataclass(frozen=True)
class RuleSpec:
    kind: str
    severity: Severity = Severity.WARNING
    indicator: str | None = None
    threshold: float | None = None
    min_value: float | None = None
    max_value: float | None = None
    numerator: str | None = None
    denominator: str | None = None
    factor: float = 1.0
    message: str = ""
    id: str = ""

    def render(self, **values: str) -> str:
        return render_message(self.message or DEFAULT_MESSAGES[self.kind], self.kind, values)


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _opt_float(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def as_rule(obj: Any) -> RuleSpec:
    """A rule from a mapping or a model row; raises ValueError for an unusable one (see ``rule_problems``)."""
    if isinstance(obj, RuleSpec):
        return obj
    kind = str(_field(obj, "kind") or "")
    if kind not in KINDS:
        raise ValueError(f"未知的规则类型「{kind}」")
    default_severity = Severity.ERROR if kind == "range" else Severity.WARNING
    factor = _opt_float(_field(obj, "factor"))
    return RuleSpec(
        kind=kind,
        severity=Severity(str(_field(obj, "severity") or default_severity)),
        indicator=ref(_field(obj, "indicator"), "code") or None,
        threshold=_opt_float(_field(obj, "threshold")),
        min_value=_opt_float(_field(obj, "min_value")),
        max_value=_opt_float(_field(obj, "max_value")),
        numerator=ref(_field(obj, "numerator"), "code") or None,
        denominator=ref(_field(obj, "denominator"), "code") or None,
        factor=1.0 if factor is None else factor,
        message=str(_field(obj, "message") or ""),
        id=str(_field(obj, "id") or _field(obj, "pk") or ""),
    )


def rule_problems(obj: Any) -> list[str]:
    """What is wrong with a rule a planner entered, in Chinese; [] when it is usable."""
    try:
        rule = as_rule(obj)
    except (ValueError, TypeError) as problem:
        return [str(problem) if str(problem).startswith("未知") else f"规则参数无效:{problem}"]
    found = []
    if rule.kind == "ratio" and not (rule.indicator and rule.numerator and rule.denominator):
        found.append("比例规则需要指定指标、分子和分母")
    if rule.kind == "range" and rule.min_value is None and rule.max_value is None:
        found.append("范围规则至少需要下限或上限之一")
    if rule.threshold is not None and rule.threshold < 0:
        found.append("阈值不能为负数")
    if rule.message:
        unknown = template_fields(rule.message) - PLACEHOLDERS[rule.kind]
        if unknown:
            found.append(f"提示语中有未知占位符:{'、'.join(sorted(unknown))}")
    return found


def active(obj: Any) -> bool:
    flag = _field(obj, "active")
    return flag is None or bool(flag)


_SIMPLE_NAME = re.compile(r"^\w+$")


def template_fields(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"(格式错误)"}


def render_message(template: str, kind: str, values: Mapping[str, str]) -> str:
    """Fill a planner's template safely: only plain names (no ``{x.attr}``), unknown ones kept as is.

    A broken template falls back to the default one rather than losing the warning.
    """
    fields = template_fields(template)
    if any(not _SIMPLE_NAME.match(name) for name in fields):
        template = DEFAULT_MESSAGES[kind]
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError):
        return DEFAULT_MESSAGES[kind].format_map(_Keep(values))


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fixed(value: float, digits: int) -> str:
    """Rounded half up (the one rounding rule, ``planwatch.numbers``), trailing zeros dropped."""
    text = f"{round_half_up(value, digits):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def number(value: float) -> str:
    """A value as a reporter would write it: 50434.78, 55000, 0.635."""
    return _fixed(value, 4)


def percent(fraction: float, digits: int = 2) -> str:
    """0.0905 → "9.05%" (not 9.04%: 0.0905 × 100 is 9.049999… in binary), 0.02 → "2%"."""
    return f"{_fixed(fraction * 100, digits)}%"


def signed_percent(fraction: float) -> str:
    return ("+" if fraction > 0 else "") + percent(fraction, 1)


def point_change(change: float, word: str = "个百分点") -> str:
    """A share's or a rate's change to one decimal, half up, signed unless it rounds to nothing:
    +1.2 个百分点, -0.5 个百分点, 0.0 个百分点."""
    rounded = round_half_up(change, 1)
    return f"{rounded:+f} {word}" if rounded else f"0.0 {word}"


def year_on_year(value: float | None, previous: float | None, *, points: bool, points_word: str = "个百分点") -> str:
    """The change on the same period a year earlier as the pages show it: "+9.1%" for a level,
    "+1.2 个百分点" for a percentage (a share or a rate moves in points); "" when either is missing or
    the earlier value is 0. The same formats as the year-on-year rule's messages; a page in another
    language passes its own ``points_word`` ("percentage points")."""
    if value is None or previous is None:
        return ""
    if points:
        return point_change(value - previous, points_word)
    if previous == 0:
        return ""
    return signed_percent(value / previous - 1)


def yoy_threshold(rule: RuleSpec, indicator: IndicatorSpec) -> float:
    """Relative for levels; percentage points for rates (the generic rule's 30% means nothing there)."""
    if indicator.is_rate:
        return rule.threshold if rule.indicator and rule.threshold is not None else setting("YOY_PERCENT_POINTS")
    return rule.threshold if rule.threshold is not None else setting("YOY_THRESHOLD")


def robust_z(change: float, history: list[float]) -> tuple[float, float] | None:
    """(z, median) of ``change`` against earlier changes; None when MAD is 0 (no spread to scale by)."""
    median = statistics.median(history)
    mad = statistics.median(abs(c - median) for c in history)
    if mad == 0:
        return None
    return 0.6745 * (change - median) / mad, median
