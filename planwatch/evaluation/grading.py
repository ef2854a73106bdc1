"""The grade of every series in the words of the national mid-term evaluation, and the 预警 flag.

Rules (docs/evaluation.md has them with worked examples):

- level, about, cumulative_reduction, cumulative: 提前实现 when the target is met (about: the near
  edge of the ±tolerance band reached); 逆向 when the base already met it and the latest no longer
  does, or when completion < 0; otherwise completion against time share ± margin: ≥ +margin
  快于预期, within 基本符合预期, below 滞后.
- annual_growth: the chained average rate against the target rate: 提前实现 when the whole-period
  growth is already reached, 逆向 when the index moved the other way, ≥ target + tolerance
  快于预期, ≥ the band's lower edge (target − tolerance for 左右, the target itself otherwise)
  基本符合预期, below 滞后.
- floor: 提前实现 when every observed year after the base year holds, otherwise 滞后.
- 稳中有升: latest below base 逆向; a yearly fall beyond the tolerance 滞后; else 基本符合预期.
- 保持稳定 (and 量稳质升's volume): above the band (desired way) 快于预期, inside 基本符合预期,
  below 滞后; 量稳质升 with the quality judged 持平/降 is at best 滞后.
- assigned → 待下达; no target → 无目标值; too little data → 无法评估.

A binding (约束性) series that is 滞后 or 逆向, or is projected to miss, gets a 预警.
"""

from __future__ import annotations

import numpy as np

from planwatch.evaluation import formulas as f
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    ACHIEVED,
    AHEAD,
    AWAITING,
    BEHIND,
    GRADE_RANK,
    GRADES,
    NO_TARGET,
    NOT_ASSESSABLE,
    ON_TRACK,
    QUALITATIVE_RISE,
    QUALITATIVE_VOLUME_QUALITY,
    QUALITY_UP,
    REVERSE,
)

CODE = {grade: code for code, grade in enumerate(GRADES)}


def grade_codes(w, settings: EvaluationSettings) -> np.ndarray:
    """Integer codes into ``vocabulary.GRADES``, one per series."""
    with np.errstate(all="ignore"):
        by_kind = np.select(
            [
                w.mask("level", "about", "cumulative_reduction", "cumulative"),
                w.mask("annual_growth"),
                w.mask("floor"),
                (w.mask("qualitative")) & w.has_word(QUALITATIVE_RISE),
                w.mask("qualitative"),
            ],
            [
                _by_time_share(w, settings),
                _by_growth(w, settings),
                np.where(w.met, CODE[ACHIEVED], CODE[BEHIND]),
                _steady_rise(w, settings),
                _stable(w, settings),
            ],
            default=CODE[NO_TARGET],
        )
    return np.select([w.mask("assigned"), ~w.has_target], [CODE[AWAITING], CODE[NO_TARGET]], default=by_kind)


def _by_time_share(w, s: EvaluationSettings) -> np.ndarray:
    dec, margin = s.decimals, s.time_share_margin
    c, ts = w.completion, w.time_share
    unknown = ~w.assessable | ~np.isfinite(c) | ~np.isfinite(ts)
    return np.select(
        [w.met, w.base_met, unknown, f.rounded(c, dec) < 0, f.at_least(c, ts + margin, dec),
         f.at_least(c, ts - margin, dec)],
        [CODE[ACHIEVED], CODE[REVERSE], CODE[NOT_ASSESSABLE], CODE[REVERSE], CODE[AHEAD], CODE[ON_TRACK]],
        default=CODE[BEHIND],
    )


def _by_growth(w, s: EvaluationSettings) -> np.ndarray:
    dec = s.decimals
    return np.select(
        [~w.assessable, w.met, f.rounded(w.completion, dec) < 0, f.at_least(w.actual, w.band_hi / 100.0, dec),
         f.at_least(w.actual, w.band_lo / 100.0, dec)],
        [CODE[NOT_ASSESSABLE], CODE[ACHIEVED], CODE[REVERSE], CODE[AHEAD], CODE[ON_TRACK]],
        default=CODE[BEHIND],
    )


def _steady_rise(w, s: EvaluationSettings) -> np.ndarray:
    return np.select(
        [~w.assessable, f.rounded(w.d * (w.v - w.b), s.decimals) < 0, w.falls > 0],
        [CODE[NOT_ASSESSABLE], CODE[REVERSE], CODE[BEHIND]],
        default=CODE[ON_TRACK],
    )


def _stable(w, s: EvaluationSettings) -> np.ndarray:
    dec = s.decimals
    above = f.rounded(w.d * w.deviation, dec) > f.rounded(w.band, dec)
    inside = f.rounded(np.abs(w.deviation), dec) <= f.rounded(w.band, dec)
    volume = np.select([~w.assessable, above, inside], [CODE[NOT_ASSESSABLE], CODE[AHEAD], CODE[ON_TRACK]],
                       default=CODE[BEHIND])
    quality_short = w.has_word(QUALITATIVE_VOLUME_QUALITY) & (w.quality != "") & (w.quality != QUALITY_UP)
    better_than_behind = np.isin(volume, [CODE[ON_TRACK], CODE[AHEAD], CODE[ACHIEVED]])
    return np.where(quality_short & better_than_behind, CODE[BEHIND], volume)


def warnings(w, codes: np.ndarray) -> np.ndarray:
    """预警: binding, graded, and 滞后/逆向 or projected to miss."""
    graded = np.isin(codes, [CODE[g] for g in GRADE_RANK])
    lagging = np.isin(codes, [CODE[BEHIND], CODE[REVERSE]])
    return w.binding & graded & (lagging | w.projected_miss)
