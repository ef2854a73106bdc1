"""The whole indicator table as the dashboard and the portal list show it, and as one XLSX download.

Per indicator: baseline, latest value with its year, the target in its own terms, completion and the
grade — not only the grade. The XLSX writes numbers as numbers through ``reports.formats.xlsx``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from planwatch.documents.qualifiers import format_qualified
from planwatch.reports.formatting import decimals_of, format_number, format_stated
from planwatch.reports.targets_text import target_statement
from planwatch.reports.words import grade_word


@dataclass
class RowTerms:
    baseline: str
    latest: str
    target: str


def row_terms(row) -> RowTerms:
    """The printed baseline, latest (with year) and target of one ``overview.Row``."""
    ind, a = row.indicator, row.assessment
    target = ind.current_target
    decimals = decimals_of(ind.baseline_text or (target.text if target else ""), default=1)
    language = "en" if (get_language() or "").startswith("en") else "zh"
    baseline = "—"
    if ind.baseline is not None:
        year = ind.baseline_year or ind.plan.base_year
        # The number, not the plan's text: a text like "30.3 (2020)" carries its year already.
        baseline = f"{format_number(ind.baseline, decimals)}({year})"
    latest = "—"
    if a.latest_value is not None:
        latest = (
            format_qualified(format_stated(a.latest_value, a.latest_stated, decimals), a.latest_qualifier or "", "")
            + f"({a.latest_year})"
        )
    statement = "—"
    if target is not None:
        statement = target_statement(
            target.kind, target.value, target.year, target.text, ind.unit, decimals, language
        )
    return RowTerms(baseline, latest, statement)


HEADER = [
    "类别",
    "编号",
    "指标",
    "单位",
    "属性",
    "基期值",
    "基期年",
    "目标",
    "最新值",
    "年份",
    "完成度",
    "时序进度",
    "评估",
    "预警",
]


def xlsx(rows, language: str = "zh") -> bytes:
    from planwatch.reports.formats.xlsx import xlsx_bytes

    body = []
    for r in rows:
        ind, a = r.indicator, r.assessment
        terms = row_terms(r)
        body.append(
            [
                ind.pillar.name,
                ind.code,
                ind.name,
                ind.unit,
                ind.attribute,
                ind.baseline,
                (ind.baseline_year or ind.plan.base_year) if ind.baseline is not None else None,
                terms.target,
                a.latest_value,
                a.latest_year,
                a.completion,
                a.time_share,
                grade_word(a.grade, language),
                "预警" if a.warning else "",
            ]
        )
    return xlsx_bytes([("全部指标", HEADER, body)])
