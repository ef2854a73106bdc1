"""``{% planwatch_role as role %}``: the user's role for showing the right links (rights are checked in views)."""

from __future__ import annotations

from django import template

from planwatch.web.places.permissions import role_of

register = template.Library()


@register.simple_tag(takes_context=True)
def planwatch_role(context) -> str:
    request = context.get("request")
    return role_of(getattr(request, "user", None))
