"""``{% load monitoring_marks %}``: how a figure is printed wherever an observation is shown.

- ``{{ obs|example_badge }}``: a visible 「示例」 badge for a figure of the example set (invented
  numbers for trying the workflow), nothing for a real one.
- ``{{ obs|qualified_value }}``: the value with its unit and qualifier where Chinese puts it —
  约4716亿元, 10%以上, 250亿元 — so a bound or an approximation never reads as an exact figure; no space
  before the unit, as Chinese statistics print it and as ``reports.formatting.format_value`` does.
  The number is printed as stored, without padding: 4940.47 (not 4940.4700), 0.73887 万吨.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from planwatch.documents.qualifiers import format_qualified
from planwatch.reports.formatting import format_as_stored

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
    number = format_as_stored(observation.value)
    return format_qualified(number, getattr(observation, "qualifier", "") or "", unit)


# A state is read by its word, its colour and its shape together (a colour-blind clerk and a black-and-
# white printout still tell 已退回 from 已发布). The word is the model's (``Observation.Status``), the shape
# is here, and the CSS gives each ``state-*`` its colour and border.
STATE_SHAPES = {"draft": "✎", "submitted": "➤", "returned": "↩", "approved": "✓", "published": "●"}


def state_word(status: str) -> str:
    """草稿 / 已提交 / 已退回 / 已通过 / 已发布 (in the user's language); an unknown code as it is."""
    from planwatch.web.monitoring.models import Observation

    return str(Observation.Status(status).label) if status in Observation.Status.values else status


@register.filter
def status_badge(observation_or_status) -> str:
    """``{{ obs|status_badge }}``: ``<span class="state state-returned">↩ 已退回</span>``."""
    status = getattr(observation_or_status, "status", observation_or_status)
    shape, word = STATE_SHAPES.get(status, ""), state_word(status)
    return format_html('<span class="state state-{}" data-status="{}"><span aria-hidden="true">{}</span> {}</span>',
                       status, status, shape, word)


@register.filter
def changes(entry) -> list:
    """``{% for c in entry|changes %}``: the entry's changes in words (see ``monitoring.changes``)."""
    from planwatch.web.monitoring.changes import readable_changes

    return readable_changes(entry)


@register.filter
def plain_number(value) -> str:
    """A number as stored, without padding: 4716.5 (not 4716.5000), 300; "—" for none."""
    if value is None or value == "":
        return "—"
    return format_as_stored(value)
