"""The reason sentence of every grade, in Chinese, with the numbers in it.

One body per kind and case ("2023年完成度32.8%,低于时序进度50.0%;余下两年需年均增长9.27%,
高于以往年均5.11%"), then the notes that change how a figure should be read: a base taken from an
observation, a sign change, a qualified latest figure (以上/左右), missing years in a chained rate.
"""

from __future__ import annotations

import numpy as np

from planwatch.evaluation import text as tx
from planwatch.evaluation.grading import CODE
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


def reasons(w, codes: np.ndarray, settings: EvaluationSettings) -> np.ndarray:
    out = np.full(len(codes), "", dtype=object)
    graded_time = w.mask(*TIME_SHARE_KINDS) & w.has_target
    _time_share_bodies(out, w, codes, graded_time)
    _growth_bodies(out, w, codes, (w.kind == "annual_growth") & w.has_target)
    _floor_bodies(out, w, (w.kind == "floor") & w.has_target)
    _qualitative_bodies(out, w, codes, (w.kind == "qualitative") & w.has_target, settings)
    _trend_only_bodies(out, w, codes)
    return _notes(out, w, codes)


def _rows(mask) -> np.ndarray:
    return np.flatnonzero(mask)


def _period(w, r) -> np.ndarray:
    """"2022—2024年" for the years after the base, "2024年" for one year."""
    start, end = w.t0[r] + 1, w.t[r]
    label = np.where(start < end, tx.year(start).astype(object) + "—" + tx.year(end) + "年", tx.year(end) + "年")
    return label


def _time_share_bodies(out, w, codes, mask) -> None:
    level = mask & w.mask("level", "about")
    reduction, total = mask & (w.kind == "cumulative_reduction"), mask & (w.kind == "cumulative")
    r = _rows(level & (codes == CODE[ACHIEVED]))
    about = w.kind[r] == "about"
    target = np.where(about, "目标区间" + tx.number(w.band_lo[r]) + "—" + tx.number(w.band_hi[r]),
                      "目标值" + tx.number(w.T[r]))
    tx.fill(out, r, lambda t, v, goal: f"{t}年为{v},已达到{goal}", tx.year(w.t[r]), tx.number(w.v[r]), target)
    r = _rows(level & (codes == CODE[REVERSE]) & w.base_met)
    tx.fill(out, r, lambda b, t, v, goal: f"基期{b}已达到目标{goal},{t}年为{v},已不再达到", tx.number(w.b[r]),
            tx.year(w.t[r]), tx.number(w.v[r]), tx.number(w.T[r]))
    r = _rows(level & (codes == CODE[REVERSE]) & ~w.base_met)
    tx.fill(out, r, lambda t, v, b, c: f"{t}年为{v},较基期{b}反向变动,完成度{c}", tx.year(w.t[r]),
            tx.number(w.v[r]), tx.number(w.b[r]), tx.percent(w.completion[r]))
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda t, v: f"仅有{t}年(基期)数据{v},尚无法计算进度", tx.year(w.t[r]), tx.number(w.v[r]))
    for kind_mask, word in ((reduction, "累计降低"), (total, "累计")):
        r = _rows(kind_mask & np.isin(codes, [CODE[ACHIEVED], CODE[REVERSE]]))
        value = tx.percent(w.achieved[r] / 100.0) if word == "累计降低" else tx.number(w.achieved[r])
        goal = tx.percent(w.T[r] / 100.0) if word == "累计降低" else tx.number(w.T[r])
        verdict = np.where(codes[r] == CODE[ACHIEVED], ",已达到目标", ",与目标方向相反").astype(object)
        tx.fill(out, r, lambda p, v, g, x: f"{p}{word}{v}(目标{g}){x}", _period(w, r), value, goal, verdict)
    _progress_bodies(out, w, codes, mask)


def _progress_bodies(out, w, codes, mask) -> None:
    """Graded on completion against time share: the example sentence of the issue."""
    r = _rows(mask & np.isin(codes, [CODE[AHEAD], CODE[ON_TRACK], CODE[BEHIND]]))
    c, ts = w.completion[r], w.time_share[r]
    compare = np.select([np.round(c - ts, 12) > 0, np.round(c - ts, 12) < 0], ["高于", "低于"], "等于").astype(object)
    lead = np.full(len(r), "", dtype=object)
    reduction = w.kind[r] == "cumulative_reduction"
    lead[reduction] = _period(w, r[reduction]) + "累计降低" + tx.percent(w.achieved[r[reduction]] / 100.0) + ","
    total = w.kind[r] == "cumulative"
    lead[total] = _period(w, r[total]) + "累计" + tx.number(w.achieved[r[total]]) + ","
    tx.fill(out, r, lambda lead, t, c, cmp, ts, tail: f"{lead}{t}年完成度{c},{cmp}时序进度{ts}{tail}",
            lead, tx.year(w.t[r]), tx.percent(c), compare, tx.percent(ts), _remaining_tail(w, r))


