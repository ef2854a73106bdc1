"""项目台账: the named projects of the plan's 专栏 with their ledger fields."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.forms import ProjectForm
from planwatch.web.work.models import KeyProject
from planwatch.web.work.services import PROJECT_FIELDS
from planwatch.web.work.views._common import changes, ledger, page_of, subject_page, submit


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    return ledger(request, "work/project_list.html", projects=perm.projects_for_user(request.user))


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = perm.get_project_for_user(request.user, pk)
    form = None
    if perm.may_assign(request.user):
        initial = {f: getattr(project, f) for f in PROJECT_FIELDS}
        initial["indicators"] = list(project.indicators.all())
        form = ProjectForm(plan=project.plan, initial=initial)
    return subject_page(request, project, form)


@changes(perm.get_project_for_user, perm.require_assign)
def project_update(request: HttpRequest, project: KeyProject) -> HttpResponse:
    form = ProjectForm(request.POST, plan=project.plan)
    return submit(
        request, form, services.update_project, project, done=_("已保存台账"), back=page_of(project)
    )
