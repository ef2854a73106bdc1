"""Pieces of regular expressions for the years and figures that plans and bulletins print.

The readers build their patterns from these so that they agree on what a year and a figure are: a
plan reader that took 2035 for a year while the bulletin reader did not, or a target cell read with
its sign and a bulletin table cell without it, would disagree about the same document. Each reader
adds the context that tells a year from a count (``2025年``, ``到2025``, ``2021—2025``).
"""

from __future__ import annotations

import re

# A calendar year as the documents write it: 1900–2099.
YEAR = r"(?:19|20)\d{2}"
# A figure with no sign: "7", "7.5".
DECIMAL = r"\d+(?:\.\d+)?"
# A figure that may carry its sign: "-0.3", "+5", "6.5".
NUMBER = rf"[-+]?{DECIMAL}"
# The N-th five-year plan as a title or a column names it: 十四五, “十三五”末, 第十四个五年规划.
FIVE_YEAR_PLAN = r"十[一二三四五六七八九]个?五"
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])个?五")


def five_year_plan_end(text: str) -> int | None:
    """The last year of the five-year plan ``text`` names, None when it names none.

    The 14th plan (十四五) runs 2021–2025 and each plan is the five years after the one before, so the
    N-th ends in 2025 + 5 × (N − 14): 十三五 → 2020, 十四五 → 2025, 十五五 → 2030.
    """
    match = _FIVE_YEAR_PLAN.search(text)
    if match is None:
        return None
    n = 10 + "一二三四五六七八九".index(match.group(1)) + 1
    return 2025 + 5 * (n - 14)
