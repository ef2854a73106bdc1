"""The reason sentence of every grade, with the numbers in it, in Chinese or English.

One body per kind and case ("2023年完成度40.0%,低于时序进度50.0%;余下两年需年均增长6.60%,
高于以往年均4.88%"), then the notes that change how a figure should be read: a base taken from an
observation, a sign change, a qualified latest figure (以上/左右), missing years in a chained rate.
This module decides which sentence a row gets and with which numbers; ``phrases`` holds how each
sentence reads in each language. Numbers are formatted by table (``text``) and filled into the
templates by ``text.fill``/``text.compose`` at f-string speed.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from planwatch.evaluation import text as tx
from planwatch.evaluation.kinds import CODE, Assessment
from planwatch.evaluation.phrases import CHINESE, Phrasebook
from planwatch.evaluation.series import Series
from planwatch.evaluation.settings import EvaluationSettings
from planwatch.evaluation.vocabulary import (
    ACHIEVED,
    AHEAD,
    AWAITING,
    BEHIND,
    NO_TARGET,
    NOT_ASSESSABLE,
    ON_TRACK,
    QUALITATIVE_RISE,
    QUALITATIVE_VOLUME_QUALITY,
    REVERSE,
)

TIME_SHARE_KINDS = ("level", "about", "cumulative_reduction", "cumulative")


def reasons(s: Series, a: Assessment, codes: np.ndarray, settings: EvaluationSettings, say: Phrasebook = CHINESE) -> np.ndarray:
    out = np.full(len(codes), "", dtype=object)
    _level_bodies(out, s, a, codes, s.is_kind("level", "about") & s.has_target, say)
    _total_bodies(out, s, a, codes, s.is_kind("cumulative_reduction", "cumulative") & s.has_target, say)
    _progress_bodies(out, s, a, codes, s.is_kind(*TIME_SHARE_KINDS) & s.has_target, say)
    _growth_bodies(out, s, a, codes, s.is_kind("annual_growth") & s.has_target, say)
    _floor_bodies(out, s, a, s.is_kind("floor") & s.has_target, say)
    _rise_bodies(out, s, a, codes, s.is_kind("qualitative") & s.has_word(QUALITATIVE_RISE), settings, say)
    _stable_bodies(out, s, a, codes, s.is_kind("qualitative") & s.has_target & ~s.has_word(QUALITATIVE_RISE), settings, say)
    _trend_only_bodies(out, s, a, codes, say)
    return say.finish(_notes(out, s, a, codes, say))


def _rows(mask: np.ndarray) -> np.ndarray:
    return np.flatnonzero(mask)


def _pick(condition: np.ndarray, words: tuple[str, str]) -> np.ndarray:
    """``words[0]`` where ``condition`` holds, ``words[1]`` elsewhere."""
    return np.where(condition, words[0], words[1]).astype(object)


def _period(s: Series, r: np.ndarray, say: Phrasebook) -> np.ndarray:
    """"2022—2024年" for the years after the base, "2024年" for one year."""
    start, end = tx.year(s.base_year[r] + 1), tx.year(s.latest_year[r])
    return tx.either(s.base_year[r] + 1 < s.latest_year[r], say.period_many, say.period_one, start, end)


def _points(change: npt.ArrayLike, say: Phrasebook, decimals: int = 2) -> np.ndarray:
    """|change| of a per-cent indicator in 百分点: 0.325 → "0.33个百分点" (half up)."""
    return tx.compose(say.points, tx.fixed(np.abs(np.asarray(change, float)), decimals))


def _level_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, say: Phrasebook) -> None:
    r = _rows(mask & (codes == CODE[ACHIEVED]))
    goal = np.where(s.is_kind("about")[r], tx.compose(say.goal_band, tx.number(a.band_low[r]), tx.number(a.band_high[r])),
                    tx.compose(say.goal_value, tx.number(s.target[r], s.decimals[r])))
    tx.fill(out, r, say.level_achieved, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]), goal)
    r = _rows(mask & (codes == CODE[REVERSE]) & a.base_met)
    tx.fill(out, r, say.level_lost, tx.number(s.base[r], s.decimals[r]), tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]), tx.number(s.target[r], s.decimals[r]))
    r = _rows(mask & (codes == CODE[REVERSE]) & ~a.base_met)
    tx.fill(out, r, say.level_reverse, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]), tx.number(s.base[r], s.decimals[r]),
            tx.percent(a.completion[r]))
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, say.level_base_only, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]))


def _total_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, say: Phrasebook) -> None:
    """cumulative_reduction and cumulative: achieved, moved the wrong way, or too early to tell."""
    r = _rows(mask & np.isin(codes, [CODE[ACHIEVED], CODE[REVERSE]]))
    cut = s.is_kind("cumulative_reduction")[r]
    done = np.where(cut, tx.percent(a.achieved[r] / 100.0), tx.number(a.achieved[r], s.decimals[r]))
    goal = np.where(cut, tx.percent(s.target[r] / 100.0), tx.number(s.target[r], s.decimals[r]))
    verdict = _pick(codes[r] == CODE[ACHIEVED], (say.target_reached, say.target_away))
    out[r] = tx.either(cut, say.total_reduction, say.total_sum, _period(s, r, say), done, goal, verdict)
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, say.total_no_data, tx.year(s.base_year[r]))


def _progress_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, say: Phrasebook) -> None:
    """Graded on completion against time share: the example sentence of the issue."""
    r = _rows(mask & np.isin(codes, [CODE[AHEAD], CODE[ON_TRACK], CODE[BEHIND]]))
    if not len(r):
        return
    c, ts = a.completion[r], a.time_share[r]
    gap = np.round(c - ts, 12)
    compare = np.select([gap > 0, gap < 0], say.compare[:2], say.compare[2])
    lead = np.full(len(r), "", dtype=object)
    cut, total = s.is_kind("cumulative_reduction")[r], s.is_kind("cumulative")[r]
    if cut.any():
        lead[cut] = tx.compose(say.lead_reduction, _period(s, r[cut], say), tx.percent(a.achieved[r[cut]] / 100.0))
    if total.any():
        lead[total] = tx.compose(say.lead_sum, _period(s, r[total], say), tx.number(a.achieved[r[total]], s.decimals[r[total]]))
    tx.fill(out, r, say.progress, lead, tx.year(s.latest_year[r]), tx.percent(c), compare, tx.percent(ts),
            _remaining_tail(s, a, r, say))


def _remaining_tail(s: Series, a: Assessment, r: np.ndarray, say: Phrasebook) -> np.ndarray:
    """";余下两年需年均增长9.27%,高于以往年均5.11%" or the kind's equivalent."""
    tail = np.full(len(r), "", dtype=object)
    over = _rows(s.remaining[r] <= 0)
    tail[over] = tx.compose(say.tail_target_year, tx.year(s.target_year[r[over]]))
    left = s.remaining[r] > 0
    need, req, act = say.years(s.remaining[r]), a.required_growth[r], a.actual_growth[r]
    level = left & s.is_kind("level", "about")[r]
    points = level & s.percent_unit[r]
    i = _rows(points & np.isfinite(s.target[r]))
    if len(i):  # a rate or share: the change is in 百分点, per year
        q = a.required_points[r[i]]
        so_far = a.points_per_year[r[i]]
        d = s.direction[r[i]]
        more = np.where(d > 0, np.where(q > so_far, say.more[0], say.more[1]),
                        np.where(q < so_far, say.more[2], say.more[3]))
        k, u = _rows(np.isfinite(so_far)), _rows(~np.isfinite(so_far))
        tx.fill(tail, i[k], say.tail_need_known, need[i[k]], _pick(q[k] < 0, say.points_word[::-1]),
                _points(q[k], say), more[k], _pick(so_far[k] < 0, (say.past_decline, "")), _points(so_far[k], say))
        tx.fill(tail, i[u], say.tail_need, need[i[u]], _pick(q[u] < 0, say.points_word[::-1]), _points(q[u], say))
    i = _rows(level & ~points & np.isfinite(req))
    if len(i):
        d, q, so_far = s.direction[r[i]], req[i], act[i]
        more = np.where(d > 0, np.where(q > so_far, say.more[0], say.more[1]), np.where(q < so_far, say.more[2], say.more[3]))
        verb = np.where(q < 0, say.rise_fall[1], say.rise_fall[0])
        past = np.where(so_far < 0, say.past_decline, "")
        k, u = _rows(np.isfinite(so_far)), _rows(~np.isfinite(so_far))  # the pace so far is known, or not
        tx.fill(tail, i[k], say.tail_need_known, need[i[k]], verb[k], tx.magnitude_percent(q[k]), more[k], past[k],
                tx.magnitude_percent(so_far[k]))
        tx.fill(tail, i[u], say.tail_need, need[i[u]], verb[u], tx.magnitude_percent(q[u]))
    i = _rows(left & np.isfinite(req) & s.is_kind("cumulative_reduction")[r])
    tail[i] = tx.compose(say.tail_reduction, need[i], tx.percent(req[i], 2), tx.percent(act[i], 2))
    i = _rows(left & s.is_kind("cumulative")[r])
    tail[i] = tx.compose(say.tail_amount, need[i], tx.number(a.required_per_year[r[i]], s.decimals[r[i]]))
    return tail


