"""填报任务: planners list every assignment and add new ones; others see their unit's (read-only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from planwatch.web.core.refusals import UNPROCESSABLE
from planwatch.web.monitoring import services
from planwatch.web.monitoring.errors import refusal_status
from planwatch.web.monitoring.forms import AssignmentForm
from planwatch.web.monitoring.permissions import assignments_for_user, may
from planwatch.web.places.permissions import PUBLIC, role_of
from planwatch.web.plans.services import current_plan


def _form(data=None) -> AssignmentForm:
    form = AssignmentForm(data)
    plan = current_plan()
    if plan is not None:
        form.fields["indicator"].queryset = plan.indicators.order_by("order")
    return form


@login_required
def assignment_list(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) == PUBLIC:
        raise PermissionDenied(_("无权查看填报任务"))
    can_manage = may(request.user, "assignment.manage")
    form = _form(request.POST or None)
    status = UNPROCESSABLE if request.method == "POST" else 200  # a POST that gets this far was refused
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied(_("只有规划管理人员可以分配填报任务"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.create_assignment(user=request.user, reason=data["reason"], unit=data["unit"],
                                           indicator=data["indicator"], regions=list(data["regions"]),
                                           year=data["year"], due_date=data["due_date"],
                                           frequency=data["frequency"])
            except services.ServiceError as error:
                messages.error(request, str(error))
                status = refusal_status(error)
            else:
                messages.success(request, _("已分配填报任务"))
                return redirect("assignment-list")
    rows = assignments_for_user(request.user).order_by("-year", "unit__order", "indicator__order")
    return render(request, "monitoring/assignments.html", {"assignments": rows, "form": form,
                                                            "can_manage": can_manage}, status=status)
