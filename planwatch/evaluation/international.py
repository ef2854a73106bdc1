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
import pandas as pd

from planwatch.evaluation import text as tx
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    CN_ON_COURSE,
    GRADE_RANK,
    NOT_ASSESSABLE_STATUS,
    OPENSDG_ACCELERATE,
    OPENSDG_ACHIEVED,
    OPENSDG_DETERIORATION,
    OPENSDG_LABELS,
    OPENSDG_LIMITED,
    OPENSDG_ON_COURSE,
    OPENSDG_ON_TRACK,
    UNSD_ACCELERATE,
    UNSD_LABELS,
    UNSD_ON_COURSE,
    UNSD_ON_TRACK,
    UNSD_STAGNATION,
)

# sdg-build's score lines, fitted to its default thresholds (they are published, not settings).
SCORE_TARGET_HIGH = (7.1429, -4.2857)
SCORE_TARGET_LOW = (4.1667, -2.5)
SCORE_MAX = 5.0


def opensdg(w, s: EvaluationSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ratio, status, score) per series; ratio is R with a target, the observed CAGR without."""
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
        status = _words(
            [achieved, ~np.isfinite(r), r >= hi, r >= med, r >= lo],
            [OPENSDG_ACHIEVED, NOT_ASSESSABLE_STATUS, OPENSDG_ON_TRACK, OPENSDG_ACCELERATE, OPENSDG_LIMITED],
            OPENSDG_DETERIORATION,
        )
        score = np.where(with_target, _target_score(r, med), _growth_score(r, hi, med, lo))
        score = np.where(achieved, SCORE_MAX, score)
    return ratio, status, score


def _words(conditions: list, words: list[str], default: str) -> np.ndarray:
    """np.select on integer codes, then the words: 20× faster than selecting strings."""
    labels = np.array([*words, default], dtype=object)
    return labels[np.select(conditions, list(range(len(words))), default=len(words))]


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
    """(CR, status) per series."""
    on, accelerate = s.unsd_thresholds
    with np.errstate(all="ignore"):
        ratio = (w.ix_proj - w.ix_b) / (w.ix_T - w.ix_b)
        ratio = np.where((w.ix_method != 1) & w.has_target & (~w.mask("floor")) & np.isfinite(ratio), ratio, np.nan)
        r = np.round(ratio, s.decimals)
        status = _words(
            [~np.isfinite(r), r >= on, r >= accelerate],
            [NOT_ASSESSABLE_STATUS, UNSD_ON_TRACK, UNSD_ACCELERATE],
            UNSD_STAGNATION,
        )
    floor = (w.mask("floor")) & w.has_target & np.isfinite(w.projection)
    status[floor] = np.where(w.projected_miss[floor], UNSD_STAGNATION, UNSD_ON_TRACK)
    return ratio, status


def disagreement(grades: np.ndarray, opensdg_status, opensdg_ratio, unsd_status, unsd_ratio):
    """(disagree, text): the methods disagree when one says on course and another does not."""
    cn_known = np.isin(grades, list(GRADE_RANK))
    o_known, u_known = opensdg_status != NOT_ASSESSABLE_STATUS, unsd_status != NOT_ASSESSABLE_STATUS
    cn_on = np.isin(grades, list(CN_ON_COURSE))
    o_on, u_on = np.isin(opensdg_status, list(OPENSDG_ON_COURSE)), np.isin(unsd_status, list(UNSD_ON_COURSE))
    disagree = (cn_known & o_known & (cn_on != o_on)) | (cn_known & u_known & (cn_on != u_on)) | (
        o_known & u_known & (o_on != u_on))
    text = np.full(len(grades), "", dtype=object)
    rows = np.flatnonzero(disagree)
    o_ratio, u_ratio = opensdg_ratio[rows], unsd_ratio[rows]
    o_text = np.where(np.isfinite(o_ratio), "(R=" + tx.ratio(o_ratio) + ")", "")
    u_text = np.where(np.isfinite(u_ratio), "(CR=" + tx.ratio(u_ratio) + ")", "")
    o_label, u_label = _labels(opensdg_status[rows], OPENSDG_LABELS), _labels(unsd_status[rows], UNSD_LABELS)
    tx.fill(text, rows, lambda g, o, r, u, c: f"国内方法评为「{g}」,Open SDG为「{o}」{r},联合国进展图为「{u}」{c},评价不一致",
            grades[rows], o_label, o_text, u_label, u_text)
    return disagree, text


def _labels(statuses: np.ndarray, labels: dict[str, str]) -> np.ndarray:
    keys = list(labels)
    codes = pd.Index(keys).get_indexer(statuses)
    return np.array(list(labels.values()), dtype=object)[codes]
