"""Template helpers for the dashboard and portal: grade badges and Chinese number formats."""

from __future__ import annotations

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from planwatch.documents.qualifiers import format_qualified
from planwatch.reports import formatting
from planwatch.reports.charts import grade_style
from planwatch.web.dashboard.labels import grade_label

register = template.Library()


@register.simple_tag
def grade_badge(grade: str | None) -> str:
    """The grade as shape + word on its colour: never colour alone (WCAG 1.4.1)."""
    style = grade_style(grade)
    word = grade_label(grade)
    return format_html(
        '<span class="grade grade-{}" style="background:{}"><span aria-hidden="true">{}</span> {}</span>',
        style.css, style.colour, style.symbol, word,
    )


@register.simple_tag
def qualified(value, decimals=1, qualifier: str = "", unit: str = "", stated: str = "") -> str:
    """A figure with its unit and its qualifier where Chinese puts it: 约4716亿元, 220万人次以上.

    ``stated``: the figure as its source stated it (an observation's ``original_value``); it prints at
    that precision, ``decimals`` (the indicator's) only when nothing was stated (``format_stated``)."""
    if value is None:
        return "—"
    number = formatting.format_stated(value, stated or "", int(decimals))
    return format_qualified(number, qualifier or "", unit or "")


@register.filter
def fnum(value, decimals=1) -> str:
    return formatting.format_number(value, int(decimals))


@register.filter
def decimals(indicator) -> int:
    """The decimals the indicator's baseline is printed with in the plan (4169.4 → 1)."""
    return formatting.decimals_of(getattr(indicator, "baseline_text", ""))


@register.filter
def fpct(value, decimals=1) -> str:
    return formatting.format_percent(value, int(decimals))


@register.filter
def frate(value, decimals=1) -> str:
    return formatting.format_rate(value, int(decimals))


@register.filter
def fachieved(assessment) -> str:
    """实际年均增速 of an assessment: a rate or share in 百分点 (−0.60个百分点), anything else as a rate."""
    return formatting.format_per_year(assessment.actual_growth, assessment.points_per_year, get_language() or "zh")


@register.filter
def fneeded(assessment) -> str:
    """需年均增速 of an assessment: a rate or share in 百分点 (+1.50个百分点), anything else as a rate."""
    return formatting.format_per_year(assessment.required_growth, assessment.required_points, get_language() or "zh")


@register.filter
def fyear(value) -> str:
    return formatting.format_year(value, get_language() or "zh-hans")


@register.simple_tag
def chart_json(option: dict, element_id: str) -> str:
    """An ECharts option as an inert JSON script block (read by charts.js; safe from </script>)."""
    text = json.dumps(option, ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/json" id="{element_id}">{text}</script>')


@register.filter
def source_link(figure):
    """A figure's citation — 发布机构《文件标题》, else its site — linked to its address
    (``dashboard.sources.citation_html``). ``figure``: an observation, a point, or a bare source text."""
    from planwatch.web.dashboard.sources import citation_html, cited

    if figure is None or isinstance(figure, str):
        return citation_html(figure or "")
    return citation_html(*cited(figure))
