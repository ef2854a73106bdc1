"""The signed-in screens: 驾驶舱, indicator page, county view, downloads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from planwatch.web.dashboard import downloads, pages
from planwatch.web.dashboard.overview import overview
from planwatch.web.dashboard.views.common import indicator_in, plan_for


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    return render(request, "dashboard/dashboard.html", {"plan": plan, **overview(plan)})


@login_required
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    page = pages.indicator_page(plan, item, public=False)
    links = {
        "csv": reverse("dashboard-indicator-download", args=[code, "csv"]),
        "xlsx": reverse("dashboard-indicator-download", args=[code, "xlsx"]),
        "counties": reverse("dashboard-county-indicator", args=[code]),
        "indicator": "dashboard-indicator",
    }
    return render(request, "dashboard/indicator.html", {"plan": plan, "page": page, "links": links})


@login_required
def indicator_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in downloads.CONTENT_TYPES:
        raise Http404
    return downloads.response(indicator_in(plan_for(request), code), fmt, public=False)


@login_required
def counties(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    available = pages.indicators_with_county_data(plan, public=False)
    if not available:
        return render(request, "dashboard/counties.html", {"plan": plan, "available": [], "view": None})
    return redirect("dashboard-county-indicator", code=available[0].code)


@login_required
def county_indicator(request: HttpRequest, code: str, year: int | None = None) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    return render(request, "dashboard/counties.html", county_context(plan, item, year, public=False))


def county_context(plan, item, year: int | None, *, public: bool, prefix: str = "dashboard") -> dict:
    """Shared with the portal: the map, the ranked table and the pickers' links.

    Years are path segments (``…/counties/I01/2023/``), not a query string, so that every year
    is a page of its own in the static export.
    """
    available = pages.indicators_with_county_data(plan, public=public)
    view = pages.county_view(plan, item, year, public=public)
    if year is not None and view["year"] != year:
        raise Http404("该年份没有分县数据")
    return {
        "plan": plan,
        "available": [
            {"code": i.code, "name": i.name, "url": reverse(f"{prefix}-county-indicator", args=[i.code])}
            for i in available
        ],
        "year_links": [
            (y, reverse(f"{prefix}-county-indicator-year", args=[item.code, y])) for y in view["years"]
        ],
        "view": view,
        "indicator_href": reverse(f"{prefix}-indicator", args=[item.code]),
    }
