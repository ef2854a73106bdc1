"""任务分工: the plan's tasks with their units; a planner assigns, the lead unit reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.forms import AssignForm, MilestoneForm
from planwatch.web.work.links import proposals_for
from planwatch.web.work.models import WorkTask
from planwatch.web.work.views._common import changes, ledger, page_of, run, subject_page, submit


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    tasks = (
        perm.tasks_for_user(request.user)
        .select_related("task__section__chapter")
        .prefetch_related("cooperating_units")
        .order_by("number")
    )
    return ledger(request, "work/task_list.html", tasks=tasks)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = perm.get_task_for_user(request.user, pk)
    form = None
    if perm.may_assign(request.user):
        form = AssignForm(
            plan=task.plan,
            initial={
                "lead_unit": task.lead_unit,
                "cooperating_units": list(task.cooperating_units.all()),
                "deadline": task.deadline,
                "indicators": list(task.indicators.all()),
            },
        )
    return subject_page(
        request,
        task,
        form,
        proposals=proposals_for(task) if form else [],
        milestones=task.milestones.all(),
        milestone_form=MilestoneForm(auto_id="milestone_%s") if form else None,
        may_reach=bool(form) or perm.may_report_on(request.user, task),
        today=timezone.localdate(),
    )


@changes(perm.get_task_for_user, perm.require_assign)
def task_assign(request: HttpRequest, task: WorkTask) -> HttpResponse:
    form = AssignForm(request.POST, plan=task.plan)
    return submit(request, form, services.assign_task, task, done=_("已保存分工"), back=page_of(task))


@changes(perm.get_task_for_user, perm.require_assign)
def milestone_add(request: HttpRequest, task: WorkTask) -> HttpResponse:
    form = MilestoneForm(request.POST)
    return submit(request, form, services.add_milestone, task, done=_("已添加节点"), back=page_of(task))


@changes(perm.get_task_for_user)
def milestone_reach(request: HttpRequest, task: WorkTask, milestone_id: int) -> HttpResponse:
    milestone = get_object_or_404(task.milestones, pk=milestone_id)
    return run(
        request,
        lambda: services.reach_milestone(
            milestone, user=request.user, reason=_("节点完成"), reached_on=timezone.localdate()
        ),
        done=_("已确认节点完成"),
        back=page_of(task),
    )
