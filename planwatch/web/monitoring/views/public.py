"""公开数据: published figures of one indicator, for anyone (the portal will replace this page).

Example figures (示例) are never shown here: ``published_observations`` leaves them out by default."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.web.monitoring.queries import published_observations
from planwatch.web.plans.services import current_plan


def public_indicator(request: HttpRequest, code: str) -> HttpResponse:
    plan = current_plan()
    indicator = plan.indicators.filter(code=code).first() if plan is not None else None
    if indicator is None:
        raise Http404(_("没有这个指标"))
    rows = published_observations(plan, indicator_code=code)
    return render(request, "monitoring/public_indicator.html", {"indicator": indicator, "observations": rows})
