"""Indicators a task or project probably moves, proposed for a planner to confirm.

A proposal is an indicator whose name shares a two-character word with the task's title and text
(森林覆盖率 ~ "森林质量提升"), scored by how many shared words and whether the task's chapter title
shares a word with the indicator's pillar (类别). Planners set the links; nothing is linked unasked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Two-character words too common in plan text to mean anything on their own.
STOP = frozenset(
    {
        "发展",
        "建设",
        "推进",
        "加快",
        "提升",
        "实施",
        "工程",
        "项目",
        "全市",
        "赣州",
        "国家",
        "重点",
        "体系",
        "能力",
        "水平",
        "城市",
        "服务",
        "完善",
        "加强",
        "推动",
        "支持",
        "打造",
        "示范",
        "产业",
    }
)


def bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)} - STOP


@dataclass(frozen=True)
class IndicatorWords:
    id: int
    name: str
    pillar: str


@dataclass(frozen=True)
class Proposal:
    indicator_id: int
    name: str
    score: int
    shared: tuple[str, ...]


def propose(
    title: str, text: str, context: str, indicators: Iterable[IndicatorWords], limit: int = 5
) -> Sequence[Proposal]:
    """Best ``limit`` indicators by shared words (title counts twice), +1 when the pillar matches ``context``."""
    title_words, text_words, context_words = bigrams(title), bigrams(text), bigrams(context)
    out = []
    for ind in indicators:
        words = bigrams(ind.name)
        shared = words & (title_words | text_words)
        if not shared:
            continue
        score = len(shared) + len(words & title_words) + (1 if bigrams(ind.pillar) & context_words else 0)
        out.append(Proposal(ind.id, ind.name, score, tuple(sorted(shared))))
    out.sort(key=lambda p: (-p.score, p.name))
    return out[:limit]
