"""Read a statistical bulletin (统计公报) into proposed figures, each with its sentence (pure; no Django).

    reading = read_bulletin(text)                      # or read_bulletin_file(path): .txt, .html, .pdf
    reading.region_name, reading.year                  # from the title, or given: region="于都县", year=2023
    reading.proposals                                  # every dictionary indicator found
    for_plan(reading, [("GDP", "亿元"), ...])          # those the loaded plan needs, in the plan's units

Contract:
- A proposal is a figure *as stated*: the exact sentence, its number and offset in the cleaned text, a
  confidence (``CONFIDENT`` and above may be accepted in one pass), the value and unit as printed and
  normalised to the dictionary's unit (万元 → 亿元, exact decimals), the growth rate stated beside it,
  and the qualifier (以上, 左右, 约 …).
- A figure that cannot be read for sure is left out, never guessed: no unit, a unit of another
  dimension, names and numbers of an enumeration that do not pair up, a growth with no level.
- Derived only what is defined: 城乡居民人均可支配收入比 = urban ÷ rural income when the same bulletin
  states both levels. Nothing is inferred from a growth rate alone.
- The region may be any of China's divisions (``divisions.china()``), not only the loaded plan's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from planwatch.documents.bulletin_dictionary import Dictionary, default_dictionary
from planwatch.documents.bulletin_sentence import Found, read_sentence
from planwatch.documents.bulletin_tables import read_tables
from planwatch.documents.bulletin_text import Sentence, clean_text, sentences
from planwatch.documents.divisions import Division, china
from planwatch.documents.normalize import ends_paragraph
from planwatch.documents.patterns import YEAR
from planwatch.documents.units import UnitError, convert_decimal, normalise_unit

CONFIDENT = 0.8
RATIO_INDICATOR = "城乡居民人均可支配收入比"
_URBAN, _RURAL = "城镇居民人均可支配收入", "农村居民人均可支配收入"
_YEAR_IN_TITLE = re.compile(rf"({YEAR})\s*年(?:度)?[\u4e00-\u9fff]{{0,14}}?国民经济和社会发展统计公报")
_ANY_YEAR = re.compile(rf"(?<!\d)({YEAR})年")
# The issuer's line under the title, as cleaned (spaces between Chinese words dropped):
# "赣州市统计局国家统计局赣州调查队", "来源:兴国县统计局发布时间:…". A sentence ("经市统计局统一核算,…")
# never matches: the bureau's name must end the line or be followed by the survey team or 发布.
_ISSUER = re.compile(r"^(?:来源[::]\s*)?([\u4e00-\u9fff]{0,20}?统计局)(?=$|\s|国家统计局|发布|[((])")


@dataclass(frozen=True)
class Proposal:
    """One figure a bulletin states, as a reviewer needs to judge it."""

    indicator: str
    kind: str
    value: float | None  # normalised to ``unit``; None when only a growth rate is stated
    unit: str
    original_value: str  # as printed
    original_unit: str
    growth_rate: float | None  # % stated beside the level ("比上年增长4.7%")
    qualifier: str
    sentence: str
    sentence_number: int
    offset: int
    confidence: float
    derived: bool = False

    @property
    def figure(self) -> float | None:
        """The number the indicator takes: the level, or for a growth-kind indicator the rate."""
        return self.growth_rate if self.kind == "growth" else self.value

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT

    def as_dict(self) -> dict:
        return asdict(self) | {"figure": self.figure, "confident": self.confident}


@dataclass(frozen=True)
class Reading:
    title: str
    region: Division | None
    year: int | None
    proposals: tuple[Proposal, ...]
    problems: tuple[str, ...] = field(default=())
    issuer: str = ""  # the statistics bureau that issued it, when a line under the title names it

    @property
    def region_name(self) -> str:
        return self.region.name if self.region else ""


@dataclass(frozen=True)
class PlanProposal:
    """A proposal for an indicator of the loaded plan, in the plan's unit."""

    plan_indicator: str
    value: float
    unit: str
    proposal: Proposal


def _title(cleaned: str) -> str:
    for line in cleaned.splitlines()[:12]:
        at = line.find("统计公报")
        if at >= 0:
            return line[: at + 4].lstrip("《〈 ")
    return next((line for line in cleaned.splitlines() if line.strip()), "")[:60]


def _issuer(cleaned: str, title: str) -> str:
    """The statistics bureau named on one of the few lines after the title, or "" (never guessed)."""
    lines = [line.strip() for line in cleaned.splitlines() if line.strip()][:6]
    after = next((i + 1 for i, line in enumerate(lines) if title and title in line), 1)
    for line in lines[after : after + 3]:
        found = _ISSUER.match(line)
        if found:
            return found.group(1)
    return ""


def _year(title: str, cleaned: str) -> int | None:
    found = _YEAR_IN_TITLE.search(title) or _YEAR_IN_TITLE.search(cleaned[:2000]) or _ANY_YEAR.search(title)
    return int(found.group(1)) if found else None


def _region(title: str) -> Division | None:
    return china().region_of(_YEAR_IN_TITLE.sub("", title) or title) if title else None


def region_named(name: str) -> Division | None:
    """A division from a name the user types ("于都县", "江西省赣州市于都县")."""
    return china().region_of(name.strip()) if name and name.strip() else None


def _normalised(found: Found) -> tuple[float | None, str]:
    if found.value is None:
        return None, ""
    target = found.entry.unit or found.unit
    try:
        if found.unit and target and normalise_unit(found.unit) != normalise_unit(target):
            return float(convert_decimal(found.number_text, found.unit, target)), target
    except UnitError:
        pass
    return found.value, found.unit


