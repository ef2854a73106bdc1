"""``{% load monitoring_marks %}``: how a figure is printed wherever an observation is shown.

- ``{{ obs|example_badge }}``: a visible 「示例」 badge for a figure of the example set (invented
  numbers for trying the workflow), nothing for a real one.
- ``{{ obs|qualified_value }}``: the value with its unit and qualifier where Chinese puts it —
  约4716 亿元, 10 %以上, 250 亿元 — so a bound or an approximation never reads as an exact figure.
  The number is printed as stored, without padding: 4940.47 (not 4940.4700), 0.73887 万吨.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from planwatch.documents.qualifiers import format_qualified

register = template.Library()

# The example badge stands out on every page without needing a page's own stylesheet.
BADGE_STYLE = "color:#6a1b9a;border-color:#6a1b9a;font-weight:700"


@register.filter
def example_badge(observation) -> str:
    if not getattr(observation, "is_example", False):
        return ""
    return format_html('<span class="tag example" style="{}" title="{}">{}</span>', BADGE_STYLE,
                       _("示例数据(虚构),不是统计数字"), _("示例"))


@register.filter
def qualified_value(observation) -> str:
    unit = getattr(observation, "measure_unit", "") or ""
    number = format(Decimal(repr(float(observation.value))).normalize(), "f")
    return format_qualified(number, getattr(observation, "qualifier", "") or "", f" {unit}" if unit else "")
