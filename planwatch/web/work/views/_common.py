"""What every work view shares: the plan in force, running a service (from a posted form) with its message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from planwatch.web.core.errors import ServiceError
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring.errors import refusal_status
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


def form_errors(form: BaseForm) -> list[str]:
    """Each error of a form, prefixed with its field's label: 「完成进度:请输入一个数字」."""
    out = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        out += [f"{label}:{error}" if label else str(error) for error in errors]
    return out


def refuse_form(request: HttpRequest, form: BaseForm, *, back: str) -> HttpResponse:
    """The page at ``back`` with the form's errors, answered 422 (the input was not acceptable)."""
    return refuse(request, form_errors(form), status=UNPROCESSABLE, back=back)


def run(request: HttpRequest, call: Callable[[], object], *, done: str, back: str) -> HttpResponse:
    """Call a service; on success say ``done`` and go back (a redirect); on refusal show the page at
    ``back`` with the Chinese reason and the refusal's status (409 state, 422 input; ``core.refusals``)."""
    try:
        call()
    except ServiceError as error:
        return refuse(request, [str(error)], status=refusal_status(error), back=back)
    messages.success(request, done)
    return redirect(back)


def submit(
    request: HttpRequest,
    form: BaseForm,
    call: Callable[[dict[str, Any]], object],
    *,
    done: str,
    back: str,
) -> HttpResponse:
    """A posted form: refused with its errors (``refuse_form``) or its cleaned data given to the
    service ``call`` (``run``)."""
    if not form.is_valid():
        return refuse_form(request, form, back=back)
    return run(request, lambda: call(form.cleaned_data), done=done, back=back)
