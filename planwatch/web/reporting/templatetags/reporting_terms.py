"""``{% target_terms page as terms %}``: the indicator's target in its own terms, for the indicator page.

A floor reads 不低于536.86万亩 with each year's margin; a qualitative target its words beside the
series' direction and the quality judgement; growth kinds the average achieved against the target
rate; 按省下达 the assigned value once entered. The same functions write the report
(``planwatch.reports.targets_text``). ``show_cards``: whether completion / time share / required
growth mean anything for this kind (not for a floor or a qualitative target).
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from planwatch.reports.targets_text import floor_margins, kind_detail, target_statement

register = template.Library()

NO_CARDS = ("floor", "qualitative")


def _series(page) -> list[tuple[int, float]]:
    """The newest visible vintage of each year, oldest year first (the page lists newest first)."""
    seen: dict[int, float] = {}
    for row in page.observations:
        seen.setdefault(row.year, row.value)
    return sorted(seen.items())


def _quality(page) -> tuple[str, str]:
    from planwatch.web.plans.models import QualityJudgement

    if page.region is None:
        return "", ""
    row = (
        QualityJudgement.objects.filter(indicator=page.indicator, region=page.region)
        .select_related("author")
        .order_by("-year")
        .first()
    )
    if row is None:
        return "", ""
    return QualityJudgement.ENGINE_WORD[row.verdict], row.author_name


@register.simple_tag
def target_terms(page) -> dict:
    target = page.indicator.current_target
    if target is None:
        return {"kind": "", "statement": "", "detail": "", "show_cards": True, "margins": []}
    language = "en" if (get_language() or "").startswith("en") else "zh"
    series = _series(page)
    quality, by = _quality(page) if target.kind == "qualitative" else ("", "")
    a = page.assessment
    unit = page.indicator.unit
    margins = []
    if target.kind == "floor" and target.value is not None:
        margins = [{"year": y, "value": v, "margin": m} for y, v, m in floor_margins(series, target.value)]
    return {
        "kind": target.kind,
        "statement": target_statement(
            target.kind, target.value, target.year, target.text, unit, page.decimals, language
        ),
        "detail": kind_detail(
            target.kind,
            target_value=target.value,
            target_text=target.text,
            unit=unit,
            decimals=page.decimals,
            series=series,
            actual_growth=a.actual_growth if a else None,
            quality=quality,
            quality_by=by,
            language=language,
        ),
        "show_cards": target.kind not in NO_CARDS,
        "margins": margins,
    }


@register.simple_tag
def row_terms(row):
    """Baseline, latest with its year and the target in its own terms, for the whole-indicator tables."""
    from planwatch.web.reporting.whole_table import row_terms as terms

    return terms(row)
