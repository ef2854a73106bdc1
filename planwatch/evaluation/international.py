"""The published international methods on the same data, so figures can be compared and checked.

Open SDG / Statistics Canada (sdg-build ``ProgressMeasure``): with a target, the pace ratio
``R = sign · d · CAGR_obs / |CAGR_req|`` where both CAGRs run from the base year (observed to the
latest year, required to the target year); target achieved is checked first; R ≥ 0.95 on track,
≥ 0.60 acceleration needed, ≥ 0 limited progress, else deterioration; score
``min(7.1429R − 4.2857, 5)`` for R ≥ 0.6 else ``max(4.1667R − 2.5, −5)``. Without a target the
observed CAGR itself is graded (1.5% / 0.5% / 0) with the piecewise score of sdg-build. A base or
target of 0 is replaced by 0.001, as sdg-build does; a sign change is not assessable.

UN progress chart: ``CR = (projected − base) / (target − base)`` with the target-year value
projected at the observed growth; ≥ 0.95 on track, ≥ 0.10 acceleration needed, else stagnation or
regression. A target met is on track whatever the trend, and a base past the target that the
latest has fallen back from is a regression (EUSTAT), since past the target CR reads backwards.
Rate targets are read in index form (Π(1+gᵢ)); floors are on track when the projection still holds.
"""

from __future__ import annotations

from collections.abc import Container

import numpy as np
import numpy.typing as npt

from planwatch.evaluation import formulas as f
from planwatch.evaluation import text as tx
from planwatch.evaluation.kinds import GROWTH_ONLY, UNSD_ONLY, WITH_TARGET, Assessment
from planwatch.evaluation.phrases import CHINESE, Phrasebook
from planwatch.evaluation.series import Series
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    CN_ON_COURSE,
    GRADE_RANK,
    GRADES,
    NOT_ASSESSABLE_STATUS,
    OPENSDG_ACCELERATE,
    OPENSDG_ACHIEVED,
    OPENSDG_DETERIORATION,
    OPENSDG_LIMITED,
    OPENSDG_ON_COURSE,
    OPENSDG_ON_TRACK,
    OPENSDG_STATUSES,
    UNSD_ACCELERATE,
    UNSD_ON_COURSE,
    UNSD_ON_TRACK,
    UNSD_STAGNATION,
    UNSD_STATUSES,
)

# sdg-build's score lines, fitted to its default thresholds (they are published, not settings).
SCORE_TARGET_HIGH = (7.1429, -4.2857)
SCORE_TARGET_LOW = (4.1667, -2.5)
SCORE_MAX = 5.0
# sdg-build's exponent of the limit coefficient C (published, not a setting).
LIMIT_EXPONENT = 4.44


