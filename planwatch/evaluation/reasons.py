"""The reason sentence of every grade, in Chinese, with the numbers in it.

One body per kind and case ("2023年完成度40.0%,低于时序进度50.0%;余下两年需年均增长6.60%,
高于以往年均4.88%"), then the notes that change how a figure should be read: a base taken from an
observation, a sign change, a qualified latest figure (以上/左右), missing years in a chained rate.
Numbers are formatted by table (``text``) and each sentence is one f-string per row.
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
    _level_bodies(out, w, codes, w.mask("level", "about") & w.has_target)
    _total_bodies(out, w, codes, w.mask("cumulative_reduction", "cumulative") & w.has_target)
    _progress_bodies(out, w, codes, w.mask(*TIME_SHARE_KINDS) & w.has_target)
    _growth_bodies(out, w, codes, w.mask("annual_growth") & w.has_target)
    _floor_bodies(out, w, w.mask("floor") & w.has_target)
    _rise_bodies(out, w, codes, w.mask("qualitative") & w.has_word(QUALITATIVE_RISE), settings)
    _stable_bodies(out, w, codes, w.mask("qualitative") & w.has_target & ~w.has_word(QUALITATIVE_RISE), settings)
    _trend_only_bodies(out, w, codes)
    return _notes(out, w, codes)


def _rows(mask) -> np.ndarray:
    return np.flatnonzero(mask)


def _zip(*columns):
    """Rows of equally long arrays as tuples of plain Python values."""
    return zip(*(np.asarray(c).tolist() for c in columns), strict=True)


def _pick(condition, yes: str, no: str) -> np.ndarray:
    return np.where(condition, yes, no).astype(object)


def _period(w, r) -> np.ndarray:
    """"2022—2024年" for the years after the base, "2024年" for one year."""
    start, end = tx.year(w.t0[r] + 1), tx.year(w.t[r])
    return tx.compose(lambda s, e, many: f"{s}—{e}年" if many else f"{e}年", start, end, w.t0[r] + 1 < w.t[r])


def _level_bodies(out, w, codes, mask) -> None:
    r = _rows(mask & (codes == CODE[ACHIEVED]))
    goal = np.where(w.mask("about")[r], "目标区间" + tx.number(w.band_lo[r]) + "—" + tx.number(w.band_hi[r]),
                    "目标值" + tx.number(w.T[r]))
    # Inline comprehensions, not fill(lambda …): a Python call per row is a third of the cost here.
    out[r] = [f"{t}年为{v},已达到{g}" for t, v, g in _zip(tx.year(w.t[r]), tx.number(w.v[r]), goal)]
    r = _rows(mask & (codes == CODE[REVERSE]) & w.base_met)
    tx.fill(out, r, lambda b, t, v, goal: f"基期{b}已达到目标{goal},{t}年为{v},已不再达到", tx.number(w.b[r]),
            tx.year(w.t[r]), tx.number(w.v[r]), tx.number(w.T[r]))
    r = _rows(mask & (codes == CODE[REVERSE]) & ~w.base_met)
    tx.fill(out, r, lambda t, v, b, c: f"{t}年为{v},较基期{b}反向变动,完成度{c}", tx.year(w.t[r]),
            tx.number(w.v[r]), tx.number(w.b[r]), tx.percent(w.completion[r]))
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda t, v: f"仅有{t}年(基期)数据{v},尚无法计算进度", tx.year(w.t[r]), tx.number(w.v[r]))


def _total_bodies(out, w, codes, mask) -> None:
    """cumulative_reduction and cumulative: achieved, moved the wrong way, or too early to tell."""
    r = _rows(mask & np.isin(codes, [CODE[ACHIEVED], CODE[REVERSE]]))
    cut = w.mask("cumulative_reduction")[r]
    done = np.where(cut, tx.percent(w.achieved[r] / 100.0), tx.number(w.achieved[r]))
    goal = np.where(cut, tx.percent(w.T[r] / 100.0), tx.number(w.T[r]))
    tx.fill(out, r, lambda p, c, v, g, ok: f"{p}{'累计降低' if c else '累计'}{v}(目标{g}),{'已达到目标' if ok else '与目标方向相反'}",
            _period(w, r), cut, done, goal, codes[r] == CODE[ACHIEVED])
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda y: f"{y}年基期之后尚无数据", tx.year(w.t0[r]))


def _progress_bodies(out, w, codes, mask) -> None:
    """Graded on completion against time share: the example sentence of the issue."""
    r = _rows(mask & np.isin(codes, [CODE[AHEAD], CODE[ON_TRACK], CODE[BEHIND]]))
    if not len(r):
        return
    c, ts = w.completion[r], w.time_share[r]
    gap = np.round(c - ts, 12)
    compare = np.select([gap > 0, gap < 0], ["高于", "低于"], "等于")
    lead = np.full(len(r), "", dtype=object)
    cut, total = w.mask("cumulative_reduction")[r], w.mask("cumulative")[r]
    if cut.any():
        lead[cut] = tx.compose(lambda p, v: f"{p}累计降低{v},", _period(w, r[cut]), tx.percent(w.achieved[r[cut]] / 100.0))
    if total.any():
        lead[total] = tx.compose(lambda p, v: f"{p}累计{v},", _period(w, r[total]), tx.number(w.achieved[r[total]]))
    out[r] = [f"{lead}{t}年完成度{c},{cmp}时序进度{ts}{tail}" for lead, t, c, cmp, ts, tail in _zip(
        lead, tx.year(w.t[r]), tx.percent(c), compare, tx.percent(ts), _remaining_tail(w, r))]


def _remaining_tail(w, r) -> np.ndarray:
    """";余下两年需年均增长9.27%,高于以往年均5.11%" or the kind's equivalent."""
    tail = np.full(len(r), "", dtype=object)
    over = _rows(w.remaining[r] <= 0)
    tail[over] = tx.compose(lambda y: f";已到目标年{y}年", tx.year(w.t1[r[over]]))
    left = w.remaining[r] > 0
    need, req, act = tx.count(w.remaining[r]), w.required[r], w.actual[r]
    i = _rows(left & np.isfinite(req) & w.mask("level", "about")[r])
    if len(i):
        d, q, a = w.d[r[i]], req[i], act[i]
        more = np.where(d > 0, np.where(q > a, "高于", "低于"), np.where(q < a, "快于", "慢于"))
        verb, past = np.where(q < 0, "下降", "增长"), np.where(a < 0, "下降", "")
        tail[i] = [f";余下{n}年需年均{v}{qq},{m}以往年均{pv}{aa}" if known else f";余下{n}年需年均{v}{qq}"
                   for n, v, qq, known, m, pv, aa in _zip(need[i], verb, tx.magnitude_percent(q), np.isfinite(a), more,
                                                            past, tx.magnitude_percent(a))]
    i = _rows(left & np.isfinite(req) & w.mask("cumulative_reduction")[r])
    tail[i] = tx.compose(lambda n, q, a: f";余下{n}年需年均降低{q},以往年均降低{a}", need[i], tx.percent(req[i], 2),
                         tx.percent(act[i], 2))
    i = _rows(left & w.mask("cumulative")[r])
    tail[i] = tx.compose(lambda n, q: f";余下{n}年需年均{q}", need[i], tx.number(w.required_amount[r[i]]))
    return tail


