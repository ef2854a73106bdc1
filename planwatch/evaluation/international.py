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
regression. Rate targets are read in index form (Π(1+gᵢ)); floors are on track when the
projection still holds.
"""

from __future__ import annotations

import numpy as np

from planwatch.evaluation import text as tx
from planwatch.evaluation.phrases import CHINESE, Phrasebook
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


def opensdg(w, s: EvaluationSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ratio, status code into OPENSDG_STATUSES, score); ratio is R with a target, the CAGR without."""
    with np.errstate(all="ignore"):
        base = np.where(w.ix_b == 0, s.opensdg_zero_substitute, w.ix_b)
        target = np.where(w.ix_T == 0, s.opensdg_zero_substitute, w.ix_T)
        sign = np.where(base < 0, -1.0, 1.0)
        usable = (w.t > w.t0) & np.isfinite(base) & np.isfinite(w.ix_v) & (base * w.ix_v > 0)
        observed = (w.ix_v / base) ** (1.0 / (w.t - w.t0)) - 1.0
        required = (target / base) ** (1.0 / (w.t1 - w.t0)) - 1.0
        with_target = w.ix_method == 2
        ratio = np.where(with_target, sign * w.ix_d * observed / np.abs(required), sign * w.ix_d * observed)
        ratio = np.where(usable & (w.ix_method > 0) & np.isfinite(ratio), ratio, np.nan)
        achieved = with_target & w.ix_achieved.astype(bool)
        hi, med, lo = np.where(with_target[None, :], np.array(s.opensdg_thresholds)[:, None],
                               np.array(s.opensdg_growth_thresholds)[:, None])
        r = np.round(ratio, s.decimals)
        status = _codes(
            [achieved, ~np.isfinite(r), r >= hi, r >= med, r >= lo],
            [OPENSDG_ACHIEVED, NOT_ASSESSABLE_STATUS, OPENSDG_ON_TRACK, OPENSDG_ACCELERATE, OPENSDG_LIMITED],
            OPENSDG_DETERIORATION, OPENSDG_STATUSES,
        )
        score = np.where(with_target, _target_score(r, med), _growth_score(r, hi, med, lo))
        score = np.where(achieved, SCORE_MAX, score)
    return ratio, status, score


def _codes(conditions: list, words: list[str], default: str, vocabulary: tuple[str, ...]) -> np.ndarray:
    """np.select on the words' codes in ``vocabulary`` (small integers; strings are 20× slower)."""
    codes = [vocabulary.index(word) for word in words]
    return np.select(conditions, codes, default=vocabulary.index(default)).astype(np.int8)


def _target_score(r, med):
    (a_hi, b_hi), (a_lo, b_lo) = SCORE_TARGET_HIGH, SCORE_TARGET_LOW
    return np.where(r >= med, np.minimum(a_hi * r + b_hi, SCORE_MAX), np.maximum(a_lo * r + b_lo, -SCORE_MAX))


def _growth_score(r, hi, med, lo):
    return np.select(
        [r < lo, r >= hi, r >= med],
        [np.maximum(125 * r - 2.5, -SCORE_MAX), np.minimum(500 * r - 5, SCORE_MAX), 250 * r - 1.25],
        default=500 * r - 2.5,
    )


def unsd(w, s: EvaluationSettings) -> tuple[np.ndarray, np.ndarray]:
    """(CR, status code into UNSD_STATUSES) per series."""
    on, accelerate = s.unsd_thresholds
    with np.errstate(all="ignore"):
        ratio = (w.ix_proj - w.ix_b) / (w.ix_T - w.ix_b)
        ratio = np.where((w.ix_method != 1) & w.has_target & (~w.mask("floor")) & np.isfinite(ratio), ratio, np.nan)
        r = np.round(ratio, s.decimals)
        status = _codes(
            [~np.isfinite(r), r >= on, r >= accelerate],
            [NOT_ASSESSABLE_STATUS, UNSD_ON_TRACK, UNSD_ACCELERATE],
            UNSD_STAGNATION, UNSD_STATUSES,
        )
    floor = (w.mask("floor")) & w.has_target & np.isfinite(w.projection)
    status[floor] = np.where(w.projected_miss[floor], UNSD_STATUSES.index(UNSD_STAGNATION),
                             UNSD_STATUSES.index(UNSD_ON_TRACK))
    return ratio, status


def disagreement(grade_codes: np.ndarray, opensdg_codes, opensdg_ratio, unsd_codes, unsd_ratio,
                 say: Phrasebook = CHINESE):
    """(disagree, text): the methods disagree when one says on course and another does not."""
    cn_known, cn_on = _flags(grade_codes, GRADES, GRADE_RANK), _flags(grade_codes, GRADES, CN_ON_COURSE)
    o_known = _flags(opensdg_codes, OPENSDG_STATUSES, set(OPENSDG_STATUSES) - {NOT_ASSESSABLE_STATUS})
    u_known = _flags(unsd_codes, UNSD_STATUSES, set(UNSD_STATUSES) - {NOT_ASSESSABLE_STATUS})
    o_on, u_on = _flags(opensdg_codes, OPENSDG_STATUSES, OPENSDG_ON_COURSE), _flags(unsd_codes, UNSD_STATUSES, UNSD_ON_COURSE)
    disagree = (cn_known & o_known & (cn_on != o_on)) | (cn_known & u_known & (cn_on != u_on)) | (
        o_known & u_known & (o_on != u_on))
    text = np.full(len(grade_codes), "", dtype=object)
    rows = np.flatnonzero(disagree)
    if not len(rows):
        return disagree, text
    grade = np.array([say.grades[x] for x in GRADES], dtype=object)[grade_codes[rows]]
    o_label = np.array([say.opensdg[x] for x in OPENSDG_STATUSES], dtype=object)[opensdg_codes[rows]]
    u_label = np.array([say.unsd[x] for x in UNSD_STATUSES], dtype=object)[unsd_codes[rows]]
    o_ratio, u_ratio = opensdg_ratio[rows], unsd_ratio[rows]
    o_note = np.where(np.isfinite(o_ratio), tx.compose(say.opensdg_ratio, tx.ratio(o_ratio)), "")
    u_note = np.where(np.isfinite(u_ratio), tx.compose(say.unsd_ratio, tx.ratio(u_ratio)), "")
    text[rows] = say.finish(tx.compose(say.disagreement, grade, o_label, o_note, u_label, u_note))
    return disagree, text


def _flags(codes: np.ndarray, vocabulary: tuple[str, ...], members) -> np.ndarray:
    """Whether each code's word is among ``members`` (a lookup table over the vocabulary)."""
    table = np.array([word in members for word in vocabulary], dtype=bool)
    return table[codes]
