"""Targets stated in prose: annual plans and government work reports have no indicator table.

"主要预期目标是:生产总值增长6%左右,……城乡居民人均可支配收入分别增长7%、8%左右;居民消费价格涨幅3%左右;
粮食产量保持在180万吨以上。" and bullets such as "◆ 城镇调查失业率5.5%左右" are read clause by clause with
one grammar:

    [lead word] NAME [VERB] FIGURE(、FIGURE)* [QUALIFIER]

NAME is what is measured; a rate word at its end or as the verb (增长, 涨幅, 下降) belongs to the
indicator's name ("生产总值增长"), a level verb (保持在, 控制在, 达到) does not. The figure part goes
through the same target grammar as a table cell (``targets.parse_target``). "分别" with n figures
splits the name into n: "城镇、农村居民…" by its 、, "城乡居民…" by the compound words in
``planwatch/data/reading/distributive.csv``.

Where: the clauses after a cue ("主要预期目标是", ``target-cues.txt``) to the end of its paragraph,
the paragraphs right after a cue that ends its paragraph, and bullet lines anywhere. A clause that
does not read as a target is skipped, with a warning when it stood after a cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.documents.layout import Block, TextLine
from planwatch.documents.normalize import ascii_digits, ends_paragraph, normalize
from planwatch.documents.patterns import DECIMAL
from planwatch.documents.qualifiers import CLOSING_QUALIFIER
from planwatch.documents.targets import strip_references
from planwatch.documents.vocabulary import distributive_words, target_cues, unit_words

BULLET = re.compile(r"^\s*[◆◇●○■□▪▫•·►▶➢✓√\-–—*]+\s*")
LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[(（]\s*\d{1,2}\s*[)）]|[①-⑳])\s*")
# Rate words: part of the indicator's name ("生产总值增长", "居民消费价格涨幅").
RATE_VERBS = ("分别增长", "增长", "涨幅", "增速", "分别下降", "下降", "降低", "减少")
# Level verbs: say how the figure is to be held or reached; not part of the name.
LEVEL_VERBS = (
    "保持在",
    "稳定在",
    "控制在",
    "分别达到",
    "达到",
    "提高到",
    "提升到",
    "增加到",
    "下降到",
    "降低到",
    "降到",
    "突破",
    "超过",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "低于",
    "高于",
    "以上",
    "为",
)
_SIGN = {
    "突破": ">",
    "超过": ">",
    "高于": ">",
    "不低于": "不低于",
    "不少于": "不少于",
    "不超过": "不超过",
    "不高于": "不高于",
    "低于": "<",
}
LEAD_WORDS = (
    "力争",
    "确保",
    "努力",
    "实现",
    "全年",
    "全市",
    "全县",
    "全区",
    "全省",
    "全州",
    "全盟",
    "全旗",
    "其中",
    "以及",
    "和",
    "及",
)
_CLAUSE_SPLIT = re.compile(r"[，,；;。！!]")
_QUALIFIER = CLOSING_QUALIFIER
# Words between a cue and its first target: "主要预期目标建议为:", "主要目标安排如下:".
_CUE_TAIL = re.compile(r"^\s*(?:建议|安排|确定|初步|拟)?\s*(?:为|是|如下)?\s*[:：,，]?\s*")


@dataclass(frozen=True)
class ProseTarget:
    category: str
    name: str
    unit: str
    cell: str  # what the target grammar reads: "6%左右", "180万吨以上"
    text: str  # the phrase as printed: "增长6%左右"
    sentence: str  # the sentence it came from


def _figure_pattern() -> re.Pattern[str]:
    units = "|".join(map(re.escape, sorted(unit_words(), key=len, reverse=True)))
    figure = rf"(?:[<>≤≥＜＞]=?)?{DECIMAL}(?:[万亿千百]{{0,2}}(?:{units})|[万亿])?"
    verbs = "|".join(map(re.escape, sorted({*RATE_VERBS, *LEVEL_VERBS} - {"以上"}, key=len, reverse=True)))
    return re.compile(
        rf"^(?P<name>.{{2,40}}?)(?P<verb>{verbs})?(?P<figures>{figure}(?:[、和]{figure})*)(?P<qual>{_QUALIFIER})?$"
    )


_PATTERN: list[re.Pattern[str]] = []


def read_clause(clause: str, category: str, sentence: str) -> list[ProseTarget]:
    """One clause → its targets (several for "分别"); [] when it is not a target."""
    if not _PATTERN:
        _PATTERN.append(_figure_pattern())
    clause = strip_references(ascii_digits(normalize(clause)))
    clause = LIST_NUMBER.sub("", BULLET.sub("", clause)).strip()
    match = _PATTERN[0].match(clause)
    if match is None:
        return []
    name, verb = match.group("name"), match.group("verb") or ""
    for word in LEAD_WORDS:
        if name.startswith(word) and len(name) > len(word) + 1:
            name = name[len(word) :]
    name = name.strip(':：“”"')
    # A name holds no figure of its own (5G基站 is a name; "到2025年" is not).
    if (re.search(r"\d", name) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", name)) or len(name) < 2:
        return []
    rate = verb in RATE_VERBS
    figures = re.split(r"[、和]", match.group("figures"))
    qualifier = match.group("qual") or ""
    # The phrase as printed: from the verb, or from a rate word ending the name (涨幅3%左右).
    rate_in_name = "" if verb else next((w for w in RATE_VERBS if name.endswith(w)), "")
    text = rate_in_name + clause[match.end("name") :]
    names = split_names(name, len(figures)) if len(figures) > 1 else [name]
    if names is None:
        return []
    suffix = verb.removeprefix("分别") if rate else ""
    sign = _SIGN.get(verb, "")
    found = []
    for subject, figure in zip(names, figures, strict=True):
        unit = _unit(figure)
        found.append(
            ProseTarget(
                category=category,
                name=f"{subject}{suffix}",
                unit=unit,
                cell=f"{sign}{figure}{qualifier}",
                text=text,
                sentence=sentence,
            )
        )
    return found


def _unit(figure: str) -> str:
    match = re.match(rf"^[<>≤≥＜＞]?=?{DECIMAL}(.*)$", figure)
    return match.group(1) if match else ""


# What joins the names of a "分别" statement or a two-figure table row: "城镇、农村", "城镇/农村" first,
# then "城镇和农村" (tried second: 和/及 also occur inside a name, as in 县级及以上城市).
_NAME_JOINS = (re.compile(r"[、/／]"), re.compile(r"[和与及]"))


def split_names(name: str, count: int) -> list[str] | None:
    """ "城镇、农村居民人均可支配收入" / "城镇和农村居民…" / "城乡居民人均可支配收入" with 2 figures → the two
    names; None when the name does not split into ``count``.

    Parts of one width before the last share the last part's tail ("小学、初中净入学率" → 小学净入学率);
    a tail of one character is no shared word, so "GDP、财政收入" are two whole names.
    """
    for joins in _NAME_JOINS:
        parts = [p for p in joins.split(name) if p]
        if len(parts) == count:
            width = len(parts[0])
            tail = parts[-1][width:]
            if len(tail) < 2 or any(len(p) != width for p in parts[:-1]):
                tail = ""
            return [p + tail for p in parts[:-1]] + [parts[-1]]
    for word, split in distributive_words().items():
        if word in name and len(split) == count:
            return [name.replace(word, part, 1) for part in split]
    return None


def _paragraphs(blocks: Sequence[Block]) -> list[str]:
    """Running text as paragraphs: a blank line, a DOCX paragraph or a sentence end closes one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for block in blocks:
        if isinstance(block, TextLine) and normalize(block.text):
            text = normalize(block.text)
            if block.paragraph_start or BULLET.match(block.text) or LIST_NUMBER.match(text):
                if current:
                    paragraphs.append(normalize(" ".join(current)))
                current = []
            current.append(text)
            if ends_paragraph(text):
                paragraphs.append(normalize(" ".join(current)))
                current = []
        elif current:
            paragraphs.append(normalize(" ".join(current)))
            current = []
    if current:
        paragraphs.append(normalize(" ".join(current)))
    return paragraphs


