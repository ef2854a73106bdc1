"""Read the figures of one cleaned bulletin sentence (pure; no Django).

The rules, each general and each refusing rather than guessing:

- A name is a dictionary phrase, the longest at its place. What comes before it in its clause may only
  be scope words (全年, 全县, 年末, 实现, 其中 …), a place name or a page number; "净出口" is not
  "出口", "拉动国内生产总值增长" is not GDP.
- A level is the number right after the name (fillers 为/达/实现, a bracket like "(GDP)" and a
  qualifier 约/超过 allowed), with a unit of the indicator's dimension: "万人" is never read as 亿元, and
  a number without a unit is left out. "8.743.248.1" (colons lost) is not a number.
- The growth rate is the first "增长/下降 X%" after the level in the rest of its clause or the next
  one, with no other number or name in between; "增加0.95万亩" or "个百分点" are not growth rates.
- "A、B和C…分别为x、y和z" is read only when the names and the numbers pair up exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from planwatch.documents.bulletin_dictionary import Dictionary, Entry
from planwatch.documents.divisions import china
from planwatch.documents.patterns import DECIMAL, NUMBER
from planwatch.documents.qualifiers import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS
from planwatch.documents.units import UnitError, dimension_of

UNIT = (
    r"(?:万亿元|亿元|万元|千元|元/人|元|亿美元|万美元|美元|亿人次|万人次|人次|万人|亿人|人|万吨|亿吨|吨|"
    r"万亩|亩|万公顷|公顷|亿斤|万斤|斤|%|‰|个百分点|岁|张|个|家|户)"
)
_PRE = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
_SUF = "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))
_FILLER = r"(?:\([A-Za-z&]{1,8}\))?(?:保持在|稳定在|为|达到|达|实现|完成|是|共计|共|合计|总计|累计)?"
LEVEL = re.compile(rf"{_FILLER}(?P<pre>{_PRE})?(?P<num>{NUMBER})(?P<unit>{UNIT})?(?P<suf>{_SUF})?")
_NOT_A_NUMBER_AFTER = re.compile(r"[.:\d]\d")  # "8.743.248.1", "19.1:28.3": not one number
_UP, _DOWN = (
    "增长|提高|上升|上涨|增加|增产|增速为|增速达|增幅为|增幅达|增速|增幅",
    "下降|减少|降低|回落|下跌|减产",
)
GROWTH = re.compile(rf"(?P<dir>{_UP}|{_DOWN})(?P<num>{DECIMAL})(?P<unit>%|个百分点|倍|{UNIT})?")
_RATE_GAP = 16
# What may stand between a figure and its rate: "按可比价格计算,比上年", "同比", "累计" — nothing that could be
# another subject ("…12.33万吨,早稻增长2.1%" is the early rice's rate, not the harvest's).
_CONNECTORS = re.compile(
    r"(?:[,\s]|按(?:可比价格?|不变价格?|现价)(?:计算)?|(?:比|较|与)(?:上年|去年)(?:末|同期)?(?:相比)?|同比|"
    r"扣除价格因素|名义|实际|累计|全年|总水平|指数)*"
)
_CLAUSE_END = re.compile(r"[,;:。]")
_SCOPE = re.compile(
    r"(?:全年|全市|全县|全区|全省|全国|全州|全旗|全盟|年末|年底|末|实现|完成|其中|规上|规模以上|"
    r"财政|累计|当年|全体|初步核算|县城|中心城区|城区|市区|\d{1,2}月(?:末|底)?|[\u4e00-\u9fff]{0,6}机场|\d{4}年|年)$"
)
SHARE = re.compile(rf"占[^,;。\d]{{0,16}}?比重(?:为|达到|达|是)?(?P<num>{NUMBER})%")
RATIO = re.compile(
    rf"(?:为|是|缩小为|缩小到|缩小至|降至|下降到|下降为)(?P<num>{NUMBER})(?::1)?(?![\d.%万亿元])"
)
ENUMERATION = re.compile(r"分别(?:为|是|达到|达)")
_ENUM_VALUES = re.compile(rf"(?P<num>{NUMBER})(?P<unit>{UNIT})?(?P<sep>、|和|及|与|$)?")
_ENUM_GROWTH = re.compile(rf"[,]?[^,;。\d]{{0,8}}?分别(?:比上年|同比|较上年)?(?:{_UP})")


@dataclass(frozen=True)
class Found:
    """A figure found in one sentence (offsets within the sentence)."""

    entry: Entry
    value: float | None
    number_text: str
    unit: str
    growth: float | None
    qualifier: str
    start: int
    confidence: float


def _dimension(unit: str) -> str:
    """Renminbi and dollars read alike (exports are stated in either); they are never converted."""
    try:
        dimension = dimension_of(unit)
    except UnitError:
        return f"unit:{unit}"
    return "money" if dimension in ("cny", "usd") else dimension


def unit_fits(entry: Entry, unit: str) -> bool:
    if not unit:
        return entry.unit == ""
    return bool(entry.unit) and _dimension(unit) == _dimension(entry.unit)


@cache
def _is_place(text: str) -> bool:
    return bool(china().named(text))


def _strip_place(head: str) -> str:
    for size in range(min(len(head), 12), 1, -1):
        if _is_place(head[-size:]):
            return head[:-size]
    return head


def scope_only(head: str) -> tuple[bool, float]:
    """Whether the text before a name in its clause is only scope words and place names; a page number
    or list marker of a repost ("…策划2全年全省") also ends the clause, with a little less confidence."""
    while head:
        match = _SCOPE.search(head)
        if match:
            head = head[: match.start()]
            continue
        stripped = _strip_place(head)
        if stripped != head:
            head = stripped
            continue
        if head[-1].isdigit():
            return True, 0.85
        return head[-1] in ",;:、。()“”《》 ", 0.95
    return True, 0.95


def _growth_after(sentence: str, start: int, dictionary: Dictionary) -> float | None:
    found = _rate_after(sentence, start, dictionary)
    return found[0] if found else None


def _rate_after(sentence: str, start: int, dictionary: Dictionary) -> tuple[float, str] | None:
    """The first stated growth rate in % after ``start``, in the rest of the clause or the next one."""
    # The rest of this clause and up to two more ("…万元,按可比价格计算,比上年增长5.1%"), but the
    # words before the rate must be few, with no number and no other indicator's name.
    ends = [m.start() for m in _CLAUSE_END.finditer(sentence, start)]
    stop = ends[2] if len(ends) > 2 else len(sentence)
    window = sentence[start:stop]
    match = GROWTH.search(window)
    if match is None or match.group("unit") != "%":
        return None
    before = window[: match.start()]
    if len(before) > _RATE_GAP or not _CONNECTORS.fullmatch(before):
        return None
    rate, text = float(match.group("num")), match.group("num")
    return (-rate, f"-{text}") if re.fullmatch(_DOWN, match.group("dir")) else (rate, text)


def _level(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    match = LEVEL.match(sentence, at)
    if match is None or _NOT_A_NUMBER_AFTER.match(sentence, match.end("num")):
        return None
    unit = match.group("unit") or ""
    if not unit_fits(entry, unit) or unit in ("个百分点",):
        return None
    qualifier = match.group("pre") or match.group("suf") or ""
    growth = _growth_after(sentence, match.end(), dictionary)
    return Found(
        entry, float(match.group("num")), match.group("num"), unit, growth, qualifier, start, confidence
    )


def _growth_only(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    level = LEVEL.match(sentence, at)
    if level is not None and level.group("unit") and level.group("unit") != "%":
        growth = _growth_after(sentence, level.end(), dictionary)
    else:
        growth = _growth_after(sentence, at, dictionary)
    if growth is None:
        return None
    return Found(entry, None, "", "", growth, "", start, confidence - 0.05)


def _change(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    found = _rate_after(sentence, at, dictionary)
    if found is None:
        return None
    return Found(entry, found[0], found[1], "%", None, "", start, confidence - 0.05)


def _share(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    stop = sentence.find("。", at)
    window = sentence[at : stop if stop >= 0 else len(sentence)]
    match = SHARE.search(window)
    if match is None:
        return None
    between = window[: match.start()]
    if dictionary.pattern.search(between) or ";" in between:
        return None
    rate = GROWTH.search(between)
    growth = None
    if rate is not None and rate.group("unit") == "%":
        growth = float(rate.group("num")) * (-1 if re.fullmatch(_DOWN, rate.group("dir")) else 1)
    return Found(
        entry, float(match.group("num")), match.group("num"), "%", growth, "", start, confidence - 0.1
    )


def _ratio(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    end = _CLAUSE_END.search(sentence, at)
    match = RATIO.search(sentence[at : end.start() if end else len(sentence)])
    if match is None:
        return None
    return Found(entry, float(match.group("num")), match.group("num"), "", None, "", start, confidence - 0.1)


_STRUCTURE = re.compile(rf"({DECIMAL}):({DECIMAL}):({DECIMAL})(?![\d.:])")
_LOST_COLONS = re.compile(r"(?<![\d.])(\d{1,2}\.\d)(\d{1,2}\.\d)(\d{1,2}\.\d)(?![\d.])")


def _structure(entry: Entry, sentence: str, at: int, start: int, confidence: float, dictionary: Dictionary) -> Found | None:
    """ "三次产业结构为19.1:28.3:52.6" (after "调整为" when the old one is given too); the colons a PDF lost
    ("8.743.248.1") are put back only when three one-decimal parts summing to 100 are the one reading."""
    end = re.compile(r"[,;。]").search(sentence, at)  # a colon here separates the parts
    clause = sentence[at : end.start() if end else len(sentence)]
    for word in ("调整为", "变为", "转变为"):
        if word in clause:
            clause = clause[clause.rindex(word) + len(word) :]
    match = _STRUCTURE.search(clause)
    parts = match.groups() if match else None
    if parts is None:
        lost = _LOST_COLONS.search(clause)
        if lost is None or abs(sum(float(p) for p in lost.groups()) - 100) > 0.15:
            return None
        parts, confidence = lost.groups(), confidence - 0.15
    return Found(entry, None, ":".join(parts), "", None, "", start, confidence)


READERS = {
    "level": _level,
    "growth": _growth_only,
    "change": _change,
    "share": _share,
    "ratio": _ratio,
    "structure": _structure,
}


def _clause_start(sentence: str, at: int) -> int:
    cut = max(sentence.rfind(c, 0, at) for c in ",;:。")
    return cut + 1


def _names(items: list[str], dictionary: Dictionary) -> list[Entry] | None:
    """ "第一、二、三产业增加值" → 第一/第二/第三产业增加值; "城镇、农村居民人均可支配收入" → both incomes."""
    last = items[-1]
    lead = items[0][:1]
    found = [dictionary.entry(last) or dictionary.entry(lead + last)]
    for item in items[:-1]:
        entry = None
        for k in range(1, len(last)):
            entry = dictionary.entry(item + last[k:]) or dictionary.entry(lead + item + last[k:])
            if entry:
                break
        found.insert(len(found) - 1, entry)
    named = [e for e in found if e is not None]
    if len(named) != len(found) or len({e.indicator for e in named}) != len(named):
        return None
    return named


def enumerations(sentence: str, dictionary: Dictionary) -> tuple[list[Found], list[tuple[int, int]]]:
    """Figures of "A、B和C分别为x、y和z" forms, and the spans of their names (not to be read again)."""
    found, spans = [], []
    for marker in ENUMERATION.finditer(sentence):
        begin = _clause_start(sentence, marker.start())
        head = sentence[begin : marker.start()]
        names_text = re.sub(r"^(?:其中|全年|全市|全县|全区|全省|年末)+", "", head)
        entries = _names(re.split(r"、|和|与|及", names_text), dictionary) if names_text else None
        values = _values(sentence, marker.end())
        if entries is None or values is None or len(values) != len(entries):
            continue
        growths = _enumerated_growth(sentence, values[-1][2], len(entries))
        spans.append((begin, marker.end()))
        for i, (entry, (number, unit, _end)) in enumerate(zip(entries, values, strict=True)):
            if entry.kind != "level" or not unit_fits(entry, unit):
                continue
            growth = growths[i] if growths else None
            found.append(Found(entry, float(number), number, unit, growth, "", begin, 0.9))
    return found, spans


def _values(sentence: str, at: int) -> list[tuple[str, str, int]] | None:
    values, position = [], at
    while True:
        match = _ENUM_VALUES.match(sentence, position)
        if match is None:
            break
        values.append((match.group("num"), match.group("unit") or "", match.end()))
        position = match.end()
        if not match.group("sep"):
            break
    if len(values) < 2:
        return None
    last_unit = values[-1][1]
    return [(n, u or last_unit, e) for n, u, e in values]


def _enumerated_growth(sentence: str, at: int, count: int) -> list[float] | None:
    match = _ENUM_GROWTH.match(sentence, at)
    if match is None:
        return None
    rates = []
    for value in re.finditer(rf"(?P<num>{NUMBER})(?P<unit>%)?(?P<sep>、|和|及|与)?", sentence[match.end() :]):
        rates.append(float(value.group("num")))
        if not value.group("sep"):
            break
    return rates if len(rates) == count else None


TRUNCATED_CONFIDENCE = 0.5


def _cut_off(entry: Entry, sentence: str, at: int, start: int) -> Found | None:
    """The text stops right after the number (an excerpt cut off before its unit, "就业困难人员就业4.7"):
    the number is proposed without a unit, below the confident threshold, for a reviewer to judge."""
    match = LEVEL.fullmatch(sentence, at)
    if entry.kind != "level" or match is None or match.group("unit") or match.group("suf"):
        return None
    number = match.group("num")
    return Found(entry, float(number), number, "", None, "", start, TRUNCATED_CONFIDENCE)


def read_sentence(sentence: str, dictionary: Dictionary, *, cut_off: bool = False) -> list[Found]:
    """The figures of one sentence; ``cut_off`` when it is the last of a text that stops mid-sentence."""
    found, spans = enumerations(sentence, dictionary)
    for match in dictionary.pattern.finditer(sentence):
        if any(a <= match.start() < b for a, b in spans):
            continue
        allowed, confidence = scope_only(sentence[_clause_start(sentence, match.start()) : match.start()])
        if not allowed:
            continue
        entry = dictionary.entry(match.group())
        if entry is None:  # only an empty dictionary's pattern ("") matches what is no phrase
            continue
        figure = READERS[entry.kind](entry, sentence, match.end(), match.start(), confidence, dictionary)
        if figure is None and cut_off:
            figure = _cut_off(entry, sentence, match.end(), match.start())
        if figure is not None:
            found.append(figure)
    return found
