"""What every dashboard and portal view shares: who may see the dashboard, the plan shown and an
indicator in it."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from planwatch.web.core.params import row_id
from planwatch.web.places.permissions import PUBLIC, role_of
from planwatch.web.plans.models import Indicator, Plan
from planwatch.web.plans.services import current_plan


def with_role(view):
    """Signed in and given a Planwatch role. The dashboard shows approved figures not yet published:
    an account nobody has given a role sees the portal's published ones, like the public."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        if role_of(request.user) == PUBLIC:
            raise PermissionDenied(_("您的账号尚未分配角色,请联系管理员;公开数据见公众门户"))
        return view(request, *args, **kwargs)

    return login_required(checked)


def plan_for(request: HttpRequest) -> Plan:
    """``?plan=<id>`` or the current plan; 404 when none is loaded."""
    plan_id = row_id(request.GET.get("plan"))
    if plan_id is not None:
        return get_object_or_404(Plan, pk=plan_id)
    plan = current_plan()
    if plan is None:
        raise Http404("尚未载入规划")
    return plan


def indicator_in(plan: Plan, code: str) -> Indicator:
    return get_object_or_404(Indicator.objects.select_related("pillar", "plan"), plan=plan, code=code)
