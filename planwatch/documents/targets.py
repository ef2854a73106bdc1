"""Reading a target cell ("年均7.5左右", "〔18〕", ">95", "稳中有升") and a baseline cell.

``parse_target`` never raises: a wording it does not know becomes a qualitative
target with its text kept, so a person can give it a rule instead of the import
failing. The kinds are defined in ``planwatch.plan.model.TargetKind``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from planwatch.documents.normalize import ascii_digits, normalize, squeeze
from planwatch.documents.patterns import NUMBER, YEAR
from planwatch.documents.qualifiers import CLOSING_QUALIFIER
from planwatch.documents.vocabulary import qualitative_words, unit_words
from planwatch.plan.model import QUALITATIVE_WORDS, Attribute, Direction, Target, TargetKind

EMPTY_MARKERS = frozenset({"", "—", "——", "-", "--", "–", "/", "／", "无", "…"})
# Wording that defers the figure to a higher level (按省下达任务执行, 完成国家下达任务).
ASSIGNED_WORDS = ("下达", "按省", "省定", "国家确定")
# Indicator names whose value is a cut: a larger figure is better, a 〔x〕 is a cumulative cut.
REDUCTION_WORDS = ("降幅", "降低", "下降", "减少", "削减", "减排")
# A stock that must be held every year rather than reached once (耕地保有量, 生态保护红线).
FLOOR_NAME_WORDS = ("保有量", "红线", "底线")
# Indicator names that are a rate of growth (地区生产总值增长, 规模以上工业增加值增速): a figure for them
# is a yearly rate, and ">7" a least rate, not a level to hold.
GROWTH_NAME_ENDINGS = ("增长", "增速", "增长率")
# Marks printed after a figure that point to a footnote (60.6* "带*的为2019年数据", 23.2①).
FOOTNOTE_MARKS = "*＊※#＃△▲☆★①②③④⑤⑥⑦⑧⑨⑩"
# A document number (国发〔2021〕3号, broken as 国发〔20213号) and a date whose separators were lost
# (2022127 for 2022年12月7日): never a value or a year.
_DOC_NUMBER = re.compile(rf"(?<=[\u4e00-\u9fff])[〔\[【(（]\s*{YEAR}\s*[〕\]】)）]?\s*\d{{0,4}}\s*号")
_BROKEN_DATE = re.compile(rf"(?<![\d.]){YEAR}(?:0?[1-9]|1[0-2])(?:0?[1-9]|[12]\d|3[01])(?![\d.%])")
_HEAD_SPLIT = re.compile(r"[、，,；;]")
# When the figure is due, written before it: "“十四五”期间累计下降13.5%", "到2025年达到5500亿元". The
# column or the form already says when; the words before the figure are not part of what is asked.
_PERIOD_LEAD = re.compile(
    rf"^(?:[“\"‘'「]?十[一二三四五六七八九]五[”\"’'」]?(?:期间|时期|末)?|(?:到|至|截至|截止)?{YEAR}年(?:末|底)?)"
    r"[,，:：]?(?:达到|实现)?(?=[-+\d〔\[【(（>≥≧＞<≤≦＜不高低累年])"
)

_BRACKETED = re.compile(rf"^[〔\[【(（]\s*({NUMBER})\s*%?\s*[〕\]】)）]$")
_CUMULATIVE_CUT = re.compile(rf"^累计(?:降低|下降|减少)({NUMBER})%?(左右|以上)?$")
_CUMULATIVE = re.compile(rf"^累计(?:新增|增加|增长|完成)?({NUMBER})%?(左右|以上)?$")
_ANNUAL = re.compile(rf"^年均(?:增长|增速|提高)?({NUMBER})%?(左右|以上)?$")
_ABOUT = re.compile(rf"^({NUMBER})%?左右$")
_PLAIN = re.compile(rf"^({NUMBER})%?$")
_LOWER_BOUND = re.compile(rf"^(>=|≥|≧|>|＞|不低于|不少于|高于)({NUMBER})%?$|^({NUMBER})%?(以上)$")
_UPPER_BOUND = re.compile(rf"^(<=|≤|≦|<|＜|不高于|不超过|低于)({NUMBER})%?$|^({NUMBER})%?(以内|以下)$")
_STRICT = frozenset({">", "＞", "高于", "<", "＜", "低于"})
# A second figure after the first ("14230/10150", "99、91"); "2.5/1" is a ratio, one figure.
_SECOND_FIGURE = re.compile(r"[/／、]\s*(?!1(?:\.0+)?$)\d")
_BASELINE = re.compile(rf"^({NUMBER})%?\s*(?:[(（]\s*(\d{{4}})\s*年?\s*[)）])?")


def _canonical(text: str) -> str:
    """The cell as a pattern sees it: no spaces, ASCII digits, no thousands separators."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", ascii_digits(squeeze(text)))


