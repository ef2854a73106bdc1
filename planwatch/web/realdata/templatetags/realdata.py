"""``{% load realdata %}`` then ``{{ observation|example_badge }}``: a 示例 badge for example figures."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from planwatch.web.realdata.queries import is_example

register = template.Library()


@register.filter
def example_badge(observation) -> str:
    if not is_example(observation):
        return ""
    return format_html('<span class="badge example" title="{}">{}</span>', _("示例数据(虚构),不是统计数字"), _("示例"))


@register.filter
def is_example_observation(observation) -> bool:
    return is_example(observation)
