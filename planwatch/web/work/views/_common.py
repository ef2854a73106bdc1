"""What every work view shares: the plan in force, the head of a view that changes one row, each row's
page, running a service (from a posted form) with its message."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.core.errors import ServiceError
from planwatch.web.core.refusals import UNPROCESSABLE, refuse
from planwatch.web.monitoring.errors import refusal_status
from planwatch.web.plans.models import Plan
from planwatch.web.plans.services import current_plan
from planwatch.web.work import permissions as perm
from planwatch.web.work.items import ensure_work_items
from planwatch.web.work.models import KeyProject, ProgressReport, WorkTask

PAGES = {WorkTask: "work-task", KeyProject: "work-project", ProgressReport: "work-report"}


def plan_in_force() -> Plan:
    plan = current_plan()
    if plan is None:
        raise Http404(_("尚未载入规划"))
    if not WorkTask.objects.filter(plan=plan).exists():
        ensure_work_items(plan)  # a plan loaded before this app existed
    return plan


def ledger(request: HttpRequest, template: str, **rows: QuerySet) -> HttpResponse:
    """A list of the plan in force (任务分工, 项目台账): each query set narrowed to the plan, and whether the
    user may assign (and so download and import the sheet)."""
    plan = plan_in_force()
    lists = {name: query.filter(plan=plan) for name, query in rows.items()}
    return render(request, template, {"plan": plan, **lists, "may_assign": perm.may_assign(request.user)})


def subject_page(
    request: HttpRequest, row: WorkTask | KeyProject, form: BaseForm | None, **more: Any
) -> HttpResponse:
    """The page of a task or a project: the row, the reports on it the user may see, the planner's form
    (None for anyone else) and whether the user may report progress on it (its lead unit)."""
    kind = "task" if isinstance(row, WorkTask) else "project"
    return render(
        request,
        f"work/{kind}_detail.html",
        {
            kind: row,
            "reports": perm.reports_on(request.user, row),
            "form": form,
            "may_report": perm.may_report_on(request.user, row),
            **more,
        },
    )


def page_of(row: WorkTask | KeyProject | ProgressReport) -> str:
    """The page of a task, project or report: where its forms are and where their answers go back to."""
    return reverse(PAGES[type(row)], args=[row.pk])


def changes(find: Callable[[Any, int], Any], may: Callable[[Any], None] | None = None) -> Callable:
    """The head of every view that changes one row: signed in, POST only, the row looked up among
    those the user may see (``find``: 404 for one they may not know exists) and, with ``may``, the
    user's right checked (403) before the form is read. The view is called with the row for its id."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @require_POST
        @wraps(view)
        def changed(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
            row = find(request.user, pk)
            if may is not None:
                may(request.user)
            return view(request, row, **kwargs)

        return changed

    return decorate


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
    service: Callable[..., object],
    row: object,
    *,
    done: str,
    back: str,
    **fixed: Any,
) -> HttpResponse:
    """A posted form about ``row``: refused with its errors (``refuse_form``), or handed to the service
    (``run``) as the services take it: the row, the acting user, and the form's fields by name — its
    ``reason`` among them — with any ``fixed`` keywords the page adds."""
    if not form.is_valid():
        return refuse_form(request, form, back=back)
    return run(
        request, lambda: service(row, user=request.user, **form.cleaned_data, **fixed), done=done, back=back
    )