def _remaining_tail(w, r) -> np.ndarray:
    """";余下两年需年均增长9.27%,高于以往年均5.11%" or the kind's equivalent."""
    tail = np.where(w.remaining[r] > 0, "", ";已到目标年" + tx.year(w.t1[r]) + "年").astype(object)
    ahead = (w.remaining[r] > 0) & np.isfinite(w.required[r])
    need = tx.count(w.remaining[r])
    growth = ahead & w.mask("level", "about")[r]
    d, req, act = w.d[r], w.required[r], w.actual[r]
    more = np.where(d > 0, np.where(req > act, "高于", "低于"), np.where(req < act, "快于", "慢于")).astype(object)
    past = np.where(np.isfinite(act), "," + more + "以往年均" + tx.growth_word(act) + tx.magnitude_percent(act), "")
    tail[growth] = (";余下" + need + "年需年均" + tx.growth_word(req) + tx.magnitude_percent(req) + past)[growth]
    cut = ahead & (w.kind[r] == "cumulative_reduction")
    tail[cut] = (";余下" + need + "年需年均降低" + tx.percent(req, 2) + ",以往年均降低" + tx.percent(act, 2))[cut]
    add = (w.remaining[r] > 0) & (w.kind[r] == "cumulative")
    tail[add] = (";余下" + need + "年需年均" + tx.number(w.required_amount[r]))[add]
    return tail


def _growth_bodies(out, w, codes, mask) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda y: f"{y}年基期之后尚无增速数据", tx.year(w.t0[r]))
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    about = np.isin(w.target_qualifier[r], ("左右", "约"))
    band = np.where(about, "左右(" + tx.percent(w.band_lo[r] / 100.0) + "—" + tx.percent(w.band_hi[r] / 100.0) + ")",
                    w.target_qualifier[r]).astype(object)
    verdict = np.select(
        [codes[r] == CODE[ACHIEVED], codes[r] == CODE[AHEAD], codes[r] == CODE[ON_TRACK], codes[r] == CODE[REVERSE]],
        [",期末累计增长已提前达到", ",快于目标", ",符合目标", ",与目标方向相反"], ",低于目标").astype(object)
    still = (w.remaining[r] > 0) & np.isfinite(w.required[r]) & (codes[r] != CODE[ACHIEVED])
    tail = np.where(still, ";余下" + tx.count(w.remaining[r]) + "年需年均增长" + tx.percent(w.required[r], 2), "")
    tx.fill(out, r, lambda p, a, goal, b, v, tail: f"{p}年均增长{a}(逐年连乘),目标年均{goal}{b}{v}{tail}",
            _period(w, r), tx.percent(w.actual[r], 2), tx.percent(w.T[r] / 100.0), band, verdict, tail)


def _floor_bodies(out, w, mask) -> None:
    r = _rows(mask)
    higher = w.d[r] > 0
    bound = np.where(higher, "下限", "上限").astype(object)
    worst = np.where(higher, "(最低", "(最高") + tx.number(w.floor_worst[r]) + ")"
    start = np.maximum(w.t[r] - w.floor_years[r] + 1, w.t0[r] + 1)
    period = np.where(w.floor_years[r] > 1, tx.year(start).astype(object) + "—", "") + tx.year(w.t[r]) + "年"
    held = np.where(higher, "各年均不低于", "各年均不高于")
    broken = "有" + tx.count(w.floor_breaks[r]) + np.where(higher, "年低于", "年高于") + bound
    state = np.where(w.floor_breaks[r] == 0, held, broken).astype(object)
    outlook = np.where(np.isfinite(w.projection[r]), np.where(w.projected_miss[r], ";按趋势预计", ";按趋势预计"), "")
    fate = np.where(w.projected_miss[r], "将突破" + bound, "仍能守住")
    outlook = np.where(np.isfinite(w.projection[r]), outlook + tx.year(w.t1[r]) + "年" + fate, "")
    tx.fill(out, r, lambda p, s, goal, worst, o: f"{p}{s}{goal}{worst}{o}", period, state, tx.number(w.T[r]),
            worst, outlook)


