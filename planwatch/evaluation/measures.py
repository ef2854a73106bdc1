"""Per-series measures for every indicator × region at once: latest, base, 完成度, 时序进度, growth.

``measure`` fills a ``Work`` (one array entry per series with data) in steps: identity (the spec
of each series), latest value, base, windows, the linear trend, then the level formulas for every
series; ``planwatch.evaluation.kinds`` then overwrites what differs for rate, cumulative, floor and
qualitative targets. Nothing here decides a grade.
"""

from __future__ import annotations

import numpy as np

from planwatch.evaluation import formulas as f
from planwatch.evaluation import kinds
from planwatch.evaluation.frame import KINDS, Panel, Specs
from planwatch.evaluation.groups import first_at_or_after, window_fit
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import QUALITATIVE_WORDS

RATE_LIKE = ("annual_growth", "cumulative_reduction", "cumulative")


class Work:
    """Arrays of one evaluation, one entry per series; attributes are added by each step.

    Main ones: ``kind d T t1`` (spec), ``t v latest_qual`` (latest), ``b t0 from_obs shifted``
    (base), ``span horizon remaining lo_after n_after gaps`` (windows), ``completion time_share
    actual required proj_growth proj_trend achieved met base_met projected_miss`` (measures) and
    ``ix_*`` (the index form the international methods read).
    """

    def mask(self, *names: str) -> np.ndarray:
        """Series whose target kind is one of ``names`` (a lookup on small integer codes, kept)."""
        cache = self.__dict__.setdefault("_masks", {})
        if names not in cache:
            table = np.zeros(len(KINDS), dtype=bool)
            table[[KINDS.index(n) for n in names]] = True
            cache[names] = table[self.kind]
            cache[names].flags.writeable = False
        return cache[names]

    def has_word(self, *words: str) -> np.ndarray:
        """Qualitative series whose target text is one of ``words`` (稳中有升 …)."""
        table = np.zeros(len(QUALITATIVE_WORDS) + 1, dtype=bool)
        table[[QUALITATIVE_WORDS.index(x) + 1 for x in words]] = True
        return table[self.word]


def measure(specs: Specs, panel: Panel, as_of: int, settings: EvaluationSettings,
            plan_region: str | None) -> Work:
    w = Work()
    _identity(w, specs, panel)
    _latest(w, panel)
    _base(w, specs, panel, settings, plan_region)
    _windows(w, panel)
    _trend(w, panel, as_of, settings)
    with np.errstate(all="ignore"):
        _level(w, settings)
        kinds.rates(w, panel, as_of, settings)
        kinds.cumulative(w, panel, as_of, settings)
        kinds.floors(w, panel, settings)
        kinds.qualitative(w, panel, settings)
        kinds.without_target(w)
    return w


def _identity(w: Work, specs: Specs, panel: Panel) -> None:
    s = panel.spec
    w.spec, w.region = s, panel.region
    w.kind, w.d, w.T, w.t1 = specs.kind_code[s], specs.direction[s], specs.target[s], specs.target_year[s]
    w.binding, w.strict, w.word = specs.binding[s], specs.strict[s], specs.word_code[s]
    w.quality, w.quality_by, w.target_qualifier = specs.quality[s], specs.quality_by[s], specs.qualifier[s]
    w.spec_base_year = specs.base_year[s]
    w.has_target = np.isfinite(w.T) & np.isfinite(w.t1)


def _latest(w: Work, panel: Panel) -> None:
    last = panel.ends - 1
    w.t = panel.year[last].astype(float)
    w.v = panel.value[last]
    w.latest_qual = panel.qual_labels[panel.qual[last]]
    w.n_obs = panel.ends - panel.starts