def parse_target(
    text: str,
    *,
    year: int,
    attribute: Attribute = Attribute.EXPECTED,
    name: str = "",
    period: str = "",
    words: tuple[str, ...] = (),
) -> Target:
    """Classify a target cell; see the module docstring and ``TargetKind`` for the kinds.

    One grammar for every form: the figure at the head of the cell ("> 7、力争…" → ">7"), a unit
    after it dropped ("12.3年以上" → "12.3以上"), footnote marks dropped. ``period`` is the role of
    the column the cell came from: "annual" (年均), "cumulative" (累计), "both" (年均/累计) or "" (a
    target-year column).
    ``words`` are extra qualitative words for this plan (see ``vocabulary``).
    """
    shown = normalize(text or "")
    cell = _canonical(shown)
    head = target_head(cell)
    found = _empty_or_assigned(cell, attribute, name)
    if found is None and not _has_figure(head):
        found = _qualitative_words(cell, (*qualitative_words(), *words))
    if found is None:
        found = _figure(head, attribute, name, period)
    if found is not None:
        kind, value, qualifier, strict = found
        return Target(kind=kind, text=shown, year=year, value=value, qualifier=qualifier, strict=strict)
    return Target(kind=TargetKind.QUALITATIVE, text=shown, year=year)


def strip_references(text: str) -> str:
    """Remove document numbers (国发〔2021〕3号, 国发〔20213号) and broken dates (2022127)."""
    return _BROKEN_DATE.sub("", _DOC_NUMBER.sub("", text))


def target_head(cell: str) -> str:
    """The figure part of a canonical cell: references and a leading "“十四五”期间" or "到2025年"
    removed, the clause after 、/， dropped when the head alone is a figure, footnote marks and the unit after the number removed."""
    cell = _PERIOD_LEAD.sub("", strip_references(cell), count=1)
    parts = _HEAD_SPLIT.split(cell, maxsplit=1)
    head = parts[0] if len(parts) > 1 and _has_figure(_clean(parts[0])) else cell
    return _clean(head)


def _clean(text: str) -> str:
    text = text.rstrip(FOOTNOTE_MARKS)
    return _unit_pattern().sub(lambda m: m.group(1), text)


def _has_figure(head: str) -> bool:
    return any(
        rule(head)
        for rule in (
            _BRACKETED.match,
            _CUMULATIVE_CUT.match,
            _CUMULATIVE.match,
            _ANNUAL.match,
            _LOWER_BOUND.match,
            _UPPER_BOUND.match,
            _ABOUT.match,
            _PLAIN.match,
        )
    )


_UNIT_RE: list[re.Pattern[str]] = []


def _unit_pattern() -> re.Pattern[str]:
    """A number followed by a unit word ("12.3年", "180万吨"), the unit to be dropped."""
    if not _UNIT_RE:
        units = sorted((u for u in unit_words() if u not in {"%", "‰"}), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, units))
        _UNIT_RE.append(
            re.compile(
                rf"(\d(?:\.\d+)?%?)(?:[万亿千百]{{0,2}}(?:{alternatives})|[万亿])(?={CLOSING_QUALIFIER}|[〕\]】)）]|$)"
            )
        )
    return _UNIT_RE[0]


def _figure(head: str, attribute: Attribute, name: str, period: str) -> _Found:
    for rule in (_cumulative, _annual, _bound, _number):
        found = rule(head, attribute, name)
        if found is not None:
            return _in_context(found, head, name, period)
    return None


# The column a target of each kind is read in (``parse_target``'s ``period``): a figure typed to replace
# a 年均 target is a yearly rate, one replacing a 累计 target a period total, as in the plan's table.
_PERIOD_OF_KIND = {
    TargetKind.ANNUAL_GROWTH: "annual",
    TargetKind.CUMULATIVE: "cumulative",
    TargetKind.CUMULATIVE_REDUCTION: "cumulative",
}


def period_of(kind: str) -> str:
    """The column role that reads a bare figure as a target of ``kind``: "annual", "cumulative" or ""."""
    return _PERIOD_OF_KIND.get(TargetKind(kind), "") if kind in TargetKind._value2member_map_ else ""


