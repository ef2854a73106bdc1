"""The signed-in screens: 驾驶舱, indicator page, county view, downloads."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from planwatch.web.core.pagecache import kept_html
from planwatch.web.dashboard import downloads, pages
from planwatch.web.dashboard.overview import overview
from planwatch.web.dashboard.quality import QualityJudgementForm, judgement_context
from planwatch.web.dashboard.views.common import indicator_in, plan_for, with_role
from planwatch.web.dashboard.work_links import work_section
from planwatch.web.monitoring.audience import audience_for
from planwatch.web.places.permissions import is_planner
from planwatch.web.plans.services import JudgementRefused, is_volume_quality, record_quality_judgement


@with_role
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    audience = audience_for(request.user)
    body = kept_html(("dashboard", plan.pk, audience), lambda: render_to_string(
        "dashboard/_dashboard_body.html", {"plan": plan, **overview(plan, public=audience)}, request))
    return render(request, "dashboard/dashboard.html", {"plan": plan, "body": body})


@with_role
def indicator(request: HttpRequest, code: str, form=None, status: int = 200) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    audience = audience_for(request.user)
    links = {
        "csv": reverse("dashboard-indicator-download", args=[code, "csv"]),
        "xlsx": reverse("dashboard-indicator-download", args=[code, "xlsx"]),
        "counties": reverse("dashboard-county-indicator", args=[code]),
        "indicator": "dashboard-indicator",
    }
    body = kept_html(("dashboard-indicator", plan.pk, code, audience), lambda: render_to_string(
        "dashboard/_indicator_body.html",
        {"plan": plan, "page": pages.indicator_page(plan, item, public=audience), "links": links, "work_apart": True},
        request))
    region = pages.series.plan_region(plan)
    context = {"plan": plan, "indicator": item, "body": body, "work": work_section(plan, item),
               **judgement_context(plan, item, request.user, region.name if region else None, form)}
    return render(request, "dashboard/indicator.html", context, status=status)


@with_role
@require_POST
def quality_judgement(request: HttpRequest, code: str) -> HttpResponse:
    """Record 量稳质升's quality judgement for the plan's region (planners and administrators only)."""
    plan = plan_for(request)
    item = indicator_in(plan, code)
    if not is_volume_quality(item):
        raise Http404("该指标没有质的方面可评判")
    if not is_planner(request.user):
        raise PermissionDenied("只有规划管理人员可以记录质量评判")
    form = QualityJudgementForm(request.POST)
    region = pages.series.plan_region(plan)
    if form.is_valid() and region is not None:
        data = form.cleaned_data
        try:
            record_quality_judgement(item, region=region, year=data["year"], verdict=data["verdict"],
                                     measure=data["measure"], note=data["note"], user=request.user,
                                     reason=data["reason"])
        except JudgementRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect(reverse("dashboard-indicator", args=[code]) + "#quality-title")
    return indicator(request, code, form=form, status=422)  # the form again with its errors


@with_role
def indicator_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in downloads.CONTENT_TYPES:
        raise Http404
    return downloads.response(indicator_in(plan_for(request), code), fmt, public=audience_for(request.user))


@with_role
def counties(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    available = pages.indicators_with_county_data(plan, public=audience_for(request.user))
    if not available:
        return render(request, "dashboard/counties.html", {"plan": plan, "available": [], "view": None})
    return redirect("dashboard-county-indicator", code=available[0].code)


@with_role
def county_indicator(request: HttpRequest, code: str, year: int | None = None) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    audience = audience_for(request.user)
    body = kept_html(("dashboard-counties", plan.pk, code, year, audience), lambda: render_to_string(
        "dashboard/_counties_body.html", county_context(plan, item, year, public=audience), request))
    return render(request, "dashboard/counties.html", {"plan": plan, "body": body})


def county_context(plan, item, year: int | None, *, public: bool, prefix: str = "dashboard") -> dict:
    """Shared with the portal: the map, the ranked table and the pickers' links.

    Years are path segments (``…/counties/I01/2023/``), not a query string, so that every year
    is a page of its own in the static export.
    """
    available = pages.indicators_with_county_data(plan, public=public)
    view = pages.county_view(plan, item, year, public=public)
    if year is not None and view["year"] != year:
        raise Http404("该年份没有分县数据")
    # The picker always holds the indicator shown, even one without county figures yet.
    picked = available if any(i.code == item.code for i in available) else [item, *available]
    return {
        "plan": plan,
        "available": [
            {"code": i.code, "name": i.name, "url": reverse(f"{prefix}-county-indicator", args=[i.code])}
            for i in picked
        ],
        "any_county_data": bool(available),
        "year_links": [
            (y, reverse(f"{prefix}-county-indicator-year", args=[item.code, y])) for y in view["years"]
        ],
        "view": view,
        "indicator_href": reverse(f"{prefix}-indicator", args=[item.code]),
    }
