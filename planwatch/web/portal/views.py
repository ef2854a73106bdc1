"""Public pages: no login, published figures only (``public=True`` everywhere below).

The static exporter sends ``X-Planwatch-Export: 1``: the pages then leave out what only a server can
do (the language form posts) and link the other language's copy instead.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from planwatch.web.core.pagecache import public_page
from planwatch.web.dashboard import downloads, pages
from planwatch.web.dashboard.overview import overview
from planwatch.web.dashboard.views.common import indicator_in, plan_for
from planwatch.web.dashboard.views.screens import county_context
from planwatch.web.monitoring.queries import published_observations
from planwatch.web.plans.models import Chapter


def _base(request: HttpRequest, plan) -> dict:
    counties = pages.indicators_with_county_data(plan, public=True)
    return {
        "plan": plan,
        "export": request.headers.get("X-Planwatch-Export") == "1",
        "first_county_url": reverse("portal-county-indicator", args=[counties[0].code]) if counties else None,
    }


@public_page
def home(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    return render(request, "portal/home.html", {**_base(request, plan), **overview(plan, public=True)})


@public_page
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    links = {
        "csv": reverse("portal-indicator-download", args=[code, "csv"]),
        "xlsx": reverse("portal-indicator-download", args=[code, "xlsx"]),
        "counties": reverse("portal-county-indicator", args=[code]),
        "published": reverse("portal-indicator-published", args=[code]),
    }
    page = pages.indicator_page(plan, item, public=True)
    return render(request, "portal/indicator.html", {**_base(request, plan), "page": page, "links": links})


@public_page
def published_figures(request: HttpRequest, code: str) -> HttpResponse:
    """Every published figure of one indicator, all regions and periods, latest published vintage —
    the plain table a statistician checks a figure against (examples are never among them)."""
    plan = plan_for(request)
    item = indicator_in(plan, code)
    rows = published_observations(plan, indicator_code=code)
    return render(request, "portal/published.html", {**_base(request, plan), "indicator": item, "observations": rows})


def indicator_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in downloads.CONTENT_TYPES:
        raise Http404
    return downloads.response(indicator_in(plan_for(request), code), fmt, public=True)


@public_page
def county_indicator(request: HttpRequest, code: str, year: int | None = None) -> HttpResponse:
    plan = plan_for(request)
    item = indicator_in(plan, code)
    context = {**_base(request, plan), **county_context(plan, item, year, public=True, prefix="portal")}
    return render(request, "portal/counties.html", context)


@public_page
def plan_text(request: HttpRequest) -> HttpResponse:
    plan = plan_for(request)
    chapters = plan.chapters.prefetch_related("sections")
    return render(request, "portal/plan.html", {**_base(request, plan), "chapters": chapters})


@public_page
def chapter(request: HttpRequest, number: int) -> HttpResponse:
    plan = plan_for(request)
    item = get_object_or_404(
        Chapter.objects.prefetch_related("sections__tasks", "sections__boxes__items"), plan=plan, number=number
    )
    siblings = list(plan.chapters.values_list("number", flat=True))
    index = siblings.index(number)
    context = {
        **_base(request, plan),
        "chapter": item,
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return render(request, "portal/chapter.html", context)
