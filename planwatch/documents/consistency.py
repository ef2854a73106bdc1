"""Do a stated level, change and rate agree? (pure)

Why: sources contradict themselves. 中国民航网 reports Ganzhou airport cargo for 2025
as 7388.7 吨, "同比增长了1574.5吨" and "同比增长32.7%". The level and the change put
2024 at 7388.7 − 1574.5 = 5814.2 吨, and then the rate is 1574.5 ÷ 5814.2 = 27.08%,
not 32.7%; taking the rate instead puts 2024 at 7388.7 ÷ 1.327 = 5568.0 吨. All three
cannot hold. Planwatch keeps what was stated and raises a flag a reviewer can see,
rather than silently picking one.

Checks, each made only when its figures are stated:
- level, change, prior:  prior + change = level (to the precision of the figures);
- level, change, rate:   change ÷ (level − change) = rate;
- level, prior, rate:    level ÷ prior − 1 = rate.
A rate at constant prices (可比价) is not compared with nominal levels: the check is
skipped and says so, because a real rate and a nominal change legitimately differ.

Tolerance: ``ConsistencySettings.rate_tolerance_pp`` (default 0.1 percentage point).
Published rates carry one decimal (±0.05 pp of rounding); the other 0.05 pp leaves
room for the rounding of the level and the change. Levels are compared within the
sum of the rounding of each figure (half a unit of its last decimal: 898.81, 0.91 and
898.0 allow 0.005 + 0.005 + 0.05 = 0.06).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "DEFAULT_SETTINGS",
    "ConsistencyResult",
    "ConsistencySettings",
    "StatedChange",
    "check_stated_change",
]


@dataclass(frozen=True)
class ConsistencySettings:
    """Tolerances of the check, documented in the module docstring."""

    rate_tolerance_pp: float = 0.1  # percentage points between a stated and an implied rate


DEFAULT_SETTINGS = ConsistencySettings()


Number = float | int | str | Decimal


@dataclass(frozen=True)
class StatedChange:
    """What one source says about a figure and its change on the previous year.

    ``change_unit`` is the unit of ``change`` when it differs from ``unit`` (e.g.
    个百分点 for a rate that rose 0.65 points). ``rate_basis`` is ``"nominal"`` or
    ``"real"`` (可比价); a real rate is not checked against nominal levels.
    Figures may be given as text ("898.00") so that their stated precision is kept.
    """

    indicator: str
    region: str
    year: int
    level: Number
    unit: str
    change: Number | None = None
    rate_pct: Number | None = None
    prior: Number | None = None
    change_unit: str = ""
    rate_basis: str = "nominal"
    source_url: str = ""
    quote: str = ""


@dataclass(frozen=True)
class ConsistencyResult:
    """The verdict: ``consistent`` is False when a check fails; ``message`` says why, in Chinese."""

    stated: StatedChange
    consistent: bool
    message: str
    checks: tuple[str, ...] = ()
    figures: dict = field(default_factory=dict)


def _decimals(value: Number) -> int:
    """Decimals as stated: "898.00" has 2 (give figures as text to keep trailing zeros); 898.0 has 1."""
    text = repr(value) if isinstance(value, float) else str(value)
    return max(0, -int(Decimal(text.strip()).as_tuple().exponent))


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _level_tolerance(*values: Number) -> float:
    """The most the roundings can add up to: half a unit of each figure's last decimal."""
    return sum(0.5 * 10.0 ** -_decimals(v) for v in values) + 1e-9


def _label(s: StatedChange) -> str:
    return f"{s.region}{s.indicator}{s.year}年"


def _f(value: Number | None) -> float:
    return float(value) if value is not None else float("nan")


def _show(value: Number, sign: bool = False) -> str:
    """A stated figure as stated: text stays text ("898.00"), numbers drop float noise."""
    text = str(value).strip() if isinstance(value, str | Decimal) else f"{value:g}"
    return f"+{text}" if sign and not text.startswith(("-", "+")) else text


def _check_prior(s: StatedChange) -> tuple[bool, str]:
    assert s.change is not None and s.prior is not None  # the caller checks only what is stated
    d = max(_decimals(s.level), _decimals(s.change), _decimals(s.prior))
    expected = _f(s.prior) + _f(s.change)
    ok = abs(expected - _f(s.level)) <= _level_tolerance(s.level, s.change, s.prior)
    text = f"上年{_fmt(_f(s.prior), d)}+增量{_fmt(_f(s.change), d)}={_fmt(expected, d)}{s.unit}"
    return ok, text + ("" if ok else f",而所述水平为{_fmt(_f(s.level), d)}{s.unit}")