def _growth_bodies(out, w, codes, mask) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda y: f"{y}年基期之后尚无增速数据", tx.year(w.t0[r]))
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    about = np.isin(w.target_qualifier[r], ("左右", "约"))
    verdict = np.select(
        [codes[r] == CODE[ACHIEVED], codes[r] == CODE[AHEAD], codes[r] == CODE[ON_TRACK], codes[r] == CODE[REVERSE]],
        [",期末累计增长已提前达到", ",快于目标", ",符合目标", ",与目标方向相反"], ",低于目标")
    still = (w.remaining[r] > 0) & np.isfinite(w.required[r]) & (codes[r] != CODE[ACHIEVED])
    tx.fill(out, r, _growth_body, _period(w, r), tx.percent(w.actual[r], 2), tx.percent(w.T[r] / 100.0), about,
            tx.percent(w.band_lo[r] / 100.0), tx.percent(w.band_hi[r] / 100.0), w.target_qualifier[r], verdict, still,
            tx.count(w.remaining[r]), tx.percent(w.required[r], 2))


def _growth_body(p, a, goal, about, lo, hi, qualifier, verdict, still, n, q) -> str:
    band = f"左右({lo}—{hi})" if about else qualifier
    tail = f";余下{n}年需年均增长{q}" if still else ""
    return f"{p}年均增长{a}(逐年连乘),目标年均{goal}{band}{verdict}{tail}"


def _floor_bodies(out, w, mask) -> None:
    r = _rows(mask)
    start = np.maximum(w.t[r] - w.floor_years[r] + 1, w.t0[r] + 1)
    tx.fill(out, r, _floor_body, w.d[r] > 0, tx.year(start), tx.year(w.t[r]), w.floor_years[r] > 1,
            w.floor_breaks[r], tx.count(w.floor_breaks[r]), tx.number(w.T[r]), tx.number(w.floor_worst[r]),
            np.isfinite(w.projection[r]), w.projected_miss[r], tx.year(w.t1[r]))


def _floor_body(higher, start, end, many, breaks, count, goal, worst, known, miss, t1) -> str:
    period = f"{start}—{end}年" if many else f"{end}年"
    bound = "下限" if higher else "上限"
    state = (f"各年均不低于{goal}" if higher else f"各年均不高于{goal}") if breaks == 0 else (
        f"有{count}年{'低于' if higher else '高于'}{bound}{goal}")
    outlook = f";按趋势预计{t1}年{'将突破' + bound if miss else '仍能守住'}" if known else ""
    return f"{period}{state}({'最低' if higher else '最高'}{worst}){outlook}"