def _growth_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, say: Phrasebook) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, say.growth_no_data, tx.year(s.base_year[r]))
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    about = s.about[r]
    verdict = np.select(
        [codes[r] == CODE[ACHIEVED], codes[r] == CODE[AHEAD], codes[r] == CODE[ON_TRACK], codes[r] == CODE[REVERSE]],
        say.growth_verdicts[:4], say.growth_verdicts[4])
    band = np.where(about, tx.compose(say.growth_band, tx.percent(a.band_low[r] / 100.0),
                                      tx.percent(a.band_high[r] / 100.0)),
                    tx.compose(lambda q: say.growth_qualifier.format(say.word(q)) if q else "", s.target_qualifier[r]))
    still = (s.remaining[r] > 0) & np.isfinite(a.required_growth[r]) & (codes[r] != CODE[ACHIEVED])
    tail = np.where(still, tx.compose(say.growth_tail, say.years(s.remaining[r]), tx.percent(a.required_growth[r], 2)), "")
    tx.fill(out, r, say.growth, _period(s, r, say), tx.percent(a.actual_growth[r], 2), tx.percent(s.target[r] / 100.0),
            band, verdict, tail)


def _floor_bodies(out: np.ndarray, s: Series, a: Assessment, mask: np.ndarray, say: Phrasebook) -> None:
    r = _rows(mask)
    start = np.maximum(s.latest_year[r] - a.floor_years[r] + 1, s.base_year[r] + 1)
    tx.fill(out, r, lambda *row: _floor_body(say, *row), s.direction[r] > 0, tx.year(start), tx.year(s.latest_year[r]),
            a.floor_years[r] > 1, a.floor_breaks[r], say.years(a.floor_breaks[r]), tx.number(s.target[r], s.decimals[r]),
            tx.number(a.floor_worst[r], s.decimals[r]), np.isfinite(a.projection[r]), a.projected_miss[r], tx.year(s.target_year[r]))