def is_growth(name: str) -> bool:
    """地区生产总值增长, 规模以上工业增加值增速: the indicator is a yearly rate of growth."""
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", name).strip()
    return bare.endswith(GROWTH_NAME_ENDINGS)


def _in_context(
    found: tuple[TargetKind, float | None, str, bool], head: str, name: str, period: str
) -> tuple[TargetKind, float | None, str, bool]:
    """A figure read in its column and for its indicator: in a 年均 column or for a growth indicator a
    bare or bounded figure is a yearly rate; in a 累计 column a bare figure is a period total."""
    kind, value, qualifier, strict = found
    bare = kind in (TargetKind.LEVEL, TargetKind.ABOUT, TargetKind.FLOOR)
    # In a "年均/累计" column a period total is printed in brackets (〔18〕, read above), so a plain figure
    # ("7.5", "7%左右") is the yearly rate; a bound ("<5.5") may be a level held each year: the name decides.
    plain_in_both = period == "both" and kind in (TargetKind.LEVEL, TargetKind.ABOUT)
    if bare and period == "cumulative":
        kind = TargetKind.CUMULATIVE_REDUCTION if is_reduction(name) else TargetKind.CUMULATIVE
    elif (
        bare
        and (period == "annual" or plain_in_both or is_growth(name))
        and not any(w in name for w in FLOOR_NAME_WORDS)
    ):
        kind = TargetKind.ANNUAL_GROWTH
    return kind, value, qualifier, strict


_Found = tuple[TargetKind, float | None, str, bool] | None


def _empty_or_assigned(cell: str, attribute: Attribute, name: str) -> _Found:
    """An empty binding cell waits for the province's figure; an empty expected one has none."""
    if cell in EMPTY_MARKERS:
        kind = TargetKind.ASSIGNED if attribute is Attribute.BINDING else TargetKind.UNSPECIFIED
        return kind, None, "", False
    if any(word in cell for word in ASSIGNED_WORDS):
        return TargetKind.ASSIGNED, None, "", False
    return None


def is_known_wording(text: str, words: tuple[str, ...] = ()) -> bool:
    """Whether a figure-less target says one of the qualitative words (shipped or this plan's own)."""
    cell = _canonical(normalize(text or ""))
    return any(word in cell for word in (*QUALITATIVE_WORDS, *qualitative_words(), *words))


def _qualitative_words(cell: str, words: tuple[str, ...]) -> _Found:
    if any(word in cell for word in (*QUALITATIVE_WORDS, *words)):
        return TargetKind.QUALITATIVE, None, "", False
    return None


def _cumulative(cell: str, attribute: Attribute, name: str) -> _Found:
    """〔x〕 is a five-year total: a total cut on a 降低 indicator, a total addition otherwise."""
    if match := _BRACKETED.match(cell):
        kind = TargetKind.CUMULATIVE_REDUCTION if is_reduction(name) else TargetKind.CUMULATIVE
        return kind, float(match.group(1)), "", False
    if match := _CUMULATIVE_CUT.match(cell):
        return TargetKind.CUMULATIVE_REDUCTION, float(match.group(1)), match.group(2) or "", False
    if match := _CUMULATIVE.match(cell):
        kind = TargetKind.CUMULATIVE_REDUCTION if is_reduction(name) else TargetKind.CUMULATIVE
        return kind, float(match.group(1)), match.group(2) or "", False
    return None


def _annual(cell: str, attribute: Attribute, name: str) -> _Found:
    if match := _ANNUAL.match(cell):
        return TargetKind.ANNUAL_GROWTH, float(match.group(1)), match.group(2) or "", False
    return None


def _bound(cell: str, attribute: Attribute, name: str) -> _Found:
    """ ">95", "≥90", "95以上" hold every year; "<5.5", "5.5以内" too, from the other side.

    Both are ``floor`` targets (a bound to hold every year); an upper bound makes the
    indicator's direction ``lower`` (see ``infer_direction``), so it reads as a ceiling.
    """
    for pattern in (_LOWER_BOUND, _UPPER_BOUND):
        if match := pattern.match(cell):
            sign, number = (
                (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(3))
            )
            return TargetKind.FLOOR, float(number), sign, sign in _STRICT
    return None


