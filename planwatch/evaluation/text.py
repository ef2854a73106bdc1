"""Number words for reason sentences, formatted for many rows at once.

Each formatter rounds, formats every distinct value once and spreads the strings back, so nine
hundred thousand percentages cost one sort rather than nine hundred thousand format calls.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from planwatch.numbers import scaled_half_up

DASH = "—"
CHINESE_COUNTS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def fixed(values: npt.ArrayLike, decimals: int, *, strip: bool = False, suffix: str = "") -> np.ndarray:
    """Numbers with ``decimals`` places (trailing zeros dropped when ``strip``); NaN → "—".

    Each distinct rounded value is formatted once and spread by table lookup: a float format call
    per row costs ten times as much on 900,000 rows.
    """
    v = np.asarray(values, dtype=float)
    scale = 10**decimals
    ok = np.isfinite(v) & (np.abs(v) * scale < 2**62)
    every = bool(ok.all())
    k = scaled_half_up(v if every else v[ok], decimals)  # half up, the one rule (0.3125 → 31.3%)
    words = _table_words(k, decimals, strip, suffix) if len(k) else np.empty(0, dtype=object)
    if every:
        return words
    out = np.full(v.shape, DASH, dtype=object)
    out[ok] = words
    huge = np.flatnonzero(np.isfinite(v) & ~ok)
    out[huge] = [f"{x:.6g}{suffix}" for x in v[huge].tolist()]
    return out


@lru_cache(maxsize=16)
def _endings(decimals: int, strip: bool, suffix: str) -> np.ndarray:
    """".05%"-style endings for every fraction 0 … 10^decimals − 1."""
    words = [f".{i:0{decimals}d}" if decimals else "" for i in range(10**decimals)]
    if strip:
        words = [w.rstrip("0").rstrip(".") for w in words]
    return np.array([w + suffix for w in words], dtype=object)


def _render(k: np.ndarray, decimals: int, strip: bool, suffix: str) -> np.ndarray:
    """Integer-scaled values (k = value · 10^decimals) as strings: whole part + a table ending."""
    whole, fraction = np.divmod(np.abs(k), 10**decimals)
    words = np.array(list(map(str, whole.tolist())), dtype=object) + _endings(decimals, strip, suffix)[fraction]
    negative = np.flatnonzero(k < 0)
    words[negative] = "-" + words[negative]
    return words


def _table_words(k: np.ndarray, decimals: int, strip: bool, suffix: str) -> np.ndarray:
    """Each distinct value rendered once, spread by a table over their range (or a sort when wide)."""
    lo, hi = int(k.min()), int(k.max())
    if hi - lo < 4 * len(k) + 100_000:
        present = np.zeros(hi - lo + 1, dtype=bool)
        present[k - lo] = True
        distinct = np.flatnonzero(present) + lo
        if len(distinct) > len(k) // 2:  # mostly distinct: spreading would cost more than it saves
            return _render(k, decimals, strip, suffix)
        table = np.empty(hi - lo + 1, dtype=object)
        table[distinct - lo] = _render(distinct, decimals, strip, suffix)
        return table[k - lo]
    distinct, inverse = np.unique(k, return_inverse=True)
    return _render(distinct, decimals, strip, suffix)[inverse]


def ratio(values: npt.ArrayLike, decimals: int = 2) -> np.ndarray:
    """0.8508 → "0.85" (pace ratios)."""
    return fixed(values, decimals)


def percent(fractions: npt.ArrayLike, decimals: int = 1) -> np.ndarray:
    """0.328 → "32.8%"."""
    return fixed(np.asarray(fractions, float) * 100.0, decimals, suffix="%")


def magnitude_percent(fractions: npt.ArrayLike, decimals: int = 2) -> np.ndarray:
    """−0.0327 → "3.27%" (the sign goes into a word: 增长/下降)."""
    return percent(np.abs(np.asarray(fractions, float)), decimals)


def number(values: npt.ArrayLike, decimals: npt.ArrayLike | None = None) -> np.ndarray:
    """A figure at its published precision: ``decimals`` per row (0.73887 at 2 → "0.74", 57.0 at 1 →
    "57.0"); where it is not known (NaN, or no ``decimals``) at most four decimals, trailing zeros
    dropped: 4169.4 → "4169.4", 4716.0 → "4716", 0.635 → "0.635". Never "None" or "nan": "—"."""
    if decimals is None:
        return fixed(values, 4, strip=True)
    v, places = np.asarray(values, dtype=float), np.asarray(decimals, dtype=float)
    out = np.empty(len(v), dtype=object)
    known = np.isfinite(places)
    if (~known).any():
        out[~known] = fixed(v[~known], 4, strip=True)
    for d in np.unique(places[known]).tolist():
        rows = known & (places == d)
        out[rows] = fixed(v[rows], int(min(max(d, 0), 6)))
    return out


def chinese_count(n: int) -> str:
    """How a count of years is read: 2 → 两, 14 → 十四, 23 → 二十三; digits from 100 on."""
    digits = "零一二三四五六七八九"
    if n in CHINESE_COUNTS:
        return CHINESE_COUNTS[n]
    if 10 < n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def year(values: npt.ArrayLike) -> np.ndarray:
    return fixed(values, 0)


def count(values: npt.ArrayLike) -> np.ndarray:
    """2 → "两", 14 → "十四" (as in 余下两年)."""
    v = np.asarray(values, dtype=float)
    out = np.full(v.shape, DASH, dtype=object)
    ok = np.isfinite(v) & (v >= 0) & (v < 1000)
    out[ok] = _count_words()[np.rint(v[ok]).astype(np.int64)]
    return out


@lru_cache(maxsize=1)
def _count_words() -> np.ndarray:
    return np.array([chinese_count(i) for i in range(1000)], dtype=object)


def growth_word(values: npt.ArrayLike) -> np.ndarray:
    """增长 for ≥ 0, 下降 for < 0."""
    return np.where(np.asarray(values, float) < 0, "下降", "增长").astype(object)


Render = Callable[..., str] | str
Column = Sequence[Any] | np.ndarray  # one value per row


def compose(render: Render, *columns: Column) -> np.ndarray:
    """``render(*row)`` for every row of the columns, as an object array.

    ``render`` is a function of the row's values or a template such as ``"{0}年为{1}"`` (numbered
    fields, as ``str.format``), which is filled at f-string speed (see ``_template``).
    """
    out = np.empty(len(columns[0]), dtype=object)
    out[:] = _rows(render, columns)
    return out


def fill(out: np.ndarray, rows: np.ndarray, render: Render, *columns: Column) -> None:
    """``out[rows[i]] = render(*column[i] …)``; each column holds the values of ``rows`` only."""
    if len(rows):
        out[rows] = _rows(render, columns)


def either(condition: npt.ArrayLike, yes: Render, no: Render, *columns: Column) -> np.ndarray:
    """``yes`` for the rows where ``condition`` holds, ``no`` for the others, from the same columns."""
    condition = np.asarray(condition, dtype=bool)
    out = np.empty(len(condition), dtype=object)
    for rows, render in ((np.flatnonzero(condition), yes), (np.flatnonzero(~condition), no)):
        fill(out, rows, render, *(np.asarray(c)[rows] for c in columns))
    return out


def _rows(render: Render, columns: Sequence[Column]) -> list[str]:
    lists = [np.asarray(c).tolist() for c in columns]
    if isinstance(render, str):
        return _template(render, len(lists))(lists)
    return list(map(render, *lists))


_FIELD = re.compile(r"\{(\d+)\}")


@lru_cache(maxsize=256)
def _template(template: str, width: int) -> Callable[[list[list]], list[str]]:
    """A template compiled once into a list comprehension over an f-string.

    ``str.format`` parses its template on every call: over a million reason sentences that costs
    a sixth of the whole evaluation. The templates are the phrasebooks', shipped with the program
    (``planwatch/data/evaluation/phrases.toml``), never input.
    """
    if "{" in _FIELD.sub("", template) or "}" in _FIELD.sub("", template) or width == 0:
        raise ValueError(f"模板只能含编号字段:{template!r}")
    names = [f"a{i}" for i in range(width)]
    body = _FIELD.sub(r"{a\1}", template.replace("\\", "\\\\").replace('"', '\\"'))
    source = f'lambda columns: [f"{body}" for {", ".join(names)}, in zip(*columns, strict=True)]'
    return eval(source, {"zip": zip})  # noqa: S307 - the source is built above from a constant template
