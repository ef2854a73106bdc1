"""Number words for reason sentences, formatted for many rows at once.

Each formatter rounds, formats every distinct value once and spreads the strings back, so nine
hundred thousand percentages cost one sort rather than nine hundred thousand format calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

DASH = "—"
CHINESE_COUNTS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def _spread(values: np.ndarray, decimals: int, render: Callable[[float], str]) -> np.ndarray:
    values = np.round(np.asarray(values, dtype=float), decimals) + 0.0  # + 0.0 turns −0.0 into 0.0
    out = np.full(len(values), DASH, dtype=object)
    finite = np.isfinite(values)
    if finite.any():
        distinct, inverse = np.unique(values[finite], return_inverse=True)
        out[finite] = np.array([render(v) for v in distinct], dtype=object)[inverse]
    return out


def percent(fractions, decimals: int = 1) -> np.ndarray:
    """0.328 → "32.8%"."""
    return _spread(np.asarray(fractions, float) * 100.0, decimals, lambda v: f"{v:.{decimals}f}%")


def magnitude_percent(fractions, decimals: int = 2) -> np.ndarray:
    """−0.0327 → "3.27%" (the sign goes into a word: 增长/下降)."""
    return percent(np.abs(np.asarray(fractions, float)), decimals)


def number(values) -> np.ndarray:
    """4169.4 → "4169.4", 5500.0 → "5500", 0.635 → "0.635" (at most four decimals)."""
    return _spread(values, 4, lambda v: f"{v:.4f}".rstrip("0").rstrip("."))


def chinese_count(n: int) -> str:
    """How a count of years is read: 2 → 两, 14 → 十四, 23 → 二十三; digits from 100 on."""
    digits = "零一二三四五六七八九"
    if n in CHINESE_COUNTS:
        return CHINESE_COUNTS[n]
    if 10 < n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def year(values) -> np.ndarray:
    return _spread(values, 0, lambda v: str(int(v)))


def count(values) -> np.ndarray:
    """2 → "两", 14 → "十四" (as in 余下两年)."""
    return _spread(values, 0, lambda v: chinese_count(int(v)))


def growth_word(values) -> np.ndarray:
    """增长 for ≥ 0, 下降 for < 0."""
    return np.where(np.asarray(values, float) < 0, "下降", "增长").astype(object)


def fill(out: np.ndarray, rows: np.ndarray, render: Callable[..., str], *columns: Sequence) -> None:
    """``out[rows[i]] = render(*column[i] …)``; each column holds the values of ``rows`` only."""
    if len(rows):
        lists = [np.asarray(c).tolist() for c in columns]
        out[rows] = [render(*values) for values in zip(*lists, strict=True)]
