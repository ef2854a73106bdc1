"""审核: the reviewer's queue and the approve / return / publish actions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.monitoring import services
from planwatch.web.monitoring.forms import ReviewForm
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.permissions import get_observation_for_user, observations_for_user
from planwatch.web.monitoring.views._common import needs, run, version_of

S = Observation.Status


@needs("review.use")
def review_queue(request: HttpRequest) -> HttpResponse:
    mine = Q(created_by=request.user) | Q(submitted_by=request.user)
    rows = observations_for_user(request.user).order_by("submitted_at", "pk")
    return render(request, "monitoring/review_queue.html", {
        "submitted": rows.filter(status=S.SUBMITTED).exclude(mine),
        "approved": rows.filter(status=S.APPROVED).exclude(mine),
        "own": rows.filter(status__in=[S.SUBMITTED, S.APPROVED]).filter(mine),
    })


def _step(request: HttpRequest, pk: int, action, done: str, **extra) -> HttpResponse:
    obs, may_write = get_observation_for_user(request, pk)
    if not may_write:
        raise PermissionDenied(_("您对这条数据只有查看权限"))
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    return run(request, lambda: action(obs, user=request.user, expected_version=version_of(form),
                                       **({"comment": comment} if action is not services.publish_observation else {})),
               done=done, back=reverse("observation-detail", args=[pk]))


@require_POST
@login_required
def observation_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.approve_observation, _("已审核通过"))


@require_POST
@login_required
def observation_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.return_observation, _("已退回填报单位"))


@require_POST
@login_required
def observation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, services.publish_observation, _("已发布"))
