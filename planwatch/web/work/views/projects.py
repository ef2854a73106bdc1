"""项目台账: the named projects of the plan's 专栏 with their ledger fields."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.forms import ProjectForm
from planwatch.web.work.services import PROJECT_FIELDS
from planwatch.web.work.views._common import plan_in_force, submit


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    plan = plan_in_force()
    projects = perm.projects_for_user(request.user).filter(plan=plan)
    return render(
        request,
        "work/project_list.html",
        {"plan": plan, "projects": projects, "may_assign": perm.may_assign(request.user)},
    )


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = perm.get_project_for_user(request.user, pk)
    reports = perm.reports_on(request.user, project)
    form = None
    if perm.may_assign(request.user):
        initial = {f: getattr(project, f) for f in PROJECT_FIELDS}
        initial["indicators"] = list(project.indicators.all())
        form = ProjectForm(plan=project.plan, initial=initial)
    return render(
        request,
        "work/project_detail.html",
        {
            "project": project,
            "reports": reports,
            "form": form,
            "may_report": perm.may_report_on(request.user, project),
        },
    )


@login_required
@require_POST
def project_update(request: HttpRequest, pk: int) -> HttpResponse:
    project = perm.get_project_for_user(request.user, pk)
    perm.require_assign(request.user)
    return submit(
        request,
        ProjectForm(request.POST, plan=project.plan),
        lambda d: services.update_project(
            project,
            user=request.user,
            reason=d["reason"],
            indicators=d["indicators"],
            **{f: d[f] for f in PROJECT_FIELDS},
        ),
        done=_("已保存台账"),
        back=reverse("work-project", args=[project.pk]),
    )
