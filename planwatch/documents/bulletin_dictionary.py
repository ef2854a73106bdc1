"""The dictionary of indicator names a bulletin is read with (pure; no Django).

It ships as data (``planwatch/data/bulletins/synonyms.csv``, columns in the README beside it);
planners add written forms in the web app, and those are merged in at read time
(``Dictionary.with_extra``), so a new spelling needs no release.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path

from planwatch.data import DATA_DIR

SYNONYMS_FILE = DATA_DIR / "bulletins" / "synonyms.csv"
KINDS = ("level", "growth", "change", "share", "ratio", "structure")


@dataclass(frozen=True)
class Entry:
    """One indicator as bulletins write it."""

    indicator: str
    kind: str
    unit: str
    phrases: tuple[str, ...]
    plan_names: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Dictionary:
    entries: tuple[Entry, ...]
    _by_phrase: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for phrase in entry.phrases:
                self._by_phrase.setdefault(phrase, entry)

    def entry(self, phrase: str) -> Entry | None:
        """The entry a written form belongs to (exact match)."""
        return self._by_phrase.get(phrase)

    def named(self, indicator: str) -> Entry | None:
        return next((e for e in self.entries if e.indicator == indicator), None)

    def canonical(self, name: str) -> str:
        """The standard name for any written form or standard name ('' when unknown)."""
        found = self.entry(name) or self.named(name)
        return found.indicator if found else ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(tuple(sorted(self._by_phrase, key=len, reverse=True)))

    def with_extra(self, extra: Iterable[tuple[str, str]]) -> Dictionary:
        """The dictionary with more written forms, ``(indicator, phrase)`` pairs (the planners' additions);
        a pair naming an unknown indicator is ignored, a phrase already known is kept where it was."""
        added: dict[str, list[str]] = {}
        for indicator, phrase in extra:
            phrase = phrase.strip()
            if phrase and self.named(indicator) and self.entry(phrase) is None:
                added.setdefault(indicator, []).append(phrase)
        if not added:
            return self
        return Dictionary(
            tuple(replace(e, phrases=e.phrases + tuple(added.get(e.indicator, ()))) for e in self.entries)
        )


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in phrases))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


def read_dictionary(path: Path = SYNONYMS_FILE) -> Dictionary:
    """Read a synonyms file; a bad row is refused with a message naming the file, line and column."""
    entries = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = (row.get("kind") or "").strip()
            if kind not in KINDS:
                raise ValueError(f"{path.name} 第{line}行 kind 列:「{kind}」不是 {'、'.join(KINDS)} 之一")
            if not _split(row.get("phrases", "")):
                raise ValueError(f"{path.name} 第{line}行 phrases 列:至少要有一种写法")
            entries.append(
                Entry(
                    row["indicator"].strip(),
                    kind,
                    (row.get("unit") or "").strip(),
                    _split(row["phrases"]),
                    _split(row.get("plan_names", "")),
                    (row.get("note") or "").strip(),
                )
            )
    return Dictionary(tuple(entries))


@cache
def default_dictionary() -> Dictionary:
    return read_dictionary()
