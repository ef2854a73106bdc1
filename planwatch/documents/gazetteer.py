"""Place names in plan text: which counties a task or a 专栏 item concerns.

The list of places (codes, short names, OCR slips, words that only look like a
place) is data, in ``planwatch/data/regions/*.csv`` (columns described in the
README there); this module only knows how to match it. Text is first corrected
for the OCR slips (寻鸟 → 寻乌), then scanned for the longest name at each point,
so 赣州经济技术开发区 wins over 赣州 and 赣县区 over 赣县.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from planwatch.data import DATA_DIR

if TYPE_CHECKING:
    from planwatch.documents.divisions import Division, Divisions

GANZHOU_REGIONS = DATA_DIR / "regions" / "ganzhou.csv"


@dataclass(frozen=True)
class Region:
    """A row of the region list: a city, county-level unit or functional zone."""

    key: str
    code: str
    name: str
    kind: str
    parent_code: str = ""
    short_names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    former_codes: tuple[str, ...] = ()
    ocr_slips: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    note: str = ""

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.name, *self.short_names, *self.former_names)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def read_regions(path: Path) -> tuple[Region, ...]:
    """Rows of a region CSV as ``Region`` objects."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(
            Region(
                key=row["key"],
                code=row["code"],
                name=row["name"],
                kind=row["kind"],
                parent_code=row.get("parent_code", ""),
                short_names=_split(row.get("short_names")),
                former_names=_split(row.get("former_names")),
                former_codes=_split(row.get("former_codes")),
                ocr_slips=_split(row.get("ocr_slips")),
                not_in=_split(row.get("not_in")),
                note=row.get("note", ""),
            )
            for row in csv.DictReader(handle)
        )


class Gazetteer:
    """Finds places in text; ``find`` returns canonical names in order of first appearance."""

    def __init__(self, regions: tuple[Region, ...]) -> None:
        self.regions = regions
        self._by_alias = {alias: region for region in regions for alias in region.aliases}
        names = sorted(self._by_alias, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, names))) if names else None
        self._slips = [(slip, (r.short_names or (r.name,))[0]) for r in regions for slip in r.ocr_slips]

    def correct(self, text: str) -> str:
        """Replace known OCR slips: "寻鸟抽水蓄能" → "寻乌抽水蓄能"."""
        for slip, right in self._slips:
            text = text.replace(slip, right)
        return text

    def find(self, text: str) -> tuple[str, ...]:
        found: dict[str, None] = {}
        if self._pattern is None:
            return ()
        corrected = self.correct(text)
        for match in self._pattern.finditer(corrected):
            region = self._by_alias[match.group()]
            if not _inside_other_word(corrected, match, region):
                found.setdefault(region.name)
        return tuple(found)

    def leading_name(self, text: str) -> str | None:
        """The place name a title begins with, as printed ("赣州革命老区…" → "赣州")."""
        if self._pattern is None:
            return None
        match = self._pattern.match(self.correct(text))
        return match.group() if match else None

    def region(self, name: str) -> Region:
        return self._by_alias[name]


def _inside_other_word(text: str, match: re.Match[str], region: Region) -> bool:
    """True when the name is part of a longer word listed in the region's ``not_in``."""
    for word in region.not_in:
        offset = word.find(match.group())
        start = match.start() - offset
        if offset >= 0 and start >= 0 and text[start : start + len(word)] == word:
            return True
    return False


def _overlay_files() -> list[Path]:
    """Region lists kept beside the division table: extra names for one region (functional zones,
    OCR slips, look-alike words), applied when a plan is about that region."""
    return sorted(p for p in (DATA_DIR / "regions").glob("*.csv") if p.name != "china-divisions.csv")


@lru_cache(maxsize=64)
def gazetteer_for(code: str | None) -> Gazetteer:
    """The places a plan of the region ``code`` names: its county-level units (a county plan: the
    county itself; the country: its provinces), from China's division table, plus the overlay list
    (``planwatch/data/regions/*.csv``) whose rows include that region's code, if there is one."""
    from planwatch.documents.divisions import COUNTRY_CODE, china

    if not code:
        return Gazetteer(())
    divisions = china()
    region = divisions.by_code.get(code)
    if region is None:
        return Gazetteer(())
    if region.level == "county":
        units = [region]
    elif code == COUNTRY_CODE:
        units = divisions.parts_of(code)
    else:
        units = [d for d in _descendants(divisions, code) if d.level == "county"]
    overlay: tuple[Region, ...] = ()
    for path in _overlay_files():
        rows = read_regions(path)
        if any(row.code == code for row in rows):
            overlay = rows
            break
    taken = {c for row in overlay for c in (row.code, *row.former_codes) if c}
    extra = tuple(
        Region(
            key=d.code,
            code=d.code,
            name=d.name,
            kind=d.level,
            parent_code=d.parent_code,
            short_names=(d.short_name,) if d.short_name != d.name else (),
        )
        for d in units
        if d.code not in taken
    )
    return Gazetteer((*overlay, *extra))


def _descendants(divisions: Divisions, code: str) -> list[Division]:
    out = []
    for child in divisions.children(code):
        out.append(child)
        out.extend(_descendants(divisions, child.code))
    return out


@lru_cache(maxsize=8)
def load_gazetteer(path: Path = GANZHOU_REGIONS) -> Gazetteer:
    """The gazetteer of a region list (Ganzhou by default), read once per process."""
    return Gazetteer(read_regions(path))