def _number(cell: str, attribute: Attribute, name: str) -> _Found:
    if match := _ABOUT.match(cell):
        return TargetKind.ABOUT, float(match.group(1)), "左右", False
    if match := _PLAIN.match(cell):
        kind = TargetKind.FLOOR if any(word in name for word in FLOOR_NAME_WORDS) else TargetKind.LEVEL
        return kind, float(match.group(1)), "", False
    return None


def is_reduction(name: str) -> bool:
    """降幅/降低 indicators measure a cut, so a larger figure is the better one."""
    return any(word in name for word in REDUCTION_WORDS)


def is_upper_bound(target: Target) -> bool:
    return target.kind is TargetKind.FLOOR and target.qualifier in {
        "<=",
        "≤",
        "≦",
        "<",
        "＜",
        "不高于",
        "不超过",
        "低于",
        "以内",
        "以下",
    }


def infer_direction(
    name: str, target: Target, baseline: float | None, overrides: Mapping[str, Direction | str] | None = None
) -> Direction:
    """Which way is progress: the override if given; cuts are 'higher'; a target below its baseline is 'lower'.

    城乡居民人均可支配收入比 2.74 → 2.6 is 'lower'; 单位GDP能源消耗降幅 is 'higher' (a bigger cut
    is better); growth rates are 'higher' even when the target rate is below the base-year rate.
    """
    if overrides and name in overrides:
        return Direction(overrides[name])
    if is_reduction(name):
        return Direction.HIGHER
    if is_upper_bound(target):
        return Direction.LOWER
    # A floor (">95", 耕地保有量) is a lower bound: higher is better even below the baseline.
    level_kinds = (TargetKind.LEVEL, TargetKind.ABOUT)
    if (
        target.kind in level_kinds
        and target.value is not None
        and baseline is not None
        and target.value < baseline
    ):
        return Direction.LOWER
    return Direction.HIGHER


def parse_baseline(
    text: str, default_year: int | None, marks: Mapping[str, int] | None = None
) -> tuple[float | None, int | None, str]:
    """ "30.3 (2020)" → (30.3, 2020, "30.3 (2020)"); "4169.4" → (4169.4, default year); "" → (None, None, "").

    Also "〔17.7〕" (a period total as the baseline), "12.3年以上" / "11.4年" (a unit after the
    number) and "60.6*" (a footnote mark): ``marks`` maps a mark to the year its footnote gives
    ("带*的为2019年数据" → {"*": 2019}).
    """
    shown = normalize(text or "")
    cell = strip_references(_canonical(shown))
    if cell in EMPTY_MARKERS:
        return None, None, shown
    bracketed = _BRACKETED.match(cell)
    if bracketed:
        cell = bracketed.group(1)
    mark = next((m for m in FOOTNOTE_MARKS if m in cell), "")
    cell = _unit_pattern().sub(lambda m: m.group(1), cell.replace(mark, "") if mark else cell)
    match = _BASELINE.match(cell)
    if match is None or _SECOND_FIGURE.match(cell, match.end()):
        return None, None, shown  # "14230/10150" holds two figures: neither is this row's baseline
    year = int(match.group(2)) if match.group(2) else default_year
    if mark and marks and mark in marks and not match.group(2):
        year = marks[mark]
    return float(match.group(1)), year, shown


def unit_after_number(text: str) -> str:
    """The unit printed after a figure: "12.3年以上" → "年", "180万吨" → "万吨", "95%" → "%"; else ""."""
    cell = _canonical(normalize(text or ""))
    units = sorted(unit_words(), key=len, reverse=True)
    match = re.search(
        rf"\d(?:\.\d+)?((?:[万亿千百]{{0,2}})(?:{'|'.join(map(re.escape, units))})|[万亿](?![\u4e00-\u9fff]))",
        cell,
    )
    return match.group(1) if match else ""


_FOOTNOTE_YEAR = re.compile(
    rf"(?:带|标)?\s*([{re.escape(FOOTNOTE_MARKS)}])\s*(?:号)?\s*(?:的|者)?\s*(?:指标|数据|数值|为|是|系)*\s*({YEAR})\s*年"
)


def footnote_years(notes: Sequence[str]) -> dict[str, int]:
    """Footnote marks and the year each stands for: "②带*的为2019年数据" → {"*": 2019}."""
    found: dict[str, int] = {}
    for note in notes:
        for match in _FOOTNOTE_YEAR.finditer(_canonical(normalize(note))):
            found.setdefault(match.group(1), int(match.group(2)))
    return found
