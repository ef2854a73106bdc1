"""What every work view shares: the plan in force, running a service with its message."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from planwatch.web.core.errors import ServiceError
from planwatch.web.plans.models import Plan
from planwatch.web.plans.services import current_plan
from planwatch.web.work.items import ensure_work_items
from planwatch.web.work.models import WorkTask


def plan_in_force() -> Plan:
    plan = current_plan()
    if plan is None:
        raise Http404(_("尚未载入规划"))
    if not WorkTask.objects.filter(plan=plan).exists():
        ensure_work_items(plan)  # a plan loaded before this app existed
    return plan


def form_errors(request: HttpRequest, form) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}:{error}" if label else error)


def run(request: HttpRequest, call: Callable, *, done: str, back: str) -> HttpResponse:
    """Call a service; on success say ``done``, on refusal show its Chinese reason; go back either way."""
    try:
        call()
    except ServiceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(back)