def _floor_body(say: Phrasebook, higher: bool, start: str, end: str, many: bool, breaks: float, count: str, goal: str,
                worst: str, known: bool, miss: bool, t1: str) -> str:
    period = (say.period_many if many else say.period_one).format(start, end)
    bound = say.bound[0] if higher else say.bound[1]
    state = (say.floor_kept_low if higher else say.floor_kept_high).format(goal) if breaks == 0 else (
        say.floor_broken.format(count, say.crossing[0] if higher else say.crossing[1], bound, goal))
    outlook = (say.outlook_miss if miss else say.outlook_hold).format(t1, bound) if known else ""
    return say.floor.format(period, state, say.extreme[0] if higher else say.extreme[1], worst, outlook)


def _not_yet(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, say: Phrasebook) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, say.only_one, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]))


def _rise_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, settings: EvaluationSettings, say: Phrasebook) -> None:
    _not_yet(out, s, a, codes, mask, say)
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    tol = np.full(len(r), f"{settings.rise_fall_tolerance * 100:g}%", dtype=object)
    below, fell = codes[r] == CODE[REVERSE], a.falls[r] > 0
    after = np.full(len(r), "", dtype=object)
    after[~below] = say.rise_steady.format(tol[0] if len(r) else "")
    tx.fill(after, _rows(fell), say.rise_falls, say.falls(a.falls[r][fell]), tol[fell])
    tx.fill(out, r, "{0}{1}", tx.compose(say.rise, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]), _pick(below, say.rise_compare),
                                         tx.number(s.base[r], s.decimals[r])), after)