def _proposal(found: Found, sentence: Sentence) -> Proposal:
    value, unit = _normalised(found)
    return Proposal(
        indicator=found.entry.indicator,
        kind=found.entry.kind,
        value=value,
        unit=unit,
        original_value=found.number_text,
        original_unit=found.unit,
        growth_rate=found.growth,
        qualifier=found.qualifier,
        sentence=sentence.text,
        sentence_number=sentence.number,
        offset=sentence.offset + found.start,
        confidence=round(found.confidence, 2),
    )


def _table_proposals(cleaned: str, dictionary: Dictionary, seen: set[str]) -> list[Proposal]:
    """Rows of one-cell-per-line tables (``bulletin_tables``); the sentence is the row as printed."""
    starts = [0]
    for line in cleaned.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    made = []
    for row in read_tables(cleaned, dictionary):
        if row.indicator in seen:
            continue
        seen.add(row.indicator)
        place = Sentence(0, starts[row.line], row.row_text)
        made.append(replace(_proposal(row.found, place), indicator=row.indicator))
    return made


def _derived_ratio(proposals: list[Proposal]) -> Proposal | None:
    by_name = {p.indicator: p for p in proposals}
    urban, rural = by_name.get(_URBAN), by_name.get(_RURAL)
    if RATIO_INDICATOR in by_name or not urban or not rural or not urban.value or not rural.value:
        return None
    if urban.unit != rural.unit:
        return None
    ratio = round(urban.value / rural.value, 2)
    quote = urban.sentence if urban.sentence == rural.sentence else f"{urban.sentence}……{rural.sentence}"
    return Proposal(
        RATIO_INDICATOR,
        "ratio",
        ratio,
        "",
        f"{ratio:g}",
        "",
        None,
        "",
        quote,
        urban.sentence_number,
        urban.offset,
        min(urban.confidence, rural.confidence),
        derived=True,
    )


def read_bulletin(
    text: str,
    *,
    region: str | Division | None = None,
    year: int | None = None,
    dictionary: Dictionary | None = None,
) -> Reading:
    """Every dictionary indicator the bulletin states, first statement of each, in text order."""
    dictionary = dictionary or default_dictionary()
    cleaned = clean_text(text)
    title = _title(cleaned)
    division = region_named(region) if isinstance(region, str) else region
    # A title without a place ("2023年国民经济和社会发展统计公报") names it in the issuer's line below.
    division = division or _region(title) or _region("\n".join(cleaned.splitlines()[:4])[:200])
    year = year or _year(title, cleaned)
    proposals: list[Proposal] = []
    seen: set[str] = set()
    every = sentences(cleaned)
    for sentence in every:
        cut_off = sentence is every[-1] and not ends_paragraph(sentence.text)
        found_here = read_sentence(sentence.text, dictionary, cut_off=cut_off)
        for found in sorted(found_here, key=lambda f: f.start):
            if found.entry.indicator not in seen:
                seen.add(found.entry.indicator)
                proposals.append(_proposal(found, sentence))
    proposals += _table_proposals(cleaned, dictionary, seen)
    ratio = _derived_ratio(proposals)
    if ratio:
        proposals.append(ratio)
    problems = []
    if division is None:
        problems.append("未能从标题确定地区,请指定地区(--region)")
    if year is None:
        problems.append("未能从标题确定年份,请指定年份(--year)")
    return Reading(title, division, year, tuple(proposals), tuple(problems), issuer=_issuer(cleaned, title))


def _plan_match(entry_names: tuple[str, ...], indicator: str, plan_names: dict[str, str]) -> str:
    for name in (*entry_names, indicator):
        if name in plan_names:
            return plan_names[name]
    return ""


def for_plan(
    reading: Reading, indicators: Iterable[tuple[str, str]], *, dictionary: Dictionary | None = None
) -> tuple[list[PlanProposal], str]:
    """The proposals the plan's indicators need, in each indicator's unit, and a message for the user.

    A figure whose unit cannot become the indicator's (亿美元 for a 亿元 indicator) is left out and
    named in the message."""
    dictionary = dictionary or default_dictionary()
    plan_names = {name: name for name, _unit in indicators}
    units = dict(indicators)
    chosen: dict[str, PlanProposal] = {}
    notes = []
    for proposal in reading.proposals:
        entry = dictionary.named(proposal.indicator)
        target = _plan_match(entry.plan_names if entry else (), proposal.indicator, plan_names)
        if not target or target in chosen or proposal.figure is None:
            continue
        if proposal.kind == "level" and not proposal.original_unit and units[target]:
            notes.append(f"「{proposal.indicator}」{proposal.original_value}:原文没有单位(节选在此截断)")
            continue
        unit = proposal.unit if proposal.kind != "growth" else "%"
        try:
            value = (
                float(convert_decimal(repr(proposal.figure), unit, units[target]))
                if unit and units[target] and normalise_unit(unit) != normalise_unit(units[target])
                else proposal.figure
            )
        except UnitError as error:
            notes.append(f"「{proposal.indicator}」{proposal.original_value}{proposal.original_unit}:{error}")
            continue
        chosen[target] = PlanProposal(target, value, units[target] or unit, proposal)
    found = list(chosen.values())
    name = reading.title or "公报"
    if not found:
        message = f"《{name}》中没有找到规划指标的数值(识别出其他指标{len(reading.proposals)}项)"
    else:
        message = f"《{name}》:找到规划指标{len(found)}项"
    if notes:
        message += ";未采用:" + ";".join(notes)
    return found, message


def with_plan_values(reading: Reading, proposals: list[PlanProposal]) -> list[dict]:
    """Rows for JSON and tables: the plan indicator and its value beside the proposal's fields."""
    return [
        replace(p.proposal).as_dict()
        | {"plan_indicator": p.plan_indicator, "plan_value": p.value, "plan_unit": p.unit}
        for p in proposals
    ]
