"""``{% load realdata %}`` then ``{{ observation|example_badge }}``: a 示例 badge for example figures."""

from __future__ import annotations

from django import template

from planwatch.web.monitoring.templatetags import monitoring_marks
from planwatch.web.realdata.queries import is_example

register = template.Library()


@register.filter
def example_badge(observation) -> str:
    """The same badge as the monitoring pages' (``monitoring_marks.example_badge``)."""
    if not is_example(observation):
        return ""
    return monitoring_marks.example_badge(_Flagged())


class _Flagged:
    is_example = True


@register.filter
def is_example_observation(observation) -> bool:
    return is_example(observation)
