"""What may be stored: finite numbers of a sane size and text without invisible tricks.

One home for the two checks every entry path (web form, upload, API, command line) passes through
at the service edge, so no path can forget one:

- ``strip_hidden``: control characters (C0/C1 but tab and newline), ANSI escape sequences
  (``ESC[31m`` …) and the bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069
  isolates, U+200E/200F marks, U+061C) are removed. They are invisible on the review page but can
  make "1000" read as "0001", or hide text behind a terminal colour in the CLI listing.
- ``finite_value``: NaN, ±Infinity and figures beyond ``MAX_ABS_VALUE`` are refused with a message
  naming the field. The check runs *after* unit conversion, because 1e308 万亿元 is finite as typed
  and infinite in 亿元.
"""

from __future__ import annotations

import math
import re

from planwatch.collection.settings import setting

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def strip_hidden(text: str) -> str:
    """``text`` without escape sequences, control characters or bidi controls (tabs and newlines stay)."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _ANSI.sub("", text))


def finite_problem(value: float, field: str) -> str | None:
    """Why ``value`` cannot be stored as the field named ``field`` (e.g. "数值"), or None."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return f"「{field}」不是有效数字"
    if math.isnan(number):
        return f"「{field}」不是有效数字(NaN)"
    limit = setting("MAX_ABS_VALUE")
    if math.isinf(number) or abs(number) > limit:
        return f"「{field}」超出可保存的范围(绝对值不能超过 {limit:.0e},换算单位后亦然)"
    return None