def _base(w: Work, specs: Specs, panel: Panel, settings: EvaluationSettings, plan_region: str | None) -> None:
    """Plan baseline for the plan's region, else the first observation from the base year on."""
    s = panel.spec
    baseline, by = specs.baseline[s], specs.base_year[s]
    region_ok = True if plan_region is None else panel.region_names[panel.region] == plan_region
    plan_ok = settings.prefer_plan_baseline & np.isfinite(baseline) & np.isfinite(by) & region_ok
    index = first_at_or_after(panel, by)
    index = np.where(index >= panel.ends, panel.ends - 1, index)
    obs_year, obs_value = panel.year[index].astype(float), panel.value[index]
    rate_like = w.mask(*RATE_LIKE)
    # A rate target's base is a year: the rates after it are chained. Without one, the year
    # before the first observed rate.
    rate_t0 = np.where(np.isfinite(by), by, panel.year[panel.starts] - 1.0)
    rate_b = np.where(plan_ok, baseline, np.where(obs_year == rate_t0, obs_value, np.nan))
    w.t0 = np.where(rate_like, rate_t0, np.where(plan_ok, by, obs_year))
    w.b = np.where(rate_like, rate_b, np.where(plan_ok, baseline, obs_value))
    w.from_obs = ~plan_ok
    # What the reason must say about the base: 1 the plan gives no base value (or year), 2 the base
    # year has no figure for this region and a later one was taken, 3 a rate target without base year.
    no_plan_value = ~np.isfinite(baseline) | ~np.isfinite(by)
    w.base_note = np.select(
        [rate_like & ~np.isfinite(by), rate_like, ~plan_ok & no_plan_value, ~plan_ok & (obs_year != by)],
        [3, 0, 1, 2], default=0).astype(np.int8)
    w.shifted = w.base_note > 0


def _windows(w: Work, panel: Panel) -> None:
    w.lo_after = first_at_or_after(panel, w.t0 + 1)
    w.n_after = panel.ends - w.lo_after
    w.span = w.t - w.t0
    w.horizon = w.t1 - w.t0
    w.remaining = w.t1 - w.t
    w.gaps = np.where(w.span > 0, np.maximum(w.span - w.n_after, 0), 0).astype(np.int64)


def _trend(w: Work, panel: Panel, as_of: int, settings: EvaluationSettings) -> None:
    """Linear trend of the last ≤ ``trend_points`` observations, x measured from the as-of year."""
    lo = np.maximum(panel.starts, panel.ends - settings.trend_points)
    x = (panel.year - as_of).astype(float)
    w.fit = window_fit(x, panel.value, lo, panel.ends)
    w.x_t1 = w.t1 - as_of
    w.proj_trend = w.fit.at(w.x_t1)


def _level(w: Work, settings: EvaluationSettings) -> None:
    """The design page's formulas for a level target; the other kinds overwrite what differs."""
    dec = settings.decimals
    w.completion = f.completion(w.b, w.v, w.T)
    w.time_share = f.time_share(w.t0, w.t, w.t1)
    w.actual = f.average_growth(w.b, w.v, w.span)
    w.required = f.required_growth(w.v, w.T, w.remaining)
    w.proj_growth = f.project(w.v, w.actual, w.remaining)
    w.sign_change = w.b * w.v < 0
    w.achieved = w.v.copy()
    half = settings.about_tolerance * np.abs(w.T)
    about = w.mask("about")
    w.band_lo, w.band_hi = np.where(about, w.T - half, w.T), np.where(about, w.T + half, w.T)
    w.edge = np.where(w.d > 0, w.band_lo, w.band_hi)  # the near edge of the band, coming from the base
    w.met = f.at_least(w.d * w.v, w.d * w.edge, dec)
    w.base_met = f.at_least(w.d * w.b, w.d * w.edge, dec)
    primary = np.where(np.isfinite(w.proj_growth), w.proj_growth, w.proj_trend)
    w.projection = primary
    w.projected_miss = ~w.met & np.isfinite(primary) & ~f.at_least(w.d * primary, w.d * w.edge, dec)
    w.assessable = w.span > 0
    w.required_amount = np.full(len(w.v), np.nan)
    # The international methods read an index form; for a level target it is the series itself.
    w.ix_method = np.full(len(w.v), 2, dtype=np.int8)
    w.ix_b, w.ix_v, w.ix_T, w.ix_d = w.b, w.v, w.T, w.d
    w.ix_achieved = f.at_least(w.d * w.v, w.d * w.T, dec)
    w.ix_proj = w.proj_growth
