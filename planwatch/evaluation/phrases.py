"""The words of the reason sentences, in Chinese (the evaluation's own language) and in English.

``reasons`` decides which sentence a row gets and with which numbers; a phrasebook only says how
that sentence reads. Each template is a ``str.format`` pattern with numbered fields, so English can
put the numbers in another order than Chinese ("2023年为110" / "110 in 2023") while both are filled
from the same columns, and ``map(template.format, …)`` fills a million rows without a Python call
per row. The templates are data, both languages of each side by side in one table
(``planwatch/data/evaluation/phrases.toml``), which is what lets a test check that the two languages
state the same numbers for every case; this module adds what is not a template (counting words, the
grades' and statuses' names, the qualifier words in English).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from planwatch.data import DATA_DIR
from planwatch.evaluation import text as tx
from planwatch.evaluation import vocabulary as v

LANGUAGES = ("zh", "en")
TEMPLATES = DATA_DIR / "evaluation" / "phrases.toml"


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
    # The forecast after a reason
    forecast_note: str
    forecast_interval: str
    forecast_methods: tuple[str, str, str, str]  # loglinear, ets_holt, growth, linear
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


_TABLE = tomllib.loads(TEMPLATES.read_text(encoding="utf-8"))


def _templates(language: str) -> dict[str, Any]:
    """Each template of ``language`` by its key (a list of alternatives as a tuple)."""
    chosen = {key: entry[language] for key, entry in _TABLE.items()}
    return {key: tuple(t) if isinstance(t, list) else t for key, t in chosen.items()}


CHINESE = Phrasebook(
    language="zh", years=tx.count, falls=tx.count, **_templates("zh"),
    grades={g: g for g in v.GRADES}, opensdg=v.OPENSDG_LABELS, unsd=v.UNSD_LABELS, words={},
)

ENGLISH = Phrasebook(
    language="en", years=_english_count("year", "years"), falls=_english_count("fall", "falls"), **_templates("en"),
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
