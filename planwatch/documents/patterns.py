"""Pieces of regular expressions for the years and figures that plans and bulletins print.

The readers build their patterns from these so that they agree on what a year and a figure are: a
plan reader that took 2035 for a year while the bulletin reader did not, or a target cell read with
its sign and a bulletin table cell without it, would disagree about the same document. Each reader
adds the context that tells a year from a count (``2025年``, ``到2025``, ``2021—2025``).
"""

from __future__ import annotations

# A calendar year as the documents write it: 1900–2099.
YEAR = r"(?:19|20)\d{2}"
# A figure with no sign: "7", "7.5".
DECIMAL = r"\d+(?:\.\d+)?"
# A figure that may carry its sign: "-0.3", "+5", "6.5".
NUMBER = rf"[-+]?{DECIMAL}"
