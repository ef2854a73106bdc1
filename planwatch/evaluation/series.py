"""What is known of every series before any rule is applied: ``Series``, one array entry per series.

A series is one indicator in one region (a group of the panel). ``describe`` reads, for all series
at once, the spec of each, its latest figure, its base (the plan's or an observation), the windows
of years after the base, the linear trend of its last points and the level measures that every
kind reports (the average growth since the base and where it leads). Nothing here decides a grade:
that is ``planwatch.evaluation.kinds``, one function per target kind.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planwatch.evaluation import formulas as f
from planwatch.evaluation.frame import KINDS, Panel, Specs
from planwatch.evaluation.groups import Fit, first_at_or_after, window_fit, year_sums, years_from
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import QUALITATIVE_WORDS

# Kinds whose observations are yearly rates or additions, chained or summed from the base year on.
RATE_LIKE = ("annual_growth", "cumulative_reduction", "cumulative")

# Qualifiers that make a target a band around its value (“年均7.5左右”).
ABOUT_WORDS = ("左右", "约")

# Why the base is not the plan's (``Series.base_note``).
BASE_FROM_PLAN, BASE_NO_PLAN_VALUE, BASE_YEAR_WITHOUT_DATA, RATE_WITHOUT_BASE_YEAR = 0, 1, 2, 3


@dataclass(frozen=True)
class Series:
    """One entry per series (indicator × region with data), all arrays of the same length.

    Identity and spec (copied from the indicator's spec):

    - ``spec`` int: row of the specs; ``region`` int: index into the panel's region names.
    - ``kind`` int8: index into ``frame.KINDS``; use ``is_kind("level", …)``.
    - ``direction`` float: +1 higher is better, −1 lower is better.
    - ``target`` float: target value T (per cent for rate kinds), NaN where none.
    - ``target_year`` float: t1, NaN where none. ``has_target``: T and t1 known and the kind has one.
    - ``binding`` bool: 约束性. ``strict`` bool: a '>' floor. ``target_qualifier`` str: 左右/以上/…;
      ``about`` bool: it is one of ``ABOUT_WORDS`` (a band around the target).
    - ``word`` int8: 0, or 1 + index into ``QUALITATIVE_WORDS`` (稳中有升 …); use ``has_word``.
    - ``quality``/``quality_by``/``quality_measure`` str: the judgement of 量稳质升's quality part.
    - ``plan_base_year`` float: the base year the plan states (NaN where none).
    - ``limit`` float: the natural ceiling/floor of a series without target (Open SDG ``limit``), NaN.
    - ``decimals`` float: how many decimals the indicator is published with, NaN where not known.
    - ``percent_unit`` bool: the indicator is itself a rate or share (unit %), so its changes are
      in 百分点.

    Latest figure: ``latest_year`` float (t), ``latest`` float (v), ``latest_qualifier`` str,
    ``observations`` int (points up to the as-of year).

    Base: ``base_year`` float (t0), ``base`` float (b, NaN for a rate kind without a base index),
    ``base_from_observation`` bool, ``base_note`` int8 (``BASE_*``: why the base is not the plan's).

    Windows: ``after_start`` int (row of the first observation after t0), ``after_count`` int
    (observations after t0), ``elapsed`` float (t − t0), ``horizon`` float (t1 − t0),
    ``remaining`` float (t1 − t), ``missing_years`` int (years after t0 with no figure).

    Level measures every kind reports (a kind may replace them): ``trend`` (least squares of the
    last ≤ ``trend_points`` values on the year − as-of; ``trend_slope``/``trend_intercept`` its
    coefficients), ``trend_at_target`` float (its value at
    t1), ``average_growth`` float (CAGR from b to v), ``growth_at_target`` float (v carried to t1 at
    that growth), ``sign_change`` bool (b and v of opposite signs).

    ``price_basis_used`` int8: code into ``prices.PRICE_BASIS_LABELS`` (0: no price basis stated).
    """

    spec: np.ndarray
    region: np.ndarray
    kind: np.ndarray
    direction: np.ndarray
    target: np.ndarray
    target_year: np.ndarray
    has_target: np.ndarray
    binding: np.ndarray
    strict: np.ndarray
    target_qualifier: np.ndarray
    about: np.ndarray
    word: np.ndarray
    quality: np.ndarray
    quality_by: np.ndarray
    quality_measure: np.ndarray
    plan_base_year: np.ndarray
    limit: np.ndarray
    decimals: np.ndarray
    percent_unit: np.ndarray
    latest_year: np.ndarray
    latest: np.ndarray
    latest_qualifier: np.ndarray
    observations: np.ndarray
    base_year: np.ndarray
    base: np.ndarray
    base_from_observation: np.ndarray
    base_note: np.ndarray
    after_start: np.ndarray
    after_count: np.ndarray
    elapsed: np.ndarray
    horizon: np.ndarray
    remaining: np.ndarray
    missing_years: np.ndarray
    trend: Fit
    trend_slope: np.ndarray
    trend_intercept: np.ndarray
    trend_at_target: np.ndarray
    average_growth: np.ndarray
    growth_at_target: np.ndarray
    sign_change: np.ndarray
    price_basis_used: np.ndarray

    def __len__(self) -> int:
        return len(self.spec)

    def is_kind(self, *names: str) -> np.ndarray:
        """Series whose target kind is one of ``names`` (a lookup on small integer codes)."""
        return kind_in(self.kind, *names)

    def has_word(self, *words: str) -> np.ndarray:
        """Series whose target text is one of the qualitative ``words`` (稳中有升 …)."""
        table = np.zeros(len(QUALITATIVE_WORDS) + 1, dtype=bool)
        table[[QUALITATIVE_WORDS.index(x) + 1 for x in words]] = True
        return np.take(table, self.word)


def kind_in(codes: np.ndarray, *names: str) -> np.ndarray:
    """Whether each kind code (index into ``KINDS``) is one of ``names``: a table lookup, not np.isin."""
    table = np.zeros(len(KINDS), dtype=bool)
    table[[KINDS.index(n) for n in names]] = True
    return np.take(table, codes)  # indexing with int8 codes converts them first: three times slower


def describe(specs: Specs, panel: Panel, as_of: int, settings: EvaluationSettings, plan_region: str | None,
             judgements: dict, n_regions: int, prices: dict | None = None) -> Series:
    """The ``Series`` of every group of ``panel`` (see the class for each field)."""
    s = panel.spec
    kind = specs.kind_code[s]
    rate_like = kind_in(kind, *RATE_LIKE)
    last = panel.ends - 1
    t, v = panel.last_year().astype(float), panel.value[last]
    target, t1 = specs.target[s], specs.target_year[s]
    word = specs.word_code[s]
    qualitative, no_target_kind = kind == KINDS.index("qualitative"), kind_in(kind, "assigned", "unspecified")
    has_target = np.where(qualitative, word > 0, np.isfinite(target) & np.isfinite(t1)) & ~no_target_kind

    # Base: the plan's baseline for the plan's region, else the first observation from the base year on.
    baseline, by = specs.baseline[s], specs.base_year[s]
    region_ok = True if plan_region is None else panel.region == _region_index(panel.region_names, plan_region)
    plan_ok = settings.prefer_plan_baseline & np.isfinite(baseline) & np.isfinite(by) & region_ok
    index = first_at_or_after(panel, by)
    index = np.where(index >= panel.ends, panel.ends - 1, index)
    obs_year, obs_value = panel.year[index].astype(float), panel.value[index]
    # A rate target's base is a year: the rates after it are chained. Without one, the year before
    # the first observed rate.
    rate_t0 = np.where(np.isfinite(by), by, panel.first_year() - 1.0)
    rate_b = np.where(plan_ok, baseline, np.where(obs_year == rate_t0, obs_value, np.nan))
    t0 = np.where(rate_like, rate_t0, np.where(plan_ok, by, obs_year))
    b = np.where(rate_like, rate_b, np.where(plan_ok, baseline, obs_value))
    no_plan_value = ~np.isfinite(baseline) | ~np.isfinite(by)
    base_note = f.pick(
        [rate_like & ~np.isfinite(by), rate_like, ~plan_ok & no_plan_value, ~plan_ok & (obs_year != by)],
        [RATE_WITHOUT_BASE_YEAR, BASE_FROM_PLAN, BASE_NO_PLAN_VALUE, BASE_YEAR_WITHOUT_DATA], BASE_FROM_PLAN)

    # Windows of the years after the base.
    after_start = first_at_or_after(panel, t0 + 1)
    after_count = panel.ends - after_start
    elapsed, remaining = t - t0, t1 - t

    # The linear trend of the last ≤ trend_points observations, x measured from the as-of year.
    lo = np.maximum(panel.starts, panel.ends - settings.trend_points)
    trend = window_fit(years_from(panel, as_of), panel.value, lo, panel.ends, residuals=False,
                       x_sums=year_sums(panel, as_of, lo, panel.ends))
    with np.errstate(all="ignore"):
        growth = f.average_growth(b, v, elapsed)
        quality, quality_by, measure = _judged(specs, s, panel.region, judgements, n_regions)
        return Series(
            spec=s, region=panel.region, kind=kind, direction=specs.direction[s], target=target, target_year=t1,
            has_target=has_target, binding=specs.binding[s], strict=specs.strict[s],
            target_qualifier=specs.qualifier[s], about=np.isin(specs.qualifier, ABOUT_WORDS)[s], word=word,
            quality=quality, quality_by=quality_by,
            quality_measure=measure, plan_base_year=by, limit=specs.limit[s], decimals=specs.decimals[s],
            percent_unit=specs.percent_unit[s] & ~rate_like,
            latest_year=t, latest=v, latest_qualifier=panel.qual_labels[panel.qual[last]],
            observations=panel.ends - panel.starts,
            base_year=t0, base=b, base_from_observation=~plan_ok, base_note=base_note,
            after_start=after_start, after_count=after_count, elapsed=elapsed, horizon=t1 - t0,
            remaining=remaining,
            missing_years=np.where(elapsed > 0, np.maximum(elapsed - after_count, 0), 0).astype(np.int64),
            trend=trend, trend_slope=trend.slope, trend_intercept=trend.intercept, trend_at_target=trend.at(t1 - as_of), average_growth=growth,
            growth_at_target=f.project(v, growth, remaining), sign_change=b * v < 0,
            price_basis_used=_keyed(prices or {}, s, panel.region, n_regions, 0, np.int8),
        )


def _region_index(names: np.ndarray, name: str) -> int:
    """The index of region ``name`` in the panel's names, −1 when it has no figures (compared once, not per series)."""
    found = np.flatnonzero(names == name)
    return int(found[0]) if len(found) else -1


def _keyed(values: dict, spec: np.ndarray, region: np.ndarray, n_regions: int, default: object,
           dtype: npt.DTypeLike) -> np.ndarray:
    """An array with ``values[(spec row, region index)]`` at those series (few keys; a loop is fine)."""
    out = np.full(len(spec), default, dtype=dtype)
    if values:
        key = spec.astype(np.int64) * max(n_regions, 1) + region
        for (spec_row, region_row), value in values.items():
            out[key == spec_row * max(n_regions, 1) + region_row] = value
    return out


def _judged(
    specs: Specs, s: np.ndarray, region: np.ndarray, found: dict, n_regions: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The spec's quality judgement, replaced by a judgement recorded for the region (few; a loop is fine)."""
    quality, by = specs.quality[s], specs.quality_by[s]
    measure = np.full(len(s), "", dtype=object)
    if not found:
        return quality, by, measure
    quality, by = quality.copy(), by.copy()
    key = s.astype(np.int64) * max(n_regions, 1) + region
    for (spec_row, region_row), (word, who, named) in found.items():
        hit = key == spec_row * max(n_regions, 1) + region_row
        quality[hit], by[hit], measure[hit] = word, who, named
    return quality, by, measure
