"""任务分工 / 项目台账 workbooks: download, and (planners) upload an edited copy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from planwatch.web.work import permissions as perm
from planwatch.web.work import sheets_io
from planwatch.web.work.forms import SheetForm
from planwatch.web.work.views._common import form_errors, plan_in_force
from planwatch.work.sheets import PROJECT_SHEET, TASK_SHEET

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KINDS = {
    "tasks": (TASK_SHEET, sheets_io.export_tasks, sheets_io.import_tasks, "work-tasks"),
    "projects": (PROJECT_SHEET, sheets_io.export_projects, sheets_io.import_projects, "work-projects"),
}


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404(_("没有这种表"))
    return KINDS[kind]


@login_required
def sheet_export(request: HttpRequest, kind: str) -> HttpResponse:
    title, export, _import, _back = _kind(kind)
    perm.require_supervise(request.user)
    response = HttpResponse(export(plan_in_force()), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{kind}.xlsx"'
    return response


@login_required
def sheet_import(request: HttpRequest, kind: str) -> HttpResponse:
    title, _export, do_import, back = _kind(kind)
    perm.require_assign(request.user)
    form = SheetForm(request.POST or None, request.FILES or None)
    problems = []
    refused = getattr(request, "upload_refused", None)  # stopped while it arrived (core.uploads)
    if refused:
        messages.error(request, refused)  # the size, not the fields after the file that never came
        return render(
            request, "work/sheet_import.html", {"form": SheetForm(), "title": title, "kind": kind}, status=413
        )
    if request.method == "POST":
        if not form.is_valid():
            for problem in form_errors(form):
                messages.error(request, problem)
        else:
            upload = form.cleaned_data["file"]
            result = do_import(
                plan_in_force(),
                upload.read(),
                upload.name,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
            problems = result.problems
            if not problems:
                messages.success(
                    request, _("已导入「%(title)s」:修改 %(n)s 行") % {"title": title, "n": result.changed}
                )
                return redirect(back)
            messages.error(request, _("文件有 %(n)s 处问题,未导入任何内容") % {"n": len(problems)})
    return render(
        request,
        "work/sheet_import.html",
        {"form": form, "title": title, "kind": kind, "problems": problems},
        status=422 if request.method == "POST" else 200,
    )
