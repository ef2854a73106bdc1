"""The same rules written series by series in plain Python: the yardstick for the vectorised engine.

``evaluate_by_series`` is what one would write first: a pandas ``groupby().apply()`` calling
``evaluate_series`` on each indicator × region. The benchmark times it against ``evaluate`` and
checks that both give the same grades, 预警 and statuses; the property tests use it as an oracle.
It computes the figures and grades, not the reason sentences (so it is, if anything, favoured).
"""

from __future__ import annotations

import math

import pandas as pd

from planwatch.evaluation.settings import DEFAULT_SETTINGS, EvaluationSettings
from planwatch.evaluation.vocabulary import (
    ACHIEVED,
    AHEAD,
    AWAITING,
    BEHIND,
    BINDING,
    CN_ON_COURSE,
    GRADE_RANK,
    NO_TARGET,
    NOT_ASSESSABLE,
    NOT_ASSESSABLE_STATUS,
    ON_TRACK,
    OPENSDG_ACCELERATE,
    OPENSDG_ACHIEVED,
    OPENSDG_DETERIORATION,
    OPENSDG_LIMITED,
    OPENSDG_ON_TRACK,
    QUALITATIVE_RISE,
    QUALITATIVE_VOLUME_QUALITY,
    QUALITATIVE_WORDS,
    QUALITY_UP,
    REVERSE,
    UNSD_ACCELERATE,
    UNSD_ON_TRACK,
    UNSD_STAGNATION,
)

NAN = float("nan")
RATE_LIKE = ("annual_growth", "cumulative_reduction", "cumulative")


