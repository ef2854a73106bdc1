"""The words of the reason sentences, in Chinese (the evaluation's own language) and in English.

``reasons`` decides which sentence a row gets and with which numbers; a phrasebook only says how
that sentence reads. Each template is a ``str.format`` pattern with numbered fields, so English can
put the numbers in another order than Chinese ("2023年为110" / "110 in 2023") while both are filled
from the same columns, and ``map(template.format, …)`` fills a million rows without a Python call
per row. Keeping every word here is what lets a test check that the two languages state the same
numbers for every case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planwatch.evaluation import text as tx
from planwatch.evaluation import vocabulary as v

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Phrasebook:
    language: str
    years: Callable[[np.ndarray], np.ndarray]  # a count of years as the sentence reads it: 两 / "2 years"
    falls: Callable[[np.ndarray], np.ndarray]  # a count of falls: 两(次) / "2 falls"
    period_many: str
    period_one: str
    # Level targets
    goal_value: str
    goal_band: str
    level_achieved: str
    level_lost: str
    level_reverse: str
    level_base_only: str
    # Cumulative totals and reductions
    total_reduction: str
    total_sum: str
    target_reached: str
    target_away: str
    total_no_data: str
    # Completion against time share
    compare: tuple[str, str, str]  # above, below, equal to
    lead_reduction: str
    lead_sum: str
    progress: str
    tail_target_year: str
    tail_need_known: str
    tail_need: str
    more: tuple[str, str, str, str]  # above, below, faster than, slower than
    rise_fall: tuple[str, str]  # growth, decline
    past_decline: str
    points_word: tuple[str, str]  # a per-cent indicator's change: up, down
    points: str  # "{0}个百分点"
    tail_reduction: str
    tail_amount: str
    # Annual growth targets
    growth_no_data: str
    growth_verdicts: tuple[str, str, str, str, str]  # achieved, ahead, on track, reverse, behind
    growth_band: str
    growth_qualifier: str
    growth_tail: str
    growth: str
    # Floors and ceilings
    bound: tuple[str, str]  # floor, ceiling
    floor_kept_low: str
    floor_kept_high: str
    floor_broken: str
    crossing: tuple[str, str]  # below, above
    extreme: tuple[str, str]  # lowest, highest
    floor: str
    outlook_miss: str
    outlook_hold: str
    # Qualitative targets
    only_one: str
    rise: str
    rise_compare: tuple[str, str]  # below, not below
    rise_falls: str
    rise_steady: str
    stable: str
    stable_direction: tuple[str, str]  # down, up
    stable_where: tuple[str, str, str]  # above, within, below
    quality_unjudged: str
    quality_judged: str
    quality_by_measure: str
    quality_by: str
    quality_measure: str
    # No target, or the province's figure awaited
    awaiting: str
    no_target: str
    trend_latest: str
    trend_since: str
    no_data_awaiting: str
    no_data: str
    # Notes
    note_no_base_year: str
    note_no_base_value: str
    note_no_base_year_data: str
    note_sign_change: str
    note_gaps: str
    note_qualified: str
    note_prices: tuple[str, str, str]  # converted by a deflator, by real growth, not converted
    # Where the methods disagree
    disagreement: str
    opensdg_ratio: str
    unsd_ratio: str
    grades: dict[str, str]
    opensdg: dict[str, str]
    unsd: dict[str, str]
    words: dict[str, str]  # qualifier words (以上, 左右 …) and quality judgements (升, 持平 …)

    def word(self, chinese: str) -> str:
        return self.words.get(chinese, chinese)

    def finish(self, sentences: np.ndarray) -> np.ndarray:
        """English sentences start with a capital; Chinese ones are left as they are."""
        if self.language == "zh" or not len(sentences):
            return sentences
        out = np.empty(len(sentences), dtype=object)
        out[:] = [s[:1].upper() + s[1:] for s in sentences.tolist()]
        return out


def _english_count(one: str, many: str) -> Callable[[np.ndarray], np.ndarray]:
    def count(values: npt.ArrayLike) -> np.ndarray:
        n = tx.year(values)
        return np.where(np.asarray(values, float) == 1, "1 " + one, n + " " + many).astype(object)

    return count


CHINESE = Phrasebook(
    language="zh", years=tx.count, falls=tx.count,
    period_many="{0}—{1}年", period_one="{1}年",
    goal_value="目标值{0}", goal_band="目标区间{0}—{1}",
    level_achieved="{0}年为{1},已达到{2}",
    level_lost="基期{0}已达到目标{3},{1}年为{2},已不再达到",
    level_reverse="{0}年为{1},较基期{2}反向变动,完成度{3}",
    level_base_only="仅有{0}年(基期)数据{1},尚无法计算进度",
    total_reduction="{0}累计降低{1}(目标{2}),{3}", total_sum="{0}累计{1}(目标{2}),{3}",
    target_reached="已达到目标", target_away="与目标方向相反",
    total_no_data="{0}年基期之后尚无数据",
    compare=("高于", "低于", "等于"),
    lead_reduction="{0}累计降低{1},", lead_sum="{0}累计{1},",
    progress="{0}{1}年完成度{2},{3}时序进度{4}{5}",
    tail_target_year=";已到目标年{0}年",
    tail_need_known=";余下{0}年需年均{1}{2},{3}以往年均{4}{5}", tail_need=";余下{0}年需年均{1}{2}",
    more=("高于", "低于", "快于", "慢于"), rise_fall=("增长", "下降"), past_decline="下降",
    points_word=("提高", "降低"), points="{0}个百分点",
    tail_reduction=";余下{0}年需年均降低{1},以往年均降低{2}", tail_amount=";余下{0}年需年均{1}",
    growth_no_data="{0}年基期之后尚无增速数据",
    growth_verdicts=(",期末累计增长已提前达到", ",快于目标", ",符合目标", ",与目标方向相反", ",低于目标"),
    growth_band="左右({0}—{1})", growth_qualifier="{0}", growth_tail=";余下{0}年需年均增长{1}",
    growth="{0}年均增长{1}(逐年连乘),目标年均{2}{3}{4}{5}",
    bound=("下限", "上限"), floor_kept_low="各年均不低于{0}", floor_kept_high="各年均不高于{0}",
    floor_broken="有{0}年{1}{2}{3}", crossing=("低于", "高于"), extreme=("最低", "最高"),
    floor="{0}{1}({2}{3}){4}", outlook_miss=";按趋势预计{0}年将突破{1}", outlook_hold=";按趋势预计{0}年仍能守住",
    only_one="仅有{0}年数据{1},尚无法判断",
    rise="{0}年为{1},{2}基期{3}", rise_compare=("低于", "不低于"),
    rise_falls=",但期间有{0}次回落超过{1}", rise_steady=",期间无超过{0}的回落(稳中有升)",
    stable="{0}年为{1},较基期{2}{3}{4},{5}{6}稳定区间", stable_direction=("下降", "增长"),
    stable_where=("高于", "处于", "低于"),
    quality_unjudged=";质的方面尚无评判,仅按数量部分评定", quality_judged=";质的方面评判为「{0}」",
    quality_by_measure="({0},依据「{1}」)", quality_by="({0})", quality_measure="(依据「{0}」)",
    awaiting="目标待省下达(按省下达任务执行)", no_target="无目标值",
    trend_latest=";{0}年为{1}", trend_since=",{0}年以来年均{1}{2}",
    no_data_awaiting="目标待省下达(按省下达任务执行);截至{0}年尚无数据", no_data="截至{0}年尚无数据",
    note_no_base_year="规划未给出基期年,以{1}年为基期;",
    note_no_base_value="规划未给出基期值,以{1}年观测值{2}为基期;",
    note_no_base_year_data="无{0}年数据,以{1}年观测值{2}为基期;",
    note_sign_change=";基期值与最新值符号相反,增速与国际方法不可评估",
    note_gaps=";缺{0}个年份的数据,按已有年份的平均推算",
    note_qualified=";评价依据{0}年「{1}」限定数",
    note_prices=(";目标为可比价,现价观测值已按平减指数折算后比较", ";目标为可比价,现价观测值已按实际增速折算后比较",
                 ";目标为可比价,但缺平减指数或实际增速,按现价观测值比较(含价格变动)"),
    disagreement="国内方法评为「{0}」,Open SDG为「{1}」{2},联合国进展图为「{3}」{4},评价不一致",
    opensdg_ratio="(R={0})", unsd_ratio="(CR={0})",
    grades={g: g for g in v.GRADES},
    opensdg=v.OPENSDG_LABELS, unsd=v.UNSD_LABELS,
    words={},
)

ENGLISH = Phrasebook(
    language="en", years=_english_count("year", "years"), falls=_english_count("fall", "falls"),
    period_many="{0}–{1}", period_one="{1}",
    goal_value="the target {0}", goal_band="the target range {0}–{1}",
    level_achieved="{1} in {0}: {2} is reached",
    level_lost="the base value {0} already met the target {3}; {2} in {1} no longer does",
    level_reverse="{1} in {0}, moving away from the base value {2}; completion {3}",
    level_base_only="only the base-year figure so far ({1} in {0}); progress cannot be computed yet",
    total_reduction="cumulative reduction {0}: {1} (target {2}), {3}",
    total_sum="cumulative total {0}: {1} (target {2}), {3}",
    target_reached="target reached", target_away="moving away from the target",
    total_no_data="no figures yet after the base year {0}",
    compare=("above", "below", "equal to"),
    lead_reduction="cumulative reduction {0}: {1}; ", lead_sum="cumulative total {0}: {1}; ",
    progress="{0}completion {2} in {1}, {3} the time share of {4}{5}",
    tail_target_year="; the target year {0} has been reached",
    tail_need_known="; over the remaining {0}, average {1} of {2} a year is needed, {3} the {4}{5} a year so far",
    tail_need="; over the remaining {0}, average {1} of {2} a year is needed",
    more=("above", "below", "faster than", "slower than"), rise_fall=("growth", "decline"),
    past_decline="decline of ",
    points_word=("rise", "fall"), points="{0} percentage points",
    tail_reduction="; over the remaining {0}, a reduction of {1} a year is needed, against {2} a year so far",
    tail_amount="; over the remaining {0}, {1} a year is needed",
    growth_no_data="no growth figures yet after the base year {0}",
    growth_verdicts=(", the growth over the whole period is already reached", ", faster than the target",
                     ", in line with the target", ", moving away from the target", ", below the target"),
    growth_band=" or so ({0}–{1})", growth_qualifier=" {0}", growth_tail="; over the remaining {0}, growth of {1} a year is needed",
    growth="average annual growth {0}: {1} (chained year on year), target {2}{3} a year{4}{5}",
    bound=("floor", "ceiling"), floor_kept_low="every year at or above {0}", floor_kept_high="every year at or below {0}",
    floor_broken="{1} the {2} of {3} in {0}", crossing=("below", "above"), extreme=("lowest", "highest"),
    floor="{0}: {1} ({2} {3}){4}", outlook_miss="; on trend, the {1} will be breached by {0}",
    outlook_hold="; on trend, it will hold through {0}",
    only_one="only one figure so far ({1} in {0}); too early to judge",
    rise="{1} in {0}, {2} the base value {3}", rise_compare=("below", "not below"),
    rise_falls=", but with {0} of more than {1} along the way",
    rise_steady=", with no fall of more than {0} along the way (steady with a rise)",
    stable="{1} in {0}, {3} {4} on the base value {2}, {5} the stable band of {6}", stable_direction=("down", "up"),
    stable_where=("above", "within", "below"),
    quality_unjudged="; the quality part is not judged yet, so the grade rests on the volume part",
    quality_judged="; quality judged “{0}”",
    quality_by_measure=" ({0}, based on “{1}”)", quality_by=" ({0})", quality_measure=" (based on “{0}”)",
    awaiting="target awaiting the provincial figure", no_target="no target value",
    trend_latest="; {1} in {0}", trend_since=", average annual {1} of {2} since {0}",
    no_data_awaiting="target awaiting the provincial figure; no figures as of {0}", no_data="no figures as of {0}",
    note_no_base_year="the plan gives no base year, so {1} is the base; ",
    note_no_base_value="the plan gives no base value, so the {1} figure {2} is the base; ",
    note_no_base_year_data="no figure for {0}, so the {1} figure {2} is the base; ",
    note_sign_change="; the base and latest values differ in sign, so growth and the international methods "
                     "cannot be assessed",
    note_gaps="; {0} missing, averaged over the years there are",
    note_qualified="; graded on the {0} figure given as “{1}”",
    note_prices=("; the target is at constant prices: the current-price figures were deflated by the price index",
                 "; the target is at constant prices: the current-price figures were converted by the real growth rates",
                 "; the target is at constant prices, but with no deflator or real growth the current-price figures "
                 "were compared as they are (price changes included)"),
    disagreement="the national method grades it “{0}”, Open SDG “{1}”{2}, the UN progress chart “{3}”{4}: "
                 "the methods disagree",
    opensdg_ratio=" (R={0})", unsd_ratio=" (CR={0})",
    grades={
        v.REVERSE: "moving away", v.BEHIND: "lagging", v.ON_TRACK: "on schedule", v.AHEAD: "ahead of schedule",
        v.ACHIEVED: "achieved early", v.NOT_ASSESSABLE: "not assessable", v.NO_TARGET: "no target value",
        v.AWAITING: "awaiting provincial figure", v.NO_DATA: "no data",
    },
    opensdg={s: s for s in v.OPENSDG_STATUSES}, unsd={s: s for s in v.UNSD_STATUSES},
    words={
        "大约": "about", "约": "about", "超过": "over", "逾": "over", "突破": "over", "高于": "over",
        "不低于": "at least", "不少于": "at least", "接近": "nearly", "近": "nearly", "不足": "under",
        "不到": "under", "低于": "under", "不超过": "at most", "左右": "or so", "上下": "or so",
        "以上": "or more", "多": "or more", "余": "or more", "以下": "or less", "以内": "within",
        v.QUALITY_UP: "rising", "未升": "not rising", "持平": "flat", "降": "falling",
    },
)

PHRASEBOOKS = {"zh": CHINESE, "en": ENGLISH}


def phrasebook(language: str) -> Phrasebook:
    """``zh`` (default) or ``en``; any other language is refused by name."""
    try:
        return PHRASEBOOKS[language]
    except KeyError:
        raise ValueError(f"评估理由没有「{language}」语言(可用:{'、'.join(LANGUAGES)})") from None