def _check_change_rate(s: StatedChange, tolerance: float) -> tuple[bool, str, dict]:
    assert s.change is not None and s.rate_pct is not None  # the caller checks only what is stated
    d = max(_decimals(s.level), _decimals(s.change))
    level, change, rate = _f(s.level), _f(s.change), _f(s.rate_pct)
    prior = level - change
    implied = change / prior * 100
    gap = implied - rate
    ok = round(abs(gap), 12) <= tolerance
    text = (
        f"按水平与增量,上年为{_fmt(level, d)}−{_fmt(change, d)}={_fmt(prior, d)}{s.unit},"
        f"增速应为{_fmt(change, d)}÷{_fmt(prior, d)}={implied:.2f}%"
    )
    if not ok:
        prior_by_rate = level / (1 + rate / 100)
        text += (
            f",与所述{_show(s.rate_pct)}%相差{abs(gap):.2f}个百分点(容差{tolerance:g}个百分点);"
            f"若增速{_show(s.rate_pct)}%属实,上年应为{_fmt(level, d)}÷{1 + rate / 100:g}"
            f"={_fmt(prior_by_rate, d)}{s.unit},增量应为{_fmt(level - prior_by_rate, d)}{s.unit}"
        )
    figures = {"implied_prior": round(prior, 12), "implied_rate_pct": round(implied, 12), "gap_pp": round(gap, 12)}
    return ok, text, figures


def _check_prior_rate(s: StatedChange, tolerance: float) -> tuple[bool, str, dict]:
    assert s.prior is not None and s.rate_pct is not None  # the caller checks only what is stated
    implied = (_f(s.level) / _f(s.prior) - 1) * 100
    gap = implied - _f(s.rate_pct)
    ok = round(abs(gap), 12) <= tolerance
    d = max(_decimals(s.level), _decimals(s.prior))
    text = f"{_fmt(_f(s.level), d)}÷{_fmt(_f(s.prior), d)}−1={implied:.2f}%"
    if not ok:
        text += f",与所述{_show(s.rate_pct)}%相差{abs(gap):.2f}个百分点(容差{tolerance:g}个百分点)"
    return ok, text, {"implied_rate_pct": round(implied, 12), "gap_pp": round(gap, 12)}


def _stated_text(s: StatedChange) -> str:
    parts = [f"水平{_show(s.level)}{s.unit}"]
    if s.prior is not None:
        parts.append(f"上年{_show(s.prior)}{s.unit}")
    if s.change is not None:
        parts.append(f"增量{_show(s.change, sign=True)}{s.change_unit or s.unit}")
    if s.rate_pct is not None:
        parts.append(f"增速{_show(s.rate_pct, sign=True)}%" + ("(可比价)" if s.rate_basis == "real" else ""))
    return "、".join(parts)


def check_stated_change(s: StatedChange, settings: ConsistencySettings = DEFAULT_SETTINGS) -> ConsistencyResult:
    """Run every check the stated figures allow; one failing check makes the whole inconsistent."""
    tol = settings.rate_tolerance_pp
    compare_rate = s.rate_pct is not None and s.rate_basis != "real"
    results: list[tuple[bool, str]] = []
    figures: dict = {}
    if s.change is not None and s.prior is not None:
        results.append(_check_prior(s))
    if s.change is not None and compare_rate and not s.change_unit:
        ok, text, figures = _check_change_rate(s, tol)
        results.append((ok, text))
    elif s.prior is not None and compare_rate:
        ok, text, figures = _check_prior_rate(s, tol)
        results.append((ok, text))
    consistent = all(ok for ok, _ in results)
    return ConsistencyResult(
        stated=s,
        consistent=consistent,
        message=_message(s, results, consistent),
        checks=tuple(text for _, text in results),
        figures=figures,
    )


def _message(s: StatedChange, results: list[tuple[bool, str]], consistent: bool) -> str:
    head = f"{_label(s)}:所述{_stated_text(s)}"
    if not results:
        return head + ",无可核对的组合(可比价增速不与名义水平比较)" if s.rate_basis == "real" else head + ",无可核对的组合"
    if consistent:
        return head + "相互一致(" + ";".join(t for _, t in results) + ")"
    return head + "不能同时成立:" + ";".join(t for ok, t in results if not ok) + "。"
