"""Reading a row id from a query string without trusting it.

``"9223372036854775808".isdigit()`` is true, and so is ``"²".isdigit()``: the first overflows SQLite's
integer (a 500 instead of "no such row"), the second makes ``int()`` raise. A row id is 1–18 ASCII
digits, within a signed 64-bit integer; anything else is no id.
"""

from __future__ import annotations

import re

_ID = re.compile(r"[0-9]{1,18}")


def row_id(text: str | None) -> int | None:
    """The id ``text`` names, or None when it is not a plausible primary key."""
    text = (text or "").strip()
    return int(text) if _ID.fullmatch(text) else None
