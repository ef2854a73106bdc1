"""Pages of the real-data app: consistency flags and set-aside rows for reviewers, series for signed-in roles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.documents.observations_csv import read_dataset
from planwatch.web.core.errors import ServiceError
from planwatch.web.core.refusals import refuse
from planwatch.web.monitoring.errors import refusal_status
from planwatch.web.monitoring.permissions import may
from planwatch.web.places.permissions import PUBLIC, role_of
from planwatch.web.realdata import services
from planwatch.web.realdata.models import ConsistencyFlag, SeriesObservation


def _require_checker(user) -> None:
    """Reviewers act on flags; planners, supervisors and administrators may read them."""
    if not (may(user, "review.use") or may(user, "audit.read")):
        raise PermissionDenied(_("只有审核、规划、督查人员可以查看数据核查"))


@login_required
def flag_list(request: HttpRequest) -> HttpResponse:
    _require_checker(request.user)
    open_first = Case(When(status=ConsistencyFlag.Status.OPEN, then=0), default=1)
    return render(request, "realdata/flags.html", {
        "flags": ConsistencyFlag.objects.select_related("reviewed_by").order_by(open_first, "region", "indicator", "year"),
        "may_review": may(request.user, "review.use"),
    })


@require_POST
@login_required
def flag_review(request: HttpRequest, pk: int) -> HttpResponse:
    _require_checker(request.user)
    flag = get_object_or_404(ConsistencyFlag, pk=pk)
    try:
        services.review_flag(flag, user=request.user, reason=request.POST.get("note", ""))
    except ServiceError as error:
        return refuse(request, [str(error)], status=refusal_status(error), back="realdata-flags")
    messages.success(request, _("已记录核实意见"))
    return redirect("realdata-flags")


@login_required
def set_aside_list(request: HttpRequest) -> HttpResponse:
    _require_checker(request.user)
    return render(request, "realdata/set_aside.html", {"rows": read_dataset().set_aside})


@login_required
def series_list(request: HttpRequest) -> HttpResponse:
    """Auxiliary and reference series with their sources, quotes and loading notes (来源类型, 可信度 …):
    working material for signed-in roles, not a public page (the portal is)."""
    if role_of(request.user) == PUBLIC:
        raise PermissionDenied(_("您的账号尚未分配角色,请联系管理员;公开数据见公众门户"))
    rows = SeriesObservation.objects.filter(is_example=False)
    return render(request, "realdata/series.html", {
        "auxiliary": rows.filter(kind=SeriesObservation.Kind.AUXILIARY),
        "reference": rows.filter(kind=SeriesObservation.Kind.REFERENCE),
    })
