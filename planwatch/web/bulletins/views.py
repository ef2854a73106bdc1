"""统计公报 pages: the bulletins, one bulletin's proposals (accept / edit / reject / accept all confident),
and the planners' synonyms. Views parse, check, call a service, render."""

from __future__ import annotations

import math

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.documents.bulletin import CONFIDENT
from planwatch.web.bulletins import services
from planwatch.web.bulletins.models import ExtraSynonym, Proposal
from planwatch.web.bulletins.permissions import (
    SEES,
    bulletins_for_user,
    get_bulletin_for_user,
    get_proposal_for_user,
    may_decide,
    may_edit_synonyms,
    may_read_in,
    require_synonym_editor,
)
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.views._common import run
from planwatch.web.places.permissions import role_of


def _visible(request: HttpRequest) -> None:
    if role_of(request.user) not in SEES:
        raise Http404(_("没有这个页面"))


@login_required
def bulletin_list(request: HttpRequest) -> HttpResponse:
    _visible(request)
    # 待审核 counts the proposals still awaiting a decision, not all of them (a bulletin whose figures
    # were all accepted showed its total there).
    bulletins = bulletins_for_user(request.user).annotate(
        pending=Count("proposals", filter=Q(proposals__state=Proposal.State.PENDING))
    )
    return render(request, "bulletins/list.html", {"bulletins": bulletins, "reads_in": may_read_in(request.user)})


def _series(proposal) -> list[Observation]:
    return list(
        Observation.objects.filter(
            indicator=proposal.indicator,
            region=proposal.bulletin.region,
            status__in=[Observation.Status.APPROVED, Observation.Status.PUBLISHED],
        )
        .exclude(pk=proposal.observation_id)
        .order_by("period", "vintage")
    )


@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = get_bulletin_for_user(request.user, pk)
    proposals = bulletin.proposals.select_related("indicator", "observation").order_by("pk")
    # The reviewer who read the bulletin in (and a planner) may not decide: no buttons that answer 403.
    deciding = {p.pk for p in proposals if p.state == Proposal.State.PENDING and may_decide(request.user, p)}
    return render(
        request,
        "bulletins/detail.html",
        {
            "bulletin": bulletin,
            "rows": [(p, _series(p)) for p in proposals],
            "confident": CONFIDENT,
            "deciding": deciding,
        },
    )


def _typed_value(text: str) -> float | None:
    """A reviewer's corrected value; None when it is not a finite number."""
    try:
        value = float(text.replace(",", "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    proposal = get_proposal_for_user(request.user, pk)
    back = reverse("bulletin-detail", args=[proposal.bulletin_id])
    reason, name = request.POST.get("reason", ""), proposal.indicator.name
    if decision == "reject":
        call = lambda: services.reject_proposal(proposal, user=request.user, reason=reason)  # noqa: E731
        return run(request, call, done=_("已驳回:%(name)s") % {"name": name}, back=back)
    value = None
    if decision == "edit":
        value = _typed_value(request.POST.get("value", ""))
        if value is None:
            reason = _("数值「%(v)s」不是有效数字") % {"v": request.POST.get("value", "")}
            return refuse(request, [reason], status=UNPROCESSABLE, back=back)
    call = lambda: services.accept_proposal(proposal, user=request.user, reason=reason, value=value)  # noqa: E731
    if value is not None:
        done = _("已更正:%(name)s。按“四眼”原则,更正后的数据须由另一位审核人采用") % {"name": name}
    else:
        done = _("已采用:%(name)s") % {"name": name}
    return run(request, call, done=done, back=back)


@login_required
@require_POST
def accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = get_bulletin_for_user(request.user, pk)
    return run(
        request,
        lambda: services.accept_confident(bulletin, user=request.user, reason=request.POST.get("reason", "")),
        done=_("已采用全部高置信度建议"),
        back=reverse("bulletin-detail", args=[pk]),
    )


@login_required
def synonyms(request: HttpRequest) -> HttpResponse:
    _visible(request)
    if request.method == "POST":
        require_synonym_editor(request.user)
        return run(
            request,
            lambda: services.add_synonym(
                user=request.user,
                reason=request.POST.get("reason", "") or _("补充公报写法"),
                indicator=request.POST.get("indicator", ""),
                phrase=request.POST.get("phrase", ""),
            ),
            done=_("已添加同义词"),
            back=reverse("bulletin-synonyms"),
        )
    return render(
        request,
        "bulletins/synonyms.html",
        {
            "extra": ExtraSynonym.objects.all(),
            "entries": services.default_dictionary().entries,
            "may_add": may_edit_synonyms(request.user),
        },
    )