def _not_yet(out, w, codes, mask) -> None:
    r = _rows(mask & (codes == CODE[NOT_ASSESSABLE]))
    tx.fill(out, r, lambda t, v: f"仅有{t}年数据{v},尚无法判断", tx.year(w.t[r]), tx.number(w.v[r]))


def _rise_bodies(out, w, codes, mask, settings: EvaluationSettings) -> None:
    _not_yet(out, w, codes, mask)
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    tol = f"{settings.rise_fall_tolerance * 100:g}%"
    tx.fill(out, r, lambda t, v, below, b, k, n: f"{t}年为{v},{'低于' if below else '不低于'}基期{b}" + (
        f",但期间有{n}次回落超过{tol}" if k else ("" if below else f",期间无超过{tol}的回落(稳中有升)")),
        tx.year(w.t[r]), tx.number(w.v[r]), codes[r] == CODE[REVERSE], tx.number(w.b[r]), w.falls[r] > 0,
        tx.count(w.falls[r]))


def _stable_bodies(out, w, codes, mask, settings: EvaluationSettings) -> None:
    _not_yet(out, w, codes, mask)
    r = _rows(mask & (codes != CODE[NOT_ASSESSABLE]))
    ratio = w.deviation[r] / np.abs(w.b[r])
    where = np.select([w.d[r] * w.deviation[r] > w.band[r], np.abs(w.deviation[r]) <= w.band[r]], ["高于", "处于"], "低于")
    band = f"±{settings.stable_band * 100:g}%"
    tx.fill(out, r, lambda t, v, b, down, dev, wh, vq, q, by, m: f"{t}年为{v},较基期{b}{'下降' if down else '增长'}{dev},"
            f"{wh}{band}稳定区间" + _quality_note(vq, q, by, m),
            tx.year(w.t[r]), tx.number(w.v[r]), tx.number(w.b[r]), ratio < 0, tx.magnitude_percent(ratio, 1), where,
            w.has_word(QUALITATIVE_VOLUME_QUALITY)[r], w.quality[r], w.quality_by[r], w.quality_measure[r])


def _quality_note(volume_quality: bool, quality: str, by: str, measure: str = "") -> str:
    if not volume_quality:
        return ""
    if not quality:
        return ";质的方面尚无评判,仅按数量部分评定"
    basis = f",依据「{measure}」" if measure else ""
    return f";质的方面评判为「{quality}」" + (f"({by}{basis})" if by else (f"({basis[1:]})" if basis else ""))


def _trend_only_bodies(out, w, codes) -> None:
    r = _rows(np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]]))
    tx.fill(out, r, lambda awaiting, t, v, known, y, down, g: (
        "目标待省下达(按省下达任务执行)" if awaiting else "无目标值") + f";{t}年为{v}" + (
        f",{y}年以来年均{'下降' if down else '增长'}{g}" if known else ""),
        codes[r] == CODE[AWAITING], tx.year(w.t[r]), tx.number(w.v[r]), np.isfinite(w.actual[r]), tx.year(w.t0[r]),
        w.actual[r] < 0, tx.magnitude_percent(w.actual[r]))


def _notes(out, w, codes) -> np.ndarray:
    """Prefix and suffix notes, built only for the rows that need them and joined in one pass."""
    trend_only = np.isin(codes, [CODE[NO_TARGET], CODE[AWAITING]])
    prefix = np.full(len(out), "", dtype=object)
    suffix = np.full(len(out), "", dtype=object)
    r = _rows(w.shifted & ~trend_only)
    prefix[r] = tx.compose(_base_note, w.base_note[r], tx.year(w.spec_base_year[r]), tx.year(w.t0[r]),
                           tx.number(w.b[r]))
    r = _rows(w.sign_change & ~trend_only)
    suffix[r] = suffix[r] + ";基期值与最新值符号相反,增速与国际方法不可评估"
    r = _rows((w.gaps > 0) & w.mask("annual_growth", "cumulative_reduction", "cumulative"))
    suffix[r] = suffix[r] + tx.compose(lambda n: f";缺{n}个年份的数据,按已有年份的平均推算", tx.count(w.gaps[r]))
    r = _rows(w.latest_qual != "")
    suffix[r] = suffix[r] + tx.compose(lambda t, q: f";评价依据{t}年「{q}」限定数", tx.year(w.t[r]), w.latest_qual[r])
    r = _rows((prefix != "") | (suffix != ""))
    tx.fill(out, r, lambda p, body, s: f"{p}{body}{s}", prefix[r], out[r], suffix[r])
    return out


def _base_note(note, spec_year, t0, b) -> str:
    if note == 3:
        return f"规划未给出基期年,以{t0}年为基期;"
    lead = "规划未给出基期值," if note == 1 else f"无{spec_year}年数据,"
    return f"{lead}以{t0}年观测值{b}为基期;"
