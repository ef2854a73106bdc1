"""目标版本: every indicator's target versions; planners propose, administrators decide."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring import services
from planwatch.web.monitoring.forms import DecisionForm, TargetProposalForm
from planwatch.web.monitoring.permissions import Role, may
from planwatch.web.monitoring.views._common import needs, run
from planwatch.web.places.permissions import READS_ALL, role_of
from planwatch.web.plans.models import Indicator, TargetVersion
from planwatch.web.plans.services import current_plan


@login_required
def target_list(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) not in READS_ALL | {Role.REVIEWER}:
        raise PermissionDenied(_("无权查看目标版本"))
    plan = current_plan()
    indicators = []
    if plan is not None:
        versions = TargetVersion.objects.select_related("proposed_by", "approved_by").order_by("version")
        indicators = list(plan.indicators.prefetch_related(Prefetch("targets", queryset=versions)).order_by("order"))
        for ind in indicators:  # one form per indicator, with ids of its own: a label opens its own field
            ind.proposal_form = TargetProposalForm(auto_id=f"target-{ind.code}-%s")
    return render(request, "monitoring/targets.html", {
        "plan": plan, "indicators": indicators, "decision_form": DecisionForm(),
        "can_propose": may(request.user, "target.propose"), "can_decide": may(request.user, "target.decide"),
    })


@require_POST
@needs("target.propose")
def target_propose(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    form = TargetProposalForm(request.POST)
    if not form.is_valid():
        return refuse(request, [_("请填写理由和目标值")], status=UNPROCESSABLE, back=reverse("target-list"))
    data = form.cleaned_data
    if data["province"]:
        action = services.enter_assigned_target
    else:
        action = services.propose_target_adjustment
    return run(request, lambda: action(indicator, user=request.user, reason=data["reason"], value=data["value"],
                                       text=data["text"], year=data["year"]),
               done=_("已提交目标调整,等待管理员审批"), back=reverse("target-list"))


@require_POST
@needs("target.decide")
def target_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if decision not in ("approve", "reject"):
        raise Http404(_("没有这个操作"))
    version = get_object_or_404(TargetVersion, pk=pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    if decision == "approve":
        call, done = (lambda: services.approve_target_adjustment(version, user=request.user, comment=comment),
                      _("已批准,新目标生效"))
    else:
        call, done = (lambda: services.reject_target_adjustment(version, user=request.user, comment=comment),
                      _("已不予批准"))
    return run(request, call, done=done, back=reverse("target-list"))