def opensdg(
    s: Series, a: Assessment, settings: EvaluationSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(ratio, status code into OPENSDG_STATUSES, score, limit coefficient C) per series.

    The ratio is R with a target, the observed CAGR without. Without a target and with a ``limit``
    L (a natural ceiling or floor, e.g. a coverage rate's 100), the growth thresholds are scaled by
    sdg-build's C = 1 − (|b|/|L|)^4.44 while |b| ≤ |L|, 1 − ((2|L| − |b|)/|L|)^4.44 past it, 1 from
    |b| ≥ 2|L|: near the ceiling a small rise is good progress. C is NaN where no limit applies.
    """
    with np.errstate(all="ignore"):
        zero = settings.opensdg_zero_substitute
        base = np.where(a.index_base == 0, zero, a.index_base)
        target = np.where(a.index_target == 0, zero, a.index_target)
        sign = np.where(base < 0, -1.0, 1.0)
        usable = (s.latest_year > s.base_year) & np.isfinite(base) & np.isfinite(a.index_latest) & (
            base * a.index_latest > 0)
        observed = (a.index_latest / base) ** (1.0 / (s.latest_year - s.base_year)) - 1.0
        required = (target / base) ** (1.0 / (s.target_year - s.base_year)) - 1.0
        with_target = a.international == WITH_TARGET
        ratio = np.where(with_target, sign * a.index_direction * observed / np.abs(required),
                         sign * a.index_direction * observed)
        ratio = np.where(usable & (a.international != UNSD_ONLY) & np.isfinite(ratio), ratio, np.nan)
        achieved = with_target & a.index_achieved.astype(bool)
        coefficient = np.where(with_target, np.nan, limit_coefficient(a.index_base, s.limit))
        scale = np.where(np.isfinite(coefficient), coefficient, 1.0)
        hi, med, lo = np.where(with_target[None, :], np.array(settings.opensdg_thresholds)[:, None],
                               np.array(settings.opensdg_growth_thresholds)[:, None] * scale[None, :])
        r = np.round(ratio, settings.decimals)
        status = _codes(
            [achieved, ~np.isfinite(r), r >= hi, r >= med, r >= lo],
            [OPENSDG_ACHIEVED, NOT_ASSESSABLE_STATUS, OPENSDG_ON_TRACK, OPENSDG_ACCELERATE, OPENSDG_LIMITED],
            OPENSDG_DETERIORATION, OPENSDG_STATUSES,
        )
        score = _target_score(r, med)
        growth_only = np.flatnonzero(~with_target)  # the growth lines only where they apply
        score[growth_only] = _growth_score(*(v[growth_only] for v in (r, hi, med, lo, scale)))
        score = np.where(achieved, SCORE_MAX, score)
    return ratio, status, score, coefficient


def limit_coefficient(base: npt.ArrayLike, limit: npt.ArrayLike) -> np.ndarray:
    """sdg-build's C for a base b and a limit L (NaN where L is not given); exponent ``LIMIT_EXPONENT``."""
    b, lim = np.abs(np.asarray(base, float)), np.abs(np.asarray(limit, float))
    if not np.isfinite(lim).any():  # the usual case: no indicator states a limit
        return np.full(b.shape, np.nan)
    with np.errstate(all="ignore"):
        within = 1.0 - (b / lim) ** LIMIT_EXPONENT
        past = 1.0 - ((2.0 * lim - b) / lim) ** LIMIT_EXPONENT
        c = np.select([b >= 2.0 * lim, b <= lim], [1.0, within], default=past)
    return np.where(np.isfinite(lim) & np.isfinite(b), c, np.nan)


def _codes(conditions: list, words: list[str], default: str, vocabulary: tuple[str, ...]) -> np.ndarray:
    """The first condition's word, as its code in ``vocabulary`` (small integers; strings are 20× slower)."""
    return f.pick(conditions, [vocabulary.index(word) for word in words], vocabulary.index(default))


def _target_score(r: np.ndarray, med: np.ndarray) -> np.ndarray:
    (a_hi, b_hi), (a_lo, b_lo) = SCORE_TARGET_HIGH, SCORE_TARGET_LOW
    return np.where(r >= med, np.minimum(a_hi * r + b_hi, SCORE_MAX), np.maximum(a_lo * r + b_lo, -SCORE_MAX))


def _growth_score(r: np.ndarray, hi: np.ndarray, med: np.ndarray, lo: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """sdg-build's piecewise lines without a target; the rising ones on r/C (C = 0: the limit held, 5)."""
    x = r / scale
    return np.select(
        [r < lo, scale == 0, r >= hi, r >= med],
        [np.maximum(125 * r - 2.5, -SCORE_MAX), SCORE_MAX, np.minimum(500 * x - 5, SCORE_MAX), 250 * x - 1.25],
        default=500 * x - 2.5,
    )


def unsd(s: Series, a: Assessment, settings: EvaluationSettings) -> tuple[np.ndarray, np.ndarray]:
    """(CR, status code into UNSD_STATUSES) per series.

    CR = (projected − b)/(T − b) only while the base has not reached the target: past it the
    denominator changes sign and CR reads backwards (130 → 135 with target 125 would be a
    regression, 130 → 124 on track). So, as EUSTAT does, a target met stays met: a latest value
    that meets the target is on track whatever the trend; one that has fallen back below a target
    its base had met is a regression (CR not given).
    """
    on, accelerate = settings.unsd_thresholds
    d, b, target = a.index_direction, a.index_base, a.index_target
    dec = settings.decimals
    with np.errstate(all="ignore"):
        known = (a.international != GROWTH_ONLY) & s.has_target & ~s.is_kind("floor")
        met = known & a.index_achieved.astype(bool)
        base_past = known & ~met & f.at_least(d * b, d * target, dec)
        ratio = (a.index_projection - b) / (target - b)
        ratio = np.where(known & ~met & ~base_past & np.isfinite(ratio), ratio, np.nan)
        r = np.round(ratio, dec)
        status = _codes(
            [met, base_past, ~np.isfinite(r), r >= on, r >= accelerate],
            [UNSD_ON_TRACK, UNSD_STAGNATION, NOT_ASSESSABLE_STATUS, UNSD_ON_TRACK, UNSD_ACCELERATE],
            UNSD_STAGNATION, UNSD_STATUSES,
        )
    floor = s.is_kind("floor") & s.has_target & np.isfinite(a.projection)
    status[floor] = np.where(a.projected_miss[floor], UNSD_STATUSES.index(UNSD_STAGNATION),
                             UNSD_STATUSES.index(UNSD_ON_TRACK))
    return ratio, status


def disagreeing(grade_codes: np.ndarray, opensdg_codes: np.ndarray, unsd_codes: np.ndarray) -> np.ndarray:
    """The methods disagree when one that can assess says on course and another that can says not."""
    cn_known, cn_on = _flags(grade_codes, GRADES, GRADE_RANK), _flags(grade_codes, GRADES, CN_ON_COURSE)
    o_known = _flags(opensdg_codes, OPENSDG_STATUSES, set(OPENSDG_STATUSES) - {NOT_ASSESSABLE_STATUS})
    u_known = _flags(unsd_codes, UNSD_STATUSES, set(UNSD_STATUSES) - {NOT_ASSESSABLE_STATUS})
    o_on, u_on = _flags(opensdg_codes, OPENSDG_STATUSES, OPENSDG_ON_COURSE), _flags(unsd_codes, UNSD_STATUSES, UNSD_ON_COURSE)
    return (cn_known & o_known & (cn_on != o_on)) | (cn_known & u_known & (cn_on != u_on)) | (
        o_known & u_known & (o_on != u_on))


def disagreement_sentences(grade_codes: np.ndarray, opensdg_codes: np.ndarray, opensdg_ratio: np.ndarray,
                           unsd_codes: np.ndarray, unsd_ratio: np.ndarray, disagree: np.ndarray,
                           say: Phrasebook = CHINESE) -> np.ndarray:
    """The sentence of each row where the methods disagree ("" elsewhere)."""
    text = np.full(len(grade_codes), "", dtype=object)
    rows = np.flatnonzero(disagree)
    if not len(rows):
        return text
    grade = np.array([say.grades[x] for x in GRADES], dtype=object)[grade_codes[rows]]
    o_label = np.array([say.opensdg[x] for x in OPENSDG_STATUSES], dtype=object)[opensdg_codes[rows]]
    u_label = np.array([say.unsd[x] for x in UNSD_STATUSES], dtype=object)[unsd_codes[rows]]
    o_ratio, u_ratio = opensdg_ratio[rows], unsd_ratio[rows]
    o_note = np.where(np.isfinite(o_ratio), tx.compose(say.opensdg_ratio, tx.ratio(o_ratio)), "")
    u_note = np.where(np.isfinite(u_ratio), tx.compose(say.unsd_ratio, tx.ratio(u_ratio)), "")
    text[rows] = say.finish(tx.compose(say.disagreement, grade, o_label, o_note, u_label, u_note))
    return text


def _flags(codes: np.ndarray, vocabulary: tuple[str, ...], members: Container[str]) -> np.ndarray:
    """Whether each code's word is among ``members`` (a lookup table over the vocabulary)."""
    table = np.array([word in members for word in vocabulary], dtype=bool)
    return np.take(table, codes)
