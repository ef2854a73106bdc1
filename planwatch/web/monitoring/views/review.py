"""审核: the reviewer's queue (filtered, paginated, with context for each figure) and the approve /
return / publish actions, for one figure or a selection."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.collection.checks import year_on_year
from planwatch.collection.values import parse_period
from planwatch.documents.units import is_percent_unit
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring import batch, services
from planwatch.web.monitoring.forms import ReviewForm
from planwatch.web.monitoring.models import Observation
from planwatch.web.monitoring.permissions import get_observation_for_user, observations_for_user
from planwatch.web.monitoring.views._common import needs, run, version_of
from planwatch.web.places.models import Region, Unit
from planwatch.web.plans.models import Indicator

S = Observation.Status
PAGE_SIZE = 50
COUNTED = (S.SUBMITTED, S.APPROVED, S.PUBLISHED)
FILTERS = ("unit", "indicator", "region", "period")


@dataclass
class QueueRow:
    obs: Observation
    last: float | None
    change: str
    city: float | None = None  # the city's own figure for the same indicator and period
    peers: float | None = None  # the median of the other counties' figures
    peer_count: int = 0

    @property
    def warnings(self) -> list[str]:
        return [p.get("message") or p.get("text", "") for p in self.obs.problems or []]


def _previous(period: str) -> str:
    parsed = parse_period(period)
    return parsed if isinstance(parsed, str) else parsed.previous_year().key


def _with_context(page: list[Observation]) -> list[QueueRow]:
    """Last year's figure for each row of the page: one query for the page, not one per row."""
    wanted = {(o.indicator_id, o.region_id, _previous(o.period)) for o in page}
    earlier = (
        Observation.objects.filter(
            indicator_id__in={w[0] for w in wanted},
            region_id__in={w[1] for w in wanted},
            period__in={w[2] for w in wanted},
            status__in=COUNTED,
        )
        .order_by("vintage")
        .values_list("indicator_id", "region_id", "period", "value")
    )
    last = {(i, r, p): v for i, r, p, v in earlier}
    same: dict = defaultdict(dict)  # (indicator, period) → {region: (kind, value)}: the city and the peers
    around_page = (
        Observation.objects.filter(
            indicator_id__in={o.indicator_id for o in page},
            period__in={o.period for o in page},
            status__in=COUNTED,
        )
        .order_by("vintage")
        .values_list("indicator_id", "period", "region_id", "region__kind", "value")
    )
    for i, p, r, kind, v in around_page:
        same[(i, p)][r] = (kind, v)
    rows = []
    for o in page:
        before = last.get((o.indicator_id, o.region_id, _previous(o.period)))
        around = same[(o.indicator_id, o.period)]
        city = next(
            (v for r, (kind, v) in around.items() if kind == Region.Kind.CITY and r != o.region_id), None
        )
        peers = [v for r, (kind, v) in around.items() if kind == Region.Kind.COUNTY and r != o.region_id]
        change = year_on_year(o.value, before, points=is_percent_unit(o.indicator.unit), points_word=_("个百分点"))
        rows.append(
            QueueRow(o, before, change, city, statistics.median(peers) if peers else None, len(peers))
        )
    return rows


def _options(rows) -> list[tuple[str, str]]:
    """(pk as text, name) for a filter's drop-down: compared as text in the template, no per-option filter."""
    return [(str(pk), name) for pk, name in rows.values_list("pk", "name")]


def _filtered(request: HttpRequest, rows):
    chosen = {name: request.GET.get(name, "").strip() for name in FILTERS}
    if chosen["unit"].isdigit():
        rows = rows.filter(unit_id=int(chosen["unit"]))
    if chosen["indicator"].isdigit():
        rows = rows.filter(indicator_id=int(chosen["indicator"]))
    if chosen["region"].isdigit():
        rows = rows.filter(region_id=int(chosen["region"]))
    if chosen["period"]:
        rows = rows.filter(period=chosen["period"])
    return rows, chosen


@needs("review.use")
def review_queue(request: HttpRequest) -> HttpResponse:
    mine = Q(created_by=request.user) | Q(submitted_by=request.user)
    tab = S.APPROVED if request.GET.get("tab") == S.APPROVED else S.SUBMITTED
    base = observations_for_user(request.user).filter(status=tab).exclude(mine)
    rows, chosen = _filtered(request, base)
    rows = rows.select_related("indicator", "region", "unit").order_by("submitted_at", "pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in {**chosen, "tab": tab}.items() if v})
    return render(
        request,
        "monitoring/review_queue.html",
        {
            "tab": tab,
            "page": page,
            "rows": _with_context(list(page.object_list)),
            "chosen": chosen,
            "query": query,
            # A refused batch shows the queue again (core.refusals): with the reviewer's ticks and comment.
            "picked": getattr(request, "picked", set()),
            "typed_comment": getattr(request, "typed_comment", ""),
            "units": _options(Unit.objects.order_by("order", "name")),
            "regions": _options(Region.objects.order_by("order", "name")),
            "indicators": _options(Indicator.objects.filter(plan__is_current=True).order_by("order")),
            "counts": observations_for_user(request.user)
            .exclude(mine)
            .aggregate(
                submitted=Count("pk", filter=Q(status=S.SUBMITTED)),
                approved=Count("pk", filter=Q(status=S.APPROVED)),
            ),
            "own": observations_for_user(request.user)
            .filter(status__in=[S.SUBMITTED, S.APPROVED])
            .filter(mine)
            .select_related("indicator", "region", "unit")[:50],
        },
    )


@require_POST
@needs("review.use")
def review_batch(request: HttpRequest) -> HttpResponse:
    """Approve, return or publish the ticked figures with one comment; all or none."""
    ids = [int(i) for i in request.POST.getlist("pick") if i.isdigit()]
    chosen = list(
        observations_for_user(request.user).filter(pk__in=ids).select_related("indicator", "region")
    )
    act, comment = request.POST.get("act", ""), request.POST.get("comment", "").strip()
    # The version each ticked figure had on the reviewer's page: one changed since is refused, not approved.
    seen = {pk: int(v) for pk in ids if (v := request.POST.get(f"version-{pk}", "")).isdigit()}
    steps = {
        "approve": (
            lambda: batch.approve_many(chosen, user=request.user, comment=comment, seen=seen),
            _("已审核通过 %(n)s 条"),
        ),
        "return": (
            lambda: batch.return_many(chosen, user=request.user, comment=comment, seen=seen),
            _("已退回 %(n)s 条"),
        ),
        "publish": (
            lambda: batch.publish_many(chosen, user=request.user, reason=comment, seen=seen),
            _("已发布 %(n)s 条"),
        ),
    }
    back = request.POST.get("back", "")
    queue = reverse("review-queue") + ("?" + back if back and "//" not in back else "")
    request.picked, request.typed_comment = set(ids), comment  # kept if the queue is shown again, refused
    if act not in steps:
        return refuse(request, [_("未知操作")], status=UNPROCESSABLE, back=queue)
    call, done = steps[act]
    return run(request, call, done=done % {"n": len(chosen)}, back=queue)


def _step(request: HttpRequest, pk: int, action, done: str, **extra) -> HttpResponse:
    obs, may_write = get_observation_for_user(request, pk)
    if not may_write:
        raise PermissionDenied(_("您对这条数据只有查看权限"))
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    return run(
        request,
        lambda: action(
            obs,
            user=request.user,
            expected_version=version_of(form),
            **({"comment": comment} if action is not services.publish_observation else {}),
        ),
        done=done,
        back=reverse("observation-detail", args=[pk]),
    )


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