def find_prose_targets(blocks: Sequence[Block], warnings: list[str] | None = None) -> list[ProseTarget]:
    """Every target stated in prose after a cue or in a bullet line, in document order, each once."""
    found: list[ProseTarget] = []
    seen: set[str] = set()
    category = ""
    open_cue = False
    for paragraph in _paragraphs(blocks):
        cue_at, cue = _cue(paragraph)
        if cue:
            category = cue.removesuffix("是").removesuffix("为")
            body = _CUE_TAIL.sub("", paragraph[cue_at + len(cue) :])
            open_cue = not _CLAUSE_SPLIT.sub("", body)
            targets = _read_text(body, category, warnings)
        elif open_cue or BULLET.match(paragraph):
            targets = _read_text(paragraph, category or "主要目标", warnings if open_cue else None)
            if open_cue and not targets:
                open_cue = False
        else:
            continue
        for target in targets:
            if target.name not in seen:
                seen.add(target.name)
                found.append(target)
    return found


def _cue(paragraph: str) -> tuple[int, str]:
    best = (-1, "")
    for cue in target_cues():
        at = paragraph.find(cue)
        if at >= 0 and (best[0] < 0 or at < best[0]):
            best = (at, cue)
    return best


def _read_text(body: str, category: str, warnings: list[str] | None) -> list[ProseTarget]:
    targets: list[ProseTarget] = []
    for sentence in re.split(r"(?<=[。；;！!])", body):
        for clause in _CLAUSE_SPLIT.split(sentence):
            if not clause.strip():
                continue
            read = read_clause(clause, category, sentence.strip())
            if read:
                targets.extend(read)
            elif warnings is not None and re.search(r"\d", clause):
                warnings.append(f"未能读出目标：「{normalize(clause)[:40]}」不符合“指标+数值”的写法，已跳过")
    return targets
