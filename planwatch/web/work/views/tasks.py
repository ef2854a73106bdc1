"""任务分工: the plan's tasks with their units; a planner assigns, the lead unit reports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.web.work import permissions as perm
from planwatch.web.work import services
from planwatch.web.work.forms import AssignForm, MilestoneForm
from planwatch.web.work.links import proposals_for
from planwatch.web.work.views._common import plan_in_force, run, submit


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    plan = plan_in_force()
    tasks = (
        perm.tasks_for_user(request.user)
        .filter(plan=plan)
        .select_related("task__section__chapter")
        .prefetch_related("cooperating_units")
        .order_by("number")
    )
    return render(
        request,
        "work/task_list.html",
        {"plan": plan, "tasks": tasks, "may_assign": perm.may_assign(request.user)},
    )


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = perm.get_task_for_user(request.user, pk)
    reports = perm.reports_on(request.user, task)
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
    may_report = perm.may_report_on(request.user, task)
    return render(
        request,
        "work/task_detail.html",
        {
            "task": task,
            "reports": reports,
            "form": form,
            "may_report": may_report,
            "proposals": proposals_for(task) if form else [],
            "milestones": task.milestones.all(),
            "milestone_form": MilestoneForm(auto_id="milestone_%s") if form else None,
            "may_reach": bool(form) or may_report,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def task_assign(request: HttpRequest, pk: int) -> HttpResponse:
    task = perm.get_task_for_user(request.user, pk)
    perm.require_assign(request.user)
    return submit(
        request,
        AssignForm(request.POST, plan=task.plan),
        lambda d: services.assign_task(
            task,
            user=request.user,
            reason=d["reason"],
            lead_unit=d["lead_unit"],
            cooperating=d["cooperating_units"],
            deadline=d["deadline"],
            indicators=d["indicators"],
        ),
        done=_("已保存分工"),
        back=reverse("work-task", args=[task.pk]),
    )


@login_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = perm.get_task_for_user(request.user, pk)
    perm.require_assign(request.user)
    return submit(
        request,
        MilestoneForm(request.POST),
        lambda d: services.add_milestone(
            task, user=request.user, reason=d["reason"], due_date=d["due_date"], title=d["title"]
        ),
        done=_("已添加节点"),
        back=reverse("work-task", args=[task.pk]),
    )


@login_required
@require_POST
def milestone_reach(request: HttpRequest, pk: int, milestone_id: int) -> HttpResponse:
    task = perm.get_task_for_user(request.user, pk)
    milestone = get_object_or_404(task.milestones, pk=milestone_id)
    return run(
        request,
        lambda: services.reach_milestone(
            milestone, user=request.user, reason=_("节点完成"), reached_on=timezone.localdate()
        ),
        done=_("已确认节点完成"),
        back=reverse("work-task", args=[task.pk]),
    )