def _finite(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and math.isfinite(x)


def _ge(a, b, dec) -> bool:
    return _finite(a) and _finite(b) and round(a, dec) >= round(b, dec)


def _cagr(start, end, years):
    if _finite(start) and _finite(end) and start > 0 and end > 0 and years > 0:
        return (end / start) ** (1.0 / years) - 1.0
    return NAN


def select_points(years, values, vintages, as_of: int, vintage: str = "latest") -> list[tuple[int, float]]:
    """One (year, value) per year ≤ as-of: the latest (or first) vintage, sorted by year."""
    chosen: dict[int, tuple[int, float]] = {}
    for y, x, vin in zip(years, values, vintages, strict=True):
        if y > as_of or not _finite(x):
            continue
        old = chosen.get(y)
        if old is None or (vin >= old[0] if vintage == "latest" else vin < old[0]):
            chosen[y] = (vin, float(x))
    return [(y, chosen[y][1]) for y in sorted(chosen)]


def _linear(points, as_of, k, at):
    tail = points[-k:]
    n = len(tail)
    if n < 2:
        return NAN, NAN
    xs, ys = [y - as_of for y, _ in tail], [x for _, x in tail]
    xm, ym = sum(xs) / n, sum(ys) / n
    sxx = sum((x - xm) ** 2 for x in xs)
    if sxx <= 0:
        return NAN, NAN
    slope = sum((x - xm) * (y - ym) for x, y in zip(xs, ys, strict=True)) / sxx
    return ym + slope * (at - as_of - xm), slope


def evaluate_series(spec: dict, points: list[tuple[int, float]], as_of: int,
                    settings: EvaluationSettings = DEFAULT_SETTINGS, plan_baseline: bool = True) -> dict:
    """Figures, grade, 预警 and the two international statuses of one series (points sorted)."""
    s = settings
    kind, target, t1 = spec["kind"], spec["target_value"], spec["target_year"]
    d = 1.0 if spec["direction"] == "higher" else -1.0
    years, values = [p[0] for p in points], [p[1] for p in points]
    t, v = years[-1], values[-1]
    by, baseline = spec["base_year"], spec["baseline"]
    plan_ok = s.prefer_plan_baseline and plan_baseline and _finite(baseline) and _finite(by)
    if kind in RATE_LIKE:
        t0 = by if _finite(by) else years[0] - 1
        b = baseline if plan_ok else dict(points).get(t0, NAN)
    elif plan_ok:
        b, t0 = baseline, by
    else:
        index = next((i for i, y in enumerate(years) if not _finite(by) or y >= by), len(years) - 1)
        b, t0 = values[index], years[index]
    after = [x for y, x in points if y > t0]
    r = {"latest_year": t, "latest_value": v, "base_value": b, "base_year_used": t0}
    span, horizon, remaining = t - t0, t1 - t0, t1 - t
    trend_t1, slope = _linear(points, as_of, s.trend_points, t1)
    r.update(_measures(kind, spec, d, b, v, target, t0, t, t1, span, horizon, remaining, after, points, as_of,
                       trend_t1, slope, s))
    r["grade"] = _grade(kind, spec, d, b, v, r, s)
    graded = r["grade"] in GRADE_RANK
    r["warning"] = spec["attribute"] == BINDING and graded and (r["grade"] in (BEHIND, REVERSE) or r["projected_miss"])
    r.update(_opensdg(r, s, t0, t, t1))
    r.update(_unsd(kind, r, s))
    r["methods_disagree"] = _disagree(r)
    del r["ix"]
    return r


def _level_measures(kind, d, b, v, target, t0, t, t1, span, remaining, proj_trend, s):
    dec = s.decimals
    half = s.about_tolerance * abs(target) if kind == "about" else 0.0
    edge = target - half if d > 0 else target + half
    actual = _cagr(b, v, span)
    proj_growth = v * (1 + actual) ** max(remaining, 0) if _finite(actual) else NAN
    primary = proj_growth if _finite(proj_growth) else proj_trend
    met = _ge(d * v, d * edge, dec)
    return {
        "completion": (v - b) / (target - b) if _finite(target) and target != b else NAN,
        "time_share": span / (t1 - t0) if t1 > t0 else NAN, "actual_growth": actual,
        "required_growth": _cagr(v, target, remaining), "projected_by_growth": proj_growth,
        "projected_by_trend": proj_trend, "met": met, "base_met": _ge(d * b, d * edge, dec),
        "projected_miss": (not met) and _finite(primary) and not _ge(d * primary, d * edge, dec),
        "assessable": span > 0, "primary": primary, "band_lo": target - half, "band_hi": target + half,
        "ix": (2, b, v, target, d, _ge(d * v, d * target, dec), proj_growth),
    }


def _measures(kind, spec, d, b, v, target, t0, t, t1, span, horizon, remaining, after, points, as_of,
              trend_t1, slope, s):
    dec = s.decimals
    r = _level_measures(kind, d, b, v, target, t0, t, t1, span, remaining, trend_t1, s)
    intercept = trend_t1 - slope * (t1 - as_of) if _finite(slope) else NAN
    future = [intercept + slope * (t + k - as_of) for k in range(1, int(max(remaining, 0)) + 1)]
    if kind in ("annual_growth", "cumulative_reduction") and _finite(target):
        sign = -1.0 if kind == "cumulative_reduction" else 1.0
        logs = [math.log1p(sign * x / 100) if sign * x / 100 > -1 else NAN for x in after]
        change = math.expm1(sum(logs) / len(logs)) if logs else NAN
        index = (1 + change) ** span if _finite(change) else NAN
        goal = target / 100
        t_index = 1 - goal if sign < 0 else (1 + goal) ** horizon
        completion = (index - 1) / (t_index - 1) if t_index != 1 and _finite(index) else NAN
        still = _cagr(index, t_index, remaining)
        met = _ge(completion, 1.0, dec)
        lo = goal - s.growth_about_tolerance if spec["qualifier"] in ("左右", "约") else goal
        full = 100 * (1 - (1 + change) ** horizon) if sign < 0 else 100 * change
        miss = not _ge(full, target, dec) if sign < 0 else not _ge(change, lo, dec)
        factor = math.prod(1 + sign * x / 100 for x in future) if (_finite(slope) or not future) else NAN
        trend_index = index * factor
        r.update(completion=completion, actual_growth=-change if sign < 0 else change,
                 required_growth=-still if sign < 0 else still, projected_by_growth=full,
                 projected_by_trend=100 * (1 - trend_index) if sign < 0 else 100 * math.expm1(math.log(trend_index) / horizon)
                 if _finite(trend_index) and trend_index > 0 and horizon > 0 else NAN,
                 met=met, base_met=False, projected_miss=(not met) and miss, assessable=bool(after) and _finite(change),
                 band_lo=100 * lo, band_hi=100 * (goal + s.growth_about_tolerance),
                 ix=(2, 1.0, index, t_index, sign, met, index * (1 + change) ** max(remaining, 0)))
    elif kind == "cumulative" and _finite(target):
        mean = sum(after) / len(after) if after else NAN
        total, full = mean * span, mean * horizon
        met = _ge(total, target, dec)
        trend_total = total + sum(future) if (_finite(slope) or not future) else NAN
        r.update(completion=total / target if target else NAN, actual_growth=NAN, required_growth=NAN,
                 projected_by_growth=full, projected_by_trend=trend_total, met=met, base_met=False,
                 projected_miss=(not met) and not _ge(full, target, dec), assessable=bool(after),
                 ix=(0, 0.0, total, target, 1.0, met, full))
    elif kind == "floor" and _finite(target):
        checked = after if after else [points[-1][1]]

        def holds(x):
            margin = round(d * (x - target), dec)
            return margin > 0 if spec["strict"] else margin >= 0
        breaks = sum(not holds(x) for x in checked)
        primary = r["primary"]
        r.update(completion=NAN, required_growth=NAN, met=breaks == 0, base_met=False, assessable=True,
                 projected_miss=_finite(primary) and not holds(primary), floor_breaks=breaks,
                 ix=(2, b, v, target, d, breaks == 0, r["projected_by_growth"]))
    elif kind == "qualitative":
        previous, falls = b, 0
        for x in after:
            change = d * (x - previous) / abs(previous) if previous != 0 else (-math.inf if d * (x - previous) < 0 else 0.0)
            falls += round(change, dec) < -s.rise_fall_tolerance
            previous = x
        r.update(completion=NAN, required_growth=NAN, met=False, base_met=False, projected_miss=False, falls=falls,
                 ix=(1, b, v, target, d, False, r["projected_by_growth"]))
    if kind in ("assigned", "unspecified") or not _has_target(kind, spec):
        r.update(completion=NAN, required_growth=NAN, met=False, base_met=False, projected_miss=False,
                 ix=(1,) + r["ix"][1:])
    return r


def _word(spec) -> str:
    return next((w for w in QUALITATIVE_WORDS if w in spec["target_text"] or w in spec["qualifier"]), "")


def _has_target(kind, spec) -> bool:
    if kind in ("assigned", "unspecified"):
        return False
    if kind == "qualitative":
        return _word(spec) != ""
    return _finite(spec["target_value"]) and _finite(spec["target_year"])


def _grade(kind, spec, d, b, v, r, s) -> str:
    dec, margin = s.decimals, s.time_share_margin
    if kind == "assigned":
        return AWAITING
    if not _has_target(kind, spec):
        return NO_TARGET
    c, ts = r["completion"], r["time_share"]
    if kind in ("level", "about", "cumulative_reduction", "cumulative"):
        if r["met"]:
            return ACHIEVED
        if r["base_met"]:
            return REVERSE
        if not r["assessable"] or not _finite(c) or not _finite(ts):
            return NOT_ASSESSABLE
        if round(c, dec) < 0:
            return REVERSE
        return AHEAD if _ge(c, ts + margin, dec) else ON_TRACK if _ge(c, ts - margin, dec) else BEHIND
    if kind == "annual_growth":
        a = r["actual_growth"]
        if not r["assessable"]:
            return NOT_ASSESSABLE
        if r["met"]:
            return ACHIEVED
        if _finite(c) and round(c, dec) < 0:
            return REVERSE
        return AHEAD if _ge(a, r["band_hi"] / 100, dec) else ON_TRACK if _ge(a, r["band_lo"] / 100, dec) else BEHIND
    if kind == "floor":
        return ACHIEVED if r["met"] else BEHIND
    if not r["assessable"]:
        return NOT_ASSESSABLE
    word = _word(spec)
    if word == QUALITATIVE_RISE:
        return REVERSE if round(d * (v - b), dec) < 0 else BEHIND if r["falls"] > 0 else ON_TRACK
    deviation, band = v - b, s.stable_band * abs(b)
    volume = AHEAD if round(d * deviation, dec) > round(band, dec) else (
        ON_TRACK if round(abs(deviation), dec) <= round(band, dec) else BEHIND)
    quality = spec.get("quality", "")
    if word == QUALITATIVE_VOLUME_QUALITY and quality and quality != QUALITY_UP and volume in (ON_TRACK, AHEAD):
        return BEHIND
    return volume


def _opensdg(r, s, t0, t, t1) -> dict:
    method, b, v, target, d, achieved, _ = r["ix"]
    achieved = method == 2 and achieved
    ratio = _opensdg_ratio(method, b, v, target, d, s, t0, t, t1)
    out = {"opensdg_ratio": ratio, "opensdg_score": NAN, "opensdg_status": NOT_ASSESSABLE_STATUS}
    if achieved:  # checked first, as sdg-build does; the ratio is still reported
        return {**out, "opensdg_status": OPENSDG_ACHIEVED, "opensdg_score": 5.0}
    if not _finite(ratio):
        return out
    hi, med, lo = s.opensdg_thresholds if method == 2 else s.opensdg_growth_thresholds
    x = round(ratio, s.decimals)
    status = (OPENSDG_ON_TRACK if x >= hi else OPENSDG_ACCELERATE if x >= med else OPENSDG_LIMITED if x >= lo
              else OPENSDG_DETERIORATION)
    if method == 2:
        score = min(7.1429 * x - 4.2857, 5) if x >= med else max(4.1667 * x - 2.5, -5)
    else:
        score = (max(125 * x - 2.5, -5) if x < lo else min(500 * x - 5, 5) if x >= hi else 250 * x - 1.25 if x >= med
                 else 500 * x - 2.5)
    return {"opensdg_ratio": ratio, "opensdg_status": status, "opensdg_score": score}


def _opensdg_ratio(method, b, v, target, d, s, t0, t, t1) -> float:
    b = s.opensdg_zero_substitute if b == 0 else b
    target = s.opensdg_zero_substitute if target == 0 else target
    if method == 0 or not (_finite(b) and _finite(v)) or t <= t0 or b * v <= 0:
        return NAN
    sign = -1.0 if b < 0 else 1.0
    observed = (v / b) ** (1 / (t - t0)) - 1
    if method == 1:
        return sign * d * observed
    ok = _finite(target) and target / b > 0 and t1 > t0
    required = (target / b) ** (1 / (t1 - t0)) - 1 if ok else NAN
    return sign * d * observed / abs(required) if _finite(required) and required != 0 else NAN


def _unsd(kind, r, s) -> dict:
    method, b, _, target, _, _, projected = r["ix"]
    out = {"unsd_ratio": NAN, "unsd_status": NOT_ASSESSABLE_STATUS}
    if kind == "floor":
        if method == 2 and _finite(r["primary"]):
            out["unsd_status"] = UNSD_STAGNATION if r["projected_miss"] else UNSD_ON_TRACK
        return out
    if method == 1:
        return out
    _, _, _, _, d, achieved, _ = r["ix"]
    if achieved:  # a target met stays met, whatever the trend (EUSTAT)
        return {"unsd_ratio": NAN, "unsd_status": UNSD_ON_TRACK}
    if _finite(b) and _finite(target) and _ge(d * b, d * target, s.decimals):  # fell back from a met target
        return {"unsd_ratio": NAN, "unsd_status": UNSD_STAGNATION}
    if not (_finite(projected) and _finite(b) and _finite(target)) or target == b:
        return out
    ratio = (projected - b) / (target - b)
    x, (on, accelerate) = round(ratio, s.decimals), s.unsd_thresholds
    return {"unsd_ratio": ratio, "unsd_status": UNSD_ON_TRACK if x >= on else UNSD_ACCELERATE if x >= accelerate
            else UNSD_STAGNATION}


def _disagree(r) -> bool:
    views = []
    if r["grade"] in GRADE_RANK:
        views.append(r["grade"] in CN_ON_COURSE)
    if r["opensdg_status"] != NOT_ASSESSABLE_STATUS:
        views.append(r["opensdg_status"] in (OPENSDG_ACHIEVED, OPENSDG_ON_TRACK))
    if r["unsd_status"] != NOT_ASSESSABLE_STATUS:
        views.append(r["unsd_status"] == UNSD_ON_TRACK)
    return len(set(views)) > 1


def _spec_rows(specs: pd.DataFrame) -> dict[str, dict]:
    defaults = {"target_text": "", "qualifier": "", "strict": False, "attribute": "预期性", "quality": ""}
    rows = {}
    for row in specs.to_dict("records"):
        row = {**defaults, **{k: v for k, v in row.items() if not (k in defaults and pd.isna(v))}}
        row["target_text"], row["qualifier"] = str(row["target_text"]), str(row["qualifier"])
        rows[str(row["indicator"])] = row
    return rows


FIELDS = (
    "latest_year", "latest_value", "base_value", "base_year_used", "completion", "time_share", "actual_growth",
    "required_growth", "projected_by_growth", "projected_by_trend", "projected_miss", "grade", "warning",
    "opensdg_ratio", "opensdg_status", "opensdg_score", "unsd_ratio", "unsd_status", "methods_disagree",
)


def evaluate_by_series(specs: pd.DataFrame, observations: pd.DataFrame, as_of: int, *,
                       settings: EvaluationSettings = DEFAULT_SETTINGS, vintage: str = "latest",
                       plan_region: str | None = None) -> pd.DataFrame:
    """The plain per-series pandas ``groupby().apply()`` over the same rules (no reason sentences).

    Each group returns a tuple of ``FIELDS`` (a ``pd.Series`` per group would hold 900,000 small
    Series in memory at the benchmark's size).
    """
    rows = _spec_rows(specs)
    frame = observations[observations["indicator"].astype(str).isin(rows)]
    if "vintage" not in frame.columns:
        frame = frame.assign(vintage=1)

    def one(group: pd.DataFrame):
        indicator, region = group.name
        points = select_points(group["year"].tolist(), group["value"].tolist(), group["vintage"].tolist(), as_of,
                               vintage)
        if not points:
            return None
        plan = plan_region is None or str(region) == plan_region
        result = evaluate_series(rows[str(indicator)], points, as_of, settings, plan)
        return tuple(result[name] for name in FIELDS)

    result = frame.groupby(["indicator", "region"], observed=True, sort=False)[["year", "value", "vintage"]].apply(one)
    result = result.dropna()
    table = pd.DataFrame(result.tolist(), columns=list(FIELDS), index=result.index)
    return table.reset_index()
