"""Who may see and change tasks, projects, progress reports and escalations: one place to read and test.

| role | sees | changes |
| --- | --- | --- |
| administrator, planner (发改委) | everything | assigns tasks and projects, imports the sheets, reviews reports, resolves 重大事项 |
| reviewer (统计局) | everything but other units' drafts | reviews reports (never its own); reports for its unit when lead |
| reporter | tasks its unit leads or helps on, projects it leads, their reports (other units' drafts hidden) | reports progress where its unit is the lead (牵头单位) |
| supervisor (督查) | everything | nothing (督查督办 reads) |
| public | nothing here | nothing |

As in ``monitoring.permissions``: what a user may not know exists is a 404, what they see but may not
change is a 403 with the reason in Chinese; lists come from ``*_for_user`` query sets.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from planwatch.web.places.models import Role
from planwatch.web.places.permissions import (
    READS_ALL,
    enters_data,
    is_planner,
    role_of,
    unit_of,
    visible_or_404,
)
from planwatch.web.work.models import Escalation, KeyProject, ProgressReport, WorkTask

SEES_ALL = READS_ALL | {Role.REVIEWER}
REVIEWS = {Role.PLANNER, Role.ADMINISTRATOR, Role.REVIEWER}
R = ProgressReport.Status


def sees_all(user) -> bool:
    return role_of(user) in SEES_ALL


def tasks_for_user(user) -> QuerySet[WorkTask]:
    base = WorkTask.objects.select_related("task", "lead_unit")
    if sees_all(user):
        return base
    unit = unit_of(user)
    if unit is None or not enters_data(user):
        return base.none()
    return base.filter(Q(lead_unit=unit) | Q(cooperating_units=unit)).distinct()


def projects_for_user(user) -> QuerySet[KeyProject]:
    base = KeyProject.objects.select_related("item__box", "county", "lead_unit")
    if sees_all(user):
        return base
    unit = unit_of(user)
    if unit is None or not enters_data(user):
        return base.none()
    return base.filter(lead_unit=unit)


def reports_for_user(user) -> QuerySet[ProgressReport]:
    base = ProgressReport.objects.select_related("unit", "work_task__task", "project")
    role, unit = role_of(user), unit_of(user)
    own = Q(unit=unit) if unit is not None else Q(pk__in=[])
    if role in READS_ALL:
        return base
    if role == Role.REVIEWER:
        return base.filter(own | ~Q(status=R.DRAFT))
    if unit is None or not enters_data(user):
        return base.none()
    helped = Q(work_task__cooperating_units=unit) & ~Q(status=R.DRAFT)
    return base.filter(own | helped).distinct()


def reports_on(user, subject) -> QuerySet[ProgressReport]:
    """The reports on a task or project the user may see, with their evidence."""
    return reports_for_user(user).filter(**ProgressReport.about(subject)).prefetch_related("evidence")


def escalations_for_user(user) -> QuerySet[Escalation]:
    base = Escalation.objects.select_related("owner", "indicator", "report")
    if sees_all(user):
        return base
    unit = unit_of(user)
    return base.filter(owner=unit) if unit is not None and enters_data(user) else base.none()


def get_task_for_user(user, pk: int) -> WorkTask:
    return visible_or_404(tasks_for_user(user), pk, _("没有这项任务"))


def get_project_for_user(user, pk: int) -> KeyProject:
    return visible_or_404(projects_for_user(user), pk, _("没有这个项目"))


def get_report_for_user(user, pk: int) -> ProgressReport:
    return visible_or_404(reports_for_user(user), pk, _("没有这份进展报告"))


def get_escalation_for_user(user, pk: int) -> Escalation:
    return visible_or_404(escalations_for_user(user), pk, _("没有这个事项"))


def may_assign(user) -> bool:
    return is_planner(user)


def require_assign(user) -> None:
    if not may_assign(user):
        raise PermissionDenied(_("只有规划管理人员可以分工和修改台账"))


def may_report_on(user, subject) -> bool:
    """Only the lead unit (牵头单位) reports, by a user who enters data for it."""
    unit = unit_of(user)
    return enters_data(user) and unit is not None and subject.lead_unit_id == unit.pk


def require_report_on(user, subject) -> None:
    if not may_report_on(user, subject):
        raise PermissionDenied(_("只有牵头单位可以报告进展"))


def may_edit_report(user, report: ProgressReport) -> bool:
    unit = unit_of(user)
    return enters_data(user) and unit is not None and report.unit_id == unit.pk and report.is_editable


def require_edit_report(user, report: ProgressReport) -> None:
    if not may_edit_report(user, report):
        raise PermissionDenied(_("只能修改本单位的草稿或被退回的进展报告"))


def may_review(user, report: ProgressReport) -> bool:
    own = user.pk is not None and user.pk in (report.created_by_id, report.submitted_by_id)
    return role_of(user) in REVIEWS and report.status == R.SUBMITTED and not own


def require_review(user, report: ProgressReport) -> None:
    if not may_review(user, report):
        raise PermissionDenied(_("只能审核他人已提交的进展报告(不能审核本人填报的报告)"))


def may_supervise(user) -> bool:
    return sees_all(user)


def require_supervise(user) -> None:
    if not may_supervise(user):
        raise PermissionDenied(_("无权查看督查督办"))


def require_resolve(user) -> None:
    if not is_planner(user):
        raise PermissionDenied(_("只有规划管理人员可以处理重大事项"))