def _qualitative_bodies(out, w, codes, mask, settings: EvaluationSettings) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda t, v: f"仅有{t}年数据{v},尚无法判断", tx.year(w.t[r]), tx.number(w.v[r]))
    rise = mask & (w.word == QUALITATIVE_RISE) & (codes != CODE[NOT_ASSESSABLE])
    r = _rows(rise)
    tol = tx.percent(np.full(len(r), settings.rise_fall_tolerance), 0)
    state = np.select(
        [codes[r] == CODE[REVERSE], codes[r] == CODE[BEHIND]],
        ["低于基期", "不低于基期"], "不低于基期").astype(object)
    falls = np.where(w.falls[r] > 0, ",但期间有" + tx.count(w.falls[r]) + "次回落超过" + tol,
                     np.where(codes[r] == CODE[REVERSE], "", ",期间无超过" + tol + "的回落(稳中有升)"))
    tx.fill(out, r, lambda t, v, s, b, f: f"{t}年为{v},{s}{b}{f}", tx.year(w.t[r]), tx.number(w.v[r]), state,
            tx.number(w.b[r]), falls)
    stable = mask & (w.word != QUALITATIVE_RISE) & (codes != CODE[NOT_ASSESSABLE])
    r = _rows(stable)
    ratio = w.deviation[r] / np.abs(w.b[r])
    where = np.select([w.d[r] * w.deviation[r] > w.band[r], np.abs(w.deviation[r]) <= w.band[r]],
                      ["高于", "处于"], "低于").astype(object)
    band = tx.percent(np.full(len(r), settings.stable_band), 0)
    quality = np.where(w.word[r] != QUALITATIVE_VOLUME_QUALITY, "", np.where(
        w.quality[r] == "", ";质的方面尚无评判,仅按数量部分评定",
        ";质的方面评判为「" + w.quality[r].astype(object) + "」" + np.where(w.quality_by[r] == "", "", "(" + w.quality_by[r].astype(object) + ")")))
    tx.fill(out, r, lambda t, v, b, sgn, dev, wh, band, q: f"{t}年为{v},较基期{b}{sgn}{dev},{wh}±{band}稳定区间{q}",
            tx.year(w.t[r]), tx.number(w.v[r]), tx.number(w.b[r]), tx.growth_word(ratio), tx.magnitude_percent(ratio, 1),
            where, band, quality)


def _trend_only_bodies(out, w, codes) -> None:
    r = _rows(np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]]))
    lead = np.where(codes[r] == CODE[AWAITING], "目标待省下达(按省下达任务执行)", "无目标值").astype(object)
    growth = np.where(np.isfinite(w.actual[r]), "," + tx.year(w.t0[r]) + "年以来年均" + tx.growth_word(w.actual[r])
                      + tx.magnitude_percent(w.actual[r]), "")
    tx.fill(out, r, lambda lead, t, v, g: f"{lead};{t}年为{v}{g}", lead, tx.year(w.t[r]), tx.number(w.v[r]), growth)


def _notes(out, w, codes) -> np.ndarray:
    """Prefix and suffix notes, only on the rows that need them."""
    trend_only = np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]])
    r = _rows(w.shifted & ~trend_only)
    rate_like = w.mask("annual_growth", "cumulative_reduction", "cumulative")[r]
    missing = ~np.isfinite(w.spec_base_year[r])
    note = np.where(rate_like, "规划未给出基期年,以" + tx.year(w.t0[r]) + "年为基期;",
                    np.where(missing, "规划未给出基期值,", "无" + tx.year(w.spec_base_year[r]) + "年数据,")
                    + "以" + tx.year(w.t0[r]) + "年观测值" + tx.number(w.b[r]) + "为基期;")
    out[r] = note + out[r]
    r = _rows(w.sign_change & ~trend_only)
    out[r] = out[r] + ";基期值与最新值符号相反,增速与国际方法不可评估"
    r = _rows((w.gaps > 0) & w.mask("annual_growth", "cumulative_reduction", "cumulative"))
    out[r] = out[r] + ";缺" + tx.count(w.gaps[r]) + "个年份的数据,按已有年份的平均推算"
    r = _rows(w.latest_qual != "")
    out[r] = out[r] + ";评价依据" + tx.year(w.t[r]) + "年「" + w.latest_qual[r].astype(object) + "」限定数"
    return out
