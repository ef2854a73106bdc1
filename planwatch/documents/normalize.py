"""Space and punctuation rules shared by every plan reader.

PDF text extraction leaves a space wherever the printed line wrapped ("中华 苏维埃"),
letter-spaces some lines ("加 快 5G 网络") and splits numbers ("9 .2%", "2. 1倍").
Chinese text has no spaces between words, so a space next to a Chinese character
or a full-width sign is noise; a space between two Latin words or numbers is kept.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Numbers split by the extraction: "9 .2", "2. 1", "5- 10".
_SPLIT_NUMBER = re.compile(r"(?<=\d) (?=[.\-–]\d)|(?<=\d[.\-–]) (?=\d)")

# Signs that close a paragraph in Chinese typesetting; closing quotes may follow them.
TERMINAL_MARKS = "。！？!?"
_CLOSERS = "”’」』)）》"

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％＋－", "0123456789.%+-")


def normalize(text: str) -> str:
    """Collapse whitespace, then drop the spaces that Chinese typesetting never has.

    A space survives only between two ASCII characters ("30.3 (2020)", "T1 航站楼" loses
    its space, "Paris Agreement" keeps it); numbers split by the extraction are joined.
    Written with str methods rather than one look-around regex: it runs on every line
    and paragraph, and this is several times faster.
    """
    parts = text.split()
    if len(parts) < 2:
        return parts[0] if parts else ""
    out = [parts[0]]
    for part in parts[1:]:
        if out[-1][-1].isascii() and part[0].isascii():
            out.append(" ")
        out.append(part)
    joined = "".join(out)
    return _SPLIT_NUMBER.sub("", joined) if " " in joined else joined


def squeeze(text: str) -> str:
    """All whitespace removed: for comparing labels such as "类 别" with "类别"."""
    return _WHITESPACE.sub("", text)


def ascii_digits(text: str) -> str:
    """Full-width digits and signs to ASCII, so "52" and "52" read the same."""
    return text.translate(_FULL_WIDTH_DIGITS)


def ends_paragraph(text: str) -> bool:
    """True when the (normalised) line ends a sentence: 。 ! ? possibly followed by a closing quote."""
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in TERMINAL_MARKS


# ASCII signs that OCR substitutes for full-width ones (",", "(" …): printed a full character wide.
_PRINTED_FULL = frozenset(",;:()!?")


def display_width(text: str) -> float:
    """Printed width in Chinese-character units: a Latin letter or digit is half a character."""
    return sum(1.0 if c in _PRINTED_FULL or unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS)


def chinese_number(text: str) -> int | None:
    """ "十二" → 12, "二十三" → 23, "7" → 7; None when the text is not a number."""
    text = squeeze(text)
    if text.isdigit():
        return int(ascii_digits(text))
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    total, digit = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
    return total + digit


def chinese_year(text: str) -> int | None:
    """ "二〇三五" → 2035 (years are read digit by digit); "2035" → 2035."""
    text = squeeze(text)
    if text.isdigit() and len(text) == 4:
        return int(ascii_digits(text))
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return None
