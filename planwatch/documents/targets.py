"""Reading a target cell ("年均7.5左右", "〔18〕", ">95", "稳中有升") and a baseline cell.

``parse_target`` never raises: a wording it does not know becomes a qualitative
target with its text kept, so a person can give it a rule instead of the import
failing. The kinds are defined in ``planwatch.plan.model.TargetKind``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from planwatch.documents.normalize import ascii_digits, normalize, squeeze
from planwatch.plan.model import QUALITATIVE_WORDS, Attribute, Direction, Target, TargetKind

NUMBER = r"[-+]?\d+(?:\.\d+)?"
EMPTY_MARKERS = frozenset({"", "—", "——", "-", "--", "–", "/", "／", "无", "…"})
# Wording that defers the figure to a higher level (按省下达任务执行, 完成国家下达任务).
ASSIGNED_WORDS = ("下达", "按省", "省定", "国家确定")
# Indicator names whose value is a cut: a larger figure is better, a 〔x〕 is a cumulative cut.
REDUCTION_WORDS = ("降幅", "降低", "下降", "减少", "削减", "减排")
# A stock that must be held every year rather than reached once (耕地保有量, 生态保护红线).
FLOOR_NAME_WORDS = ("保有量", "红线", "底线")

_BRACKETED = re.compile(rf"^[〔\[【(（]\s*({NUMBER})\s*%?\s*[〕\]】)）]$")
_CUMULATIVE_CUT = re.compile(rf"^累计(?:降低|下降|减少)({NUMBER})%?(左右|以上)?$")
_CUMULATIVE = re.compile(rf"^累计(?:新增|增加|增长|完成)?({NUMBER})%?(左右|以上)?$")
_ANNUAL = re.compile(rf"^年均(?:增长|增速|提高)?({NUMBER})%?(左右|以上)?$")
_ABOUT = re.compile(rf"^({NUMBER})%?左右$")
_PLAIN = re.compile(rf"^({NUMBER})%?$")
_LOWER_BOUND = re.compile(rf"^(>=|≥|≧|>|＞|不低于|不少于|高于)({NUMBER})%?$|^({NUMBER})%?(以上)$")
_UPPER_BOUND = re.compile(rf"^(<=|≤|≦|<|＜|不高于|不超过|低于)({NUMBER})%?$|^({NUMBER})%?(以内|以下)$")
_STRICT = frozenset({">", "＞", "高于", "<", "＜", "低于"})
_BASELINE = re.compile(rf"^({NUMBER})%?\s*(?:[(（]\s*(\d{{4}})\s*年?\s*[)）])?")


def _canonical(text: str) -> str:
    """The cell as a pattern sees it: no spaces, ASCII digits, no thousands separators."""
    return re.sub(r"(?<=\d),(?=\d{3})", "", ascii_digits(squeeze(text)))


def parse_target(
    text: str, *, year: int, attribute: Attribute = Attribute.EXPECTED, name: str = ""
) -> Target:
    """Classify a target cell; see the module docstring and ``TargetKind`` for the kinds."""
    shown = normalize(text or "")
    cell = _canonical(shown)
    for rule in (_empty_or_assigned, _qualitative, _cumulative, _annual, _bound, _number):
        found = rule(cell, attribute, name)
        if found is not None:
            kind, value, qualifier, strict = found
            return Target(kind=kind, text=shown, year=year, value=value, qualifier=qualifier, strict=strict)
    return Target(kind=TargetKind.QUALITATIVE, text=shown, year=year)


_Found = tuple[TargetKind, float | None, str, bool] | None


def _empty_or_assigned(cell: str, attribute: Attribute, name: str) -> _Found:
    """An empty binding cell waits for the province's figure; an empty expected one has none."""
    if cell in EMPTY_MARKERS:
        kind = TargetKind.ASSIGNED if attribute is Attribute.BINDING else TargetKind.UNSPECIFIED
        return kind, None, "", False
    if any(word in cell for word in ASSIGNED_WORDS):
        return TargetKind.ASSIGNED, None, "", False
    return None


def _qualitative(cell: str, attribute: Attribute, name: str) -> _Found:
    if any(word in cell for word in QUALITATIVE_WORDS):
        return TargetKind.QUALITATIVE, None, "", False
    return None