def _stable_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, mask: np.ndarray, settings: EvaluationSettings, say: Phrasebook) -> None:
    _not_yet(out, s, a, codes, mask, say)
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    ratio = a.deviation[r] / np.abs(s.base[r])
    where = np.select([s.direction[r] * a.deviation[r] > a.stable_band[r], np.abs(a.deviation[r]) <= a.stable_band[r]],
                      say.stable_where[:2], say.stable_where[2])
    band = np.full(len(r), f"±{settings.stable_band * 100:g}%", dtype=object)
    note = np.full(len(r), "", dtype=object)
    vq = _rows(s.has_word(QUALITATIVE_VOLUME_QUALITY)[r])
    tx.fill(note, vq, lambda *row: _quality_note(say, *row), s.quality[r[vq]], s.quality_by[r[vq]],
            s.quality_measure[r[vq]])
    pp = s.percent_unit[r]
    direction = np.where(pp, _pick(ratio < 0, say.points_word[::-1]), _pick(ratio < 0, say.stable_direction))
    size = tx.magnitude_percent(ratio, 1)
    size[pp] = _points(a.deviation[r][pp], say)
    body = tx.compose(say.stable, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r]), tx.number(s.base[r], s.decimals[r]),
                      direction, size, where, band)
    tx.fill(out, r, "{0}{1}", body, note)


def _quality_note(say: Phrasebook, quality: str, by: str, measure: str = "") -> str:
    if not quality:
        return say.quality_unjudged
    source = (say.quality_by_measure.format(by, measure) if measure else say.quality_by.format(by)) if by else (
        say.quality_measure.format(measure) if measure else "")
    return say.quality_judged.format(say.word(quality)) + source


def _trend_only_bodies(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, say: Phrasebook) -> None:
    r = _rows(np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]]))
    since = np.full(len(r), "", dtype=object)
    pp = s.percent_unit[r]
    k = _rows(np.isfinite(a.actual_growth[r]) & ~pp)
    tx.fill(since, k, say.trend_since, tx.year(s.base_year[r[k]]), _pick(a.actual_growth[r[k]] < 0, say.rise_fall[::-1]),
            tx.magnitude_percent(a.actual_growth[r[k]]))
    k = _rows(np.isfinite(a.points_per_year[r]) & pp)
    tx.fill(since, k, say.trend_since, tx.year(s.base_year[r[k]]),
            _pick(a.points_per_year[r[k]] < 0, say.points_word[::-1]), _points(a.points_per_year[r[k]], say))
    tx.fill(out, r, "{0}{1}{2}", _pick(codes[r] == CODE[AWAITING], (say.awaiting, say.no_target)),
            tx.compose(say.trend_latest, tx.year(s.latest_year[r]), tx.number(s.latest[r], s.decimals[r])), since)


def _notes(out: np.ndarray, s: Series, a: Assessment, codes: np.ndarray, say: Phrasebook) -> np.ndarray:
    """Prefix and suffix notes, built only for the rows that need them and joined in one pass."""
    trend_only = np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]])
    prefix = np.full(len(out), "", dtype=object)
    suffix = np.full(len(out), "", dtype=object)
    r = _rows((s.base_note > 0) & ~trend_only)
    for note, template in ((1, say.note_no_base_value), (2, say.note_no_base_year_data), (3, say.note_no_base_year)):
        n = r[s.base_note[r] == note]
        tx.fill(prefix, n, template, tx.year(s.plan_base_year[n]), tx.year(s.base_year[n]), tx.number(s.base[n], s.decimals[n]))
    r = _rows(a.sign_change & ~trend_only)
    suffix[r] = suffix[r] + say.note_sign_change
    r = _rows((s.missing_years > 0) & s.is_kind("annual_growth", "cumulative_reduction", "cumulative"))
    suffix[r] = suffix[r] + tx.compose(say.note_gaps, say.years(s.missing_years[r]))
    for code, price_note in zip((2, 3, 4), say.note_prices, strict=True):  # prices.PRICE_BASIS_LABELS[2:]
        r = _rows(s.price_basis_used == code)
        suffix[r] = suffix[r] + price_note
    r = _rows(s.latest_qualifier != "")
    suffix[r] = suffix[r] + tx.compose(say.note_qualified, tx.year(s.latest_year[r]), tx.compose(say.word, s.latest_qualifier[r]))
    r = _rows((prefix != "") | (suffix != ""))
    tx.fill(out, r, "{0}{1}{2}", prefix[r], out[r], suffix[r])
    return out
