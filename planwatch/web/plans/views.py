"""The plan as loaded: its indicator table and its chapters of tasks (public, read-only)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from planwatch.web.plans import models
from planwatch.web.plans.services import current_plan


def home(request: HttpRequest) -> HttpResponse:
    plan = current_plan()
    if plan is None:
        return render(request, "plans/empty.html")
    return _render_plan(request, plan)


def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _render_plan(request, get_object_or_404(models.Plan, pk=plan_id))


def _render_plan(request: HttpRequest, plan: models.Plan) -> HttpResponse:
    indicators = (
        plan.indicators.select_related("pillar")
        .prefetch_related(
            Prefetch(
                "targets",
                queryset=models.TargetVersion.objects.filter(status=models.TargetVersion.Status.APPROVED),
            )
        )
        .order_by("order")
    )
    chapters = plan.chapters.prefetch_related("sections__tasks", "sections__boxes__items")
    versions = models.Plan.objects.filter(title=plan.title, region=plan.region).order_by("-version")
    return render(
        request,
        "plans/plan.html",
        {"plan": plan, "indicators": indicators, "chapters": chapters, "versions": versions},
    )