def _cumulative(cell: str, attribute: Attribute, name: str) -> _Found:
    """〔x〕 is a five-year total: a total cut on a 降低 indicator, a total addition otherwise."""
    if match := _BRACKETED.match(cell):
        kind = TargetKind.CUMULATIVE_REDUCTION if is_reduction(name) else TargetKind.CUMULATIVE
        return kind, float(match.group(1)), "", False
    if match := _CUMULATIVE_CUT.match(cell):
        return TargetKind.CUMULATIVE_REDUCTION, float(match.group(1)), match.group(2) or "", False
    if match := _CUMULATIVE.match(cell):
        kind = TargetKind.CUMULATIVE_REDUCTION if is_reduction(name) else TargetKind.CUMULATIVE
        return kind, float(match.group(1)), match.group(2) or "", False
    return None


def _annual(cell: str, attribute: Attribute, name: str) -> _Found:
    if match := _ANNUAL.match(cell):
        return TargetKind.ANNUAL_GROWTH, float(match.group(1)), match.group(2) or "", False
    return None


def _bound(cell: str, attribute: Attribute, name: str) -> _Found:
    """ ">95", "≥90", "95以上" hold every year; "<5.5", "5.5以内" too, from the other side.

    Both are ``floor`` targets (a bound to hold every year); an upper bound makes the
    indicator's direction ``lower`` (see ``infer_direction``), so it reads as a ceiling.
    """
    for pattern in (_LOWER_BOUND, _UPPER_BOUND):
        if match := pattern.match(cell):
            sign, number = (
                (match.group(1), match.group(2)) if match.group(2) else (match.group(4), match.group(3))
            )
            return TargetKind.FLOOR, float(number), sign, sign in _STRICT
    return None


def _number(cell: str, attribute: Attribute, name: str) -> _Found:
    if match := _ABOUT.match(cell):
        return TargetKind.ABOUT, float(match.group(1)), "左右", False
    if match := _PLAIN.match(cell):
        kind = TargetKind.FLOOR if any(word in name for word in FLOOR_NAME_WORDS) else TargetKind.LEVEL
        return kind, float(match.group(1)), "", False
    return None


def is_reduction(name: str) -> bool:
    """降幅/降低 indicators measure a cut, so a larger figure is the better one."""
    return any(word in name for word in REDUCTION_WORDS)


def is_upper_bound(target: Target) -> bool:
    return target.kind is TargetKind.FLOOR and target.qualifier in {
        "<=",
        "≤",
        "≦",
        "<",
        "＜",
        "不高于",
        "不超过",
        "低于",
        "以内",
        "以下",
    }


def infer_direction(
    name: str, target: Target, baseline: float | None, overrides: Mapping[str, Direction | str] | None = None
) -> Direction:
    """Which way is progress: the override if given; cuts are 'higher'; a target below its baseline is 'lower'.

    城乡居民人均可支配收入比 2.74 → 2.6 is 'lower'; 单位GDP能源消耗降幅 is 'higher' (a bigger cut
    is better); growth rates are 'higher' even when the target rate is below the base-year rate.
    """
    if overrides and name in overrides:
        return Direction(overrides[name])
    if is_reduction(name):
        return Direction.HIGHER
    if is_upper_bound(target):
        return Direction.LOWER
    # A floor (">95", 耕地保有量) is a lower bound: higher is better even below the baseline.
    level_kinds = (TargetKind.LEVEL, TargetKind.ABOUT)
    if (
        target.kind in level_kinds
        and target.value is not None
        and baseline is not None
        and target.value < baseline
    ):
        return Direction.LOWER
    return Direction.HIGHER


def parse_baseline(text: str, default_year: int) -> tuple[float | None, int | None, str]:
    """ "30.3 (2020)" → (30.3, 2020, "30.3 (2020)"); "4169.4" → (4169.4, default year); "" → (None, None, "")."""
    shown = normalize(text or "")
    cell = _canonical(shown)
    match = _BASELINE.match(cell)
    if cell in EMPTY_MARKERS or match is None:
        return None, None, shown
    year = int(match.group(2)) if match.group(2) else default_year
    return float(match.group(1)), year, shown
