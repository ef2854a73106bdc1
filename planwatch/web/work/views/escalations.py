"""重大事项: coordination requests and binding indicators' 预警, with owner, date, status and resolution."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.web.places.permissions import enters_data, is_planner
from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.escalations import sync_warnings
from planwatch.web.work.forms import ResolveForm
from planwatch.web.work.models import Escalation
from planwatch.web.work.views._common import changes, plan_in_force, submit


@login_required
def escalation_list(request: HttpRequest) -> HttpResponse:
    plan = plan_in_force()
    if not (perm.sees_all(request.user) or enters_data(request.user)):
        perm.require_supervise(request.user)
    sync_warnings(plan)
    rows = perm.escalations_for_user(request.user).filter(plan=plan).select_related("owner")
    may_resolve = is_planner(request.user)
    # One form per row, showing that row's status and resolution: a blank form showed 待处理 on a resolved
    # row, and saving a note there would have reopened it.
    lines = [(e, ResolveForm.for_row(e) if may_resolve else None) for e in rows]
    return render(
        request, "work/escalations.html", {"plan": plan, "lines": lines, "may_resolve": may_resolve}
    )


@changes(perm.get_escalation_for_user, perm.require_resolve)
def escalation_resolve(request: HttpRequest, esc: Escalation) -> HttpResponse:
    form = ResolveForm(request.POST)
    return submit(request, form, services.resolve_escalation, esc, done=_("已保存"), back="work-escalations")
