"""Lookups every dashboard and portal view shares: the plan shown and an indicator in it."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from planwatch.web.plans.models import Indicator, Plan
from planwatch.web.plans.services import current_plan


def plan_for(request: HttpRequest) -> Plan:
    """``?plan=<id>`` or the current plan; 404 when none is loaded."""
    plan_id = request.GET.get("plan")
    if plan_id and plan_id.isdigit():
        return get_object_or_404(Plan, pk=int(plan_id))
    plan = current_plan()
    if plan is None:
        raise Http404("尚未载入规划")
    return plan


def indicator_in(plan: Plan, code: str) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("pillar", "plan"), plan=plan, code=code)
