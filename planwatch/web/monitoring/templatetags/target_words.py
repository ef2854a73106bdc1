"""``{% load target_words %}``: a target version in the plan's own terms, as the report and the portal say it.

``{{ version|target_words }}`` → 2025年达到5500亿元, 年均增长7.5%左右(2025), 按省下达(待省下达具体数值)(2025):
never the bare stored value (``None(2025)`` for a target the province has yet to assign, ``5500`` without
its unit). The words are ``planwatch.reports.targets_text.target_statement``'s.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from planwatch.reports.formatting import decimals_of, format_as_stored
from planwatch.reports.targets_text import target_statement

register = template.Library()


@register.filter
def target_words(version) -> str:
    # A proposal typed as a bare number prints as typed (5300, not 5300.0); the plan's own text rules otherwise.
    typed = "" if version.value is None else format_as_stored(version.value)
    language = "en" if (get_language() or "").startswith("en") else "zh"
    unit = version.indicator.unit or ""
    statement = target_statement(
        version.kind,
        version.value,
        version.year,
        version.text,
        unit,
        decimals_of(version.text or typed, 1),
        language,
    )
    if str(version.year) in statement:
        return statement
    return f"{statement} ({version.year})" if language == "en" else f"{statement}({version.year})"
