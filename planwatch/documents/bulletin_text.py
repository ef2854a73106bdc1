"""Clean a statistical bulletin's text before it is read (pure; no Django).

Reposted bulletins are noisy, and each kind of noise gets one rule here, so the reader itself only
sees tidy simplified Chinese with ASCII digits:

- traditional characters (贛州, 億元) → simplified, from a shipped table (``traditional.csv``);
- pinyin glosses after a character, ``赣(gàn)州`` → ``赣州`` (lower-case letters only, so "(GDP)" stays);
- full-width digits and signs → ASCII (``normalize.ascii_digits``);
- footnote markers ``[2]``, ``〔2〕``, ①… removed, so "国内生产总值[2]1210207" is not read as 21210207;
- PDF line breaks: spaces between Chinese characters dropped (``normalize.normalize``), numbers split
  by the extraction joined ("9 .2%" → "9.2%"), and a thousands group printed with a space
  ("4 606.2") joined — only when exactly three digits follow, so "图1 2018-2022年" stays apart;
  a page-wide line that does not end its sentence continues on the next line (a number it cuts,
  "759 3" / "32万元", is joined whole), and so does a line of
  running text cut mid-sentence before a figure ("第一产业增加值" / "48.93亿元", "286." / "47亿元").

The text is then cut into sentences (at 。;? ! and line ends), each kept with its offset in the cleaned
text, which is the position a proposal reports.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from planwatch.data import DATA_DIR
from planwatch.documents.normalize import ascii_digits, ends_paragraph, normalize

TRADITIONAL_FILE = DATA_DIR / "bulletins" / "traditional.csv"

_PINYIN = re.compile(r"[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}[))]")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|〔\d{1,2}〕|［\d{1,2}］|[①-⑳]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# "4 606.2": a one-to-three digit group, a space, exactly three digits, then no further digit.
_THOUSANDS_SPACE = re.compile(r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?!\d)")
_THOUSANDS_COMMA = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])")
_SPACE_BEFORE_PERCENT = re.compile(r"(?<=\d)\s+(?=[%‰])")
_SENTENCE_END = re.compile(r"[。;;!?!?]+|\n+")
_FULL_WIDTH_SIGNS = str.maketrans("\uff0c\uff1a\uff1b\uff08\uff09", ",:;()")
# A line of running text cut mid-sentence (it has a clause mark, no sentence end) whose next line
# starts with a figure continues there: "其中,第一产业增加值" / "48.93亿元", "生产总值286." / "47亿元".
# A heading ("一、综合") or a caption has no clause mark and is never joined this way.
_IN_A_SENTENCE = re.compile(r"[,;]|\d\.$")  # a clause mark, or a number cut after its decimal point
_FIGURE_START = re.compile(r"\d|[.%]\d?")
_DIGIT_END = re.compile(r"\d\.?$")
_FOOTNOTE_LINE = re.compile(r"^\s*(?:\[\d{1,2}\]|〔\d{1,2}〕|注\s*[::])")


@cache
def _traditional_table() -> dict[int, str]:
    with TRADITIONAL_FILE.open(encoding="utf-8", newline="") as handle:
        return {ord(row["traditional"]): row["simplified"] for row in csv.DictReader(handle)}


def simplified(text: str) -> str:
    """Traditional characters that matter for reading → simplified (贛州 → 赣州, 億元 → 亿元)."""
    return text.translate(_traditional_table())


def _join_numbers(line: str) -> str:
    line = _THOUSANDS_SPACE.sub(lambda m: re.sub(r"\s", "", m.group()), line)
    return _THOUSANDS_COMMA.sub(lambda m: m.group().replace(",", ""), line)


def clean_line(line: str) -> str:
    """One line of a bulletin, cleaned by every rule of this module."""
    line = ascii_digits(simplified(line)).translate(_FULL_WIDTH_SIGNS)
    line = _PINYIN.sub("", line)
    line = _FOOTNOTE.sub("", line)
    line = _SPACE_BEFORE_PERCENT.sub("", _join_numbers(normalize(line)))
    return line


def _print_width(lines: list[str]) -> float:
    """How long a full printed line is: PDF text has many lines of (nearly) the same length, the page
    width. A line that long that does not end a sentence was wrapped, and the next line continues it.
    Web text (a paragraph per line) has no such length, so a caption there is never joined to the next."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) >= 10]
    if len(lengths) < 8:
        return float("inf")
    usual = Counter(lengths).most_common(1)[0][0]
    near = sum(1 for n in lengths if abs(n - usual) <= 2)
    by_mode = usual - 2 if near >= 0.3 * len(lengths) else float("inf")
    ordered = sorted(lengths)
    upper = ordered[int(len(ordered) * 0.75)]
    spread = ordered[int(len(ordered) * 0.9)] - ordered[int(len(ordered) * 0.5)]
    by_quartile = 0.8 * upper if spread <= 0.25 * upper else float("inf")
    return min(by_mode, by_quartile)


def clean_text(text: str) -> str:
    """The whole text cleaned line by line; footnote explanations (lines starting "[3]" or "注:") dropped,
    since they define words rather than state this year's figures."""
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = _print_width(raws)
    out: list[str] = []
    wrapped = mid_sentence = False
    for raw in raws:
        if _FOOTNOTE_LINE.match(simplified(raw)):
            wrapped = False
            continue
        line = clean_line(raw)
        if line and (wrapped or (mid_sentence and _FIGURE_START.match(line))):
            # A page-wide line that stops inside a number ("759 3" / "32万元", "81.0" / "3%") was cut
            # by the typesetter: in running text two numbers never meet without a unit or mark between.
            glue = "" if wrapped and _DIGIT_END.search(out[-1]) and line[0].isdigit() else " "
            out[-1] = _join_numbers(normalize(out[-1] + glue + line))
        else:
            out.append(line)
        wrapped = bool(line) and len(line) >= width and not ends_paragraph(line)
        mid_sentence = bool(out[-1]) and _IN_A_SENTENCE.search(out[-1]) is not None and not ends_paragraph(out[-1])
    return "\n".join(out)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text, with its number (from 1) and character offset."""

    number: int
    offset: int
    text: str


def sentences(cleaned: str) -> list[Sentence]:
    found, start, number = [], 0, 0
    for match in _SENTENCE_END.finditer(cleaned + "\n"):
        piece = cleaned[start : match.start()]
        stripped = piece.strip()
        if stripped:
            number += 1
            found.append(Sentence(number, start + piece.index(stripped[0]), stripped + match.group().strip()))
        start = match.end()
    return found
