"""Every change of state of tasks, projects, reports and escalations: acting user and reason required,
one transaction, a history row (django-simple-history) and an audit entry (the monitoring audit
page lists them with everything else)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.web.core.errors import ServiceError
from planwatch.web.monitoring.errors import InvalidTransition
from planwatch.web.monitoring.services import retry_when_locked
from planwatch.web.places import audit
from planwatch.web.work import permissions as perm
from planwatch.web.work.evidence import refusal
from planwatch.web.work.models import Escalation, Evidence, KeyProject, Milestone, ProgressReport, WorkTask
from planwatch.work.evidence import Refused, check_evidence
from planwatch.work.periods import parse_quarter

R = ProgressReport.Status
TASK_FIELDS = ("lead_unit", "deadline")
PROJECT_FIELDS = (
    "county",
    "lead_unit",
    "code",
    "total_investment",
    "planned_investment",
    "investment_done",
    "start_date",
    "finish_date",
    "stage",
)
REPORT_FIELDS = (
    "done_text",
    "percent",
    "stage",
    "investment_done",
    "problems",
    "coordination",
    "coordination_text",
)


def _need_reason(reason: str) -> str:
    if not (reason or "").strip():
        raise ServiceError(_("请填写理由(记入审计)"))
    return reason.strip()


def _save(obj, user, reason: str) -> None:
    obj._change_reason = reason
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    obj.save()


def _plain(value):
    if hasattr(value, "pk"):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _snapshot(obj, fields) -> dict:
    return {f: _plain(getattr(obj, f)) for f in fields}


def _record(user, action: str, subject: str, obj, before: dict, after: dict, reason: str, unit=None) -> None:
    old, new = audit.diff(before, after)
    audit.record(
        actor=user,
        action=action,
        subject=subject,
        object_id=obj.pk,
        object_repr=str(obj),
        old=old,
        new=new,
        reason=reason,
        unit=unit,
    )


def _write(
    row, user, reason: str, action: str, subject: str, before: dict, after: dict | None = None, *, unit=None
) -> None:
    """Save a row and its audit entry together, in the caller's transaction: the row's history names the
    user and the reason, the entry the fields that changed from ``before`` to ``after`` (by default the
    same fields, read from the row as saved)."""
    _save(row, user, reason)
    _record(
        user,
        action,
        subject,
        row,
        before,
        _snapshot(row, before) if after is None else after,
        reason,
        unit=unit,
    )


# --- assignment -------------------------------------------------------------------------------


@retry_when_locked
def assign_task(
    task: WorkTask,
    *,
    user,
    reason: str,
    lead_unit,
    cooperating_units=(),
    deadline: dt.date | None = None,
    indicators=None,
) -> WorkTask:
    """Set a task's 牵头单位, 配合单位, 完成时限 (and, when given, its linked indicators)."""
    perm.require_assign(user)
    reason = _need_reason(reason)
    cooperating = [u for u in cooperating_units if lead_unit is None or u.pk != lead_unit.pk]
    with transaction.atomic():
        row = WorkTask.objects.select_for_update().get(pk=task.pk)
        before = _task_snapshot(row)
        row.lead_unit, row.deadline = lead_unit, deadline
        _save(row, user, reason)
        row.cooperating_units.set(cooperating)
        if indicators is not None:
            row.indicators.set(indicators)
        _record(user, "update", "work_task", row, before, _task_snapshot(row), reason, unit=lead_unit)
        return row


def _task_snapshot(row: WorkTask) -> dict:
    data = _snapshot(row, TASK_FIELDS)
    data["cooperating_units"] = sorted(u.name for u in row.cooperating_units.all())
    data["indicators"] = sorted(i.code for i in row.indicators.all())
    return data


@retry_when_locked
def update_project(project: KeyProject, *, user, reason: str, indicators=None, **fields) -> KeyProject:
    """Change a project's ledger fields (台账): county, lead unit, code, investment, dates, stage."""
    perm.require_assign(user)
    reason = _need_reason(reason)
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise ServiceError(_("不能修改字段:%(fields)s") % {"fields": "、".join(sorted(unknown))})
    with transaction.atomic():
        row = KeyProject.objects.select_for_update().get(pk=project.pk)
        before = _project_snapshot(row)
        for name, value in fields.items():
            setattr(row, name, value)
        _save(row, user, reason)
        if indicators is not None:
            row.indicators.set(indicators)
        _record(
            user, "update", "key_project", row, before, _project_snapshot(row), reason, unit=row.lead_unit
        )
        return row


def _project_snapshot(row: KeyProject) -> dict:
    data = _snapshot(row, PROJECT_FIELDS)
    data["indicators"] = sorted(i.code for i in row.indicators.all()) if row.pk else []
    return data


@retry_when_locked
def add_milestone(task: WorkTask, *, user, reason: str, due_date: dt.date, title: str) -> Milestone:
    """A dated step of a task (yearly or quarterly 节点); a planner sets it."""
    perm.require_assign(user)
    reason = _need_reason(reason)
    if not title.strip():
        raise ServiceError(_("请填写节点目标"))
    with transaction.atomic():
        milestone = Milestone(work_task=task, due_date=due_date, title=title.strip()[:200])
        after = {"due_date": due_date.isoformat(), "title": title}
        _write(milestone, user, reason, "create", "milestone", {}, after, unit=task.lead_unit)
        return milestone


@retry_when_locked
def reach_milestone(milestone: Milestone, *, user, reason: str, reached_on: dt.date) -> Milestone:
    """The lead unit (or a planner) records the day a milestone was reached."""
    task = milestone.work_task
    if not (perm.may_assign(user) or perm.may_report_on(user, task)):
        raise PermissionDenied(_("只有牵头单位或规划管理人员可以确认节点完成"))
    reason = _need_reason(reason)
    with transaction.atomic():
        row = Milestone.objects.select_for_update().get(pk=milestone.pk)
        before = _snapshot(row, ["reached_on"])
        row.reached_on = reached_on
        _write(row, user, reason, "update", "milestone", before, unit=task.lead_unit)
        return row


# --- progress reports -------------------------------------------------------------------------


@dataclass
class ReportInput:
    """What a unit writes; ``percent`` 0–100, investment in 亿元 ≥ 0 (the form checks first, we again)."""

    done_text: str = ""
    percent: int | None = None
    stage: str = ""
    investment_done: float | None = None
    problems: str = ""
    coordination: str = ""
    coordination_text: str = ""
    extra: dict = field(default_factory=dict)

    def check(self) -> None:
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ServiceError(_("「完成进度」须在 0—100 之间"))
        if self.investment_done is not None and self.investment_done < 0:
            raise ServiceError(_("「本年已完成投资」不能为负数"))
        if self.coordination and self.coordination not in ProgressReport.Coordination.values:
            raise ServiceError(_("「需协调解决」只能是需市级协调或需省级协调"))
        if self.coordination and not self.coordination_text.strip():
            raise ServiceError(_("请写明需协调解决的问题"))


def prefill(subject, period: str) -> ReportInput:
    """Last period's report (the latest before ``period``), so a unit edits rather than retypes."""
    reports = subject.reports.filter(period__lt=period).order_by("-period")
    last = reports.first()
    if last is None:
        return ReportInput()
    return ReportInput(**{f: getattr(last, f) for f in REPORT_FIELDS})


@retry_when_locked
def save_report(subject, *, user, reason: str, period: str, data: ReportInput) -> ProgressReport:
    """Create the period's draft, or change a draft / returned report of the user's unit."""
    perm.require_report_on(user, subject)
    if parse_quarter(period) is None:
        raise ServiceError(_("报告期「%(period)s」应写成 2025Q3 这样的季度") % {"period": period})
    data.check()
    reason = _need_reason(reason)
    lookup = ProgressReport.about(subject)
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().filter(period=period, **lookup).first()
        action = "update"
        if report is None:
            report, action = (
                ProgressReport(period=period, unit=subject.lead_unit, created_by=user, **lookup),
                "create",
            )
        elif not report.is_editable:
            raise InvalidTransition(_("%(period)s 的报告已提交或已采纳,不能再修改") % {"period": period})
        before = _snapshot(report, REPORT_FIELDS) if report.pk else {}
        for name in REPORT_FIELDS:
            setattr(report, name, getattr(data, name))
        _write(
            report,
            user,
            reason,
            action,
            "progress",
            before,
            _snapshot(report, REPORT_FIELDS),
            unit=report.unit,
        )
        return report


@retry_when_locked
def add_evidence(report: ProgressReport, *, user, reason: str, name: str, content: bytes) -> Evidence:
    """Attach a checked PDF or image; anything else is refused before a byte is stored."""
    perm.require_edit_report(user, report)
    checked = check_evidence(name, len(content), content[:16])
    if isinstance(checked, Refused):
        raise ServiceError(refusal(checked))
    reason = _need_reason(reason)
    evidence = Evidence(
        report=report,
        original_name=name[:255],
        kind=checked.kind,
        content_type=checked.content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
    )
    try:
        with transaction.atomic():
            evidence.file.save("evidence", ContentFile(content), save=False)
            after = {"file": name, "size": len(content)}
            _write(evidence, user, reason, "create", "evidence", {}, after, unit=report.unit)
            return evidence
    except Exception:
        # The row was not stored (a busy database, say): neither is its file, and a retry writes it anew.
        if evidence.file:
            evidence.file.delete(save=False)
        raise


@retry_when_locked
def submit_report(report: ProgressReport, *, user, reason: str) -> ProgressReport:
    """Draft / returned → submitted; a coordination request goes on the 重大事项 list."""
    reason = _need_reason(reason)
    with transaction.atomic():
        # Checked on the locked row, not the caller's copy: that may be a page old.
        row = ProgressReport.objects.select_for_update().get(pk=report.pk)
        perm.require_edit_report(user, row)
        if not row.is_editable:
            raise InvalidTransition(_("只有草稿或被退回的报告可以提交"))
        before = {"status": row.status}
        row.status, row.submitted_by, row.submitted_at = R.SUBMITTED, user, timezone.now()
        _write(row, user, reason, "submit", "progress", before, unit=row.unit)
        if row.coordination:
            _raise_coordination(row, user, reason)
        return row


def _raise_coordination(report: ProgressReport, user, reason: str) -> None:
    subject = report.subject
    plan = subject.plan
    esc = Escalation.objects.filter(report=report).first() or Escalation(
        plan=plan, kind=Escalation.Kind.COORDINATION, report=report, raised_on=timezone.localdate()
    )
    esc.level, esc.owner, esc.is_demo = report.coordination, report.unit, report.is_demo
    esc.title = f"{subject}"[:300]
    esc.detail = report.coordination_text
    if esc.status == Escalation.Status.RESOLVED:
        esc.status = Escalation.Status.OPEN
    _write(
        esc,
        user,
        reason,
        "create",
        "escalation",
        {},
        {"level": esc.level, "detail": esc.detail},
        unit=esc.owner,
    )


@retry_when_locked
def review_report(
    report: ProgressReport, *, user, reason: str, accept: bool, comment: str = ""
) -> ProgressReport:
    """Submitted → accepted (its stage and investment go into the ledger) or returned (a comment is required)."""
    if not accept and not comment.strip():
        raise ServiceError(_("退回时请填写审核意见"))
    reason = _need_reason(reason)
    with transaction.atomic():
        row = ProgressReport.objects.select_for_update().get(pk=report.pk)
        perm.require_review(user, row)
        if row.status != R.SUBMITTED:
            raise InvalidTransition(_("只有已提交的报告可以审核"))
        before = {"status": row.status}
        row.status = R.ACCEPTED if accept else R.RETURNED
        row.review_comment, row.reviewed_by, row.reviewed_at = comment.strip(), user, timezone.now()
        after = {"status": row.status, "review_comment": row.review_comment}
        _write(row, user, reason, "approve" if accept else "return", "progress", before, after, unit=row.unit)
        if accept and row.project_id:
            _carry_into_ledger(row, user, reason)
        return row


def _carry_into_ledger(report: ProgressReport, user, reason: str) -> None:
    project = KeyProject.objects.select_for_update().get(pk=report.project_id)
    before = _snapshot(project, PROJECT_FIELDS)
    if report.stage:
        project.stage = report.stage
    if report.investment_done is not None:
        project.investment_done = report.investment_done
    _write(project, user, reason, "update", "key_project", before, unit=project.lead_unit)


# --- escalations ------------------------------------------------------------------------------


@retry_when_locked
def resolve_escalation(
    esc: Escalation, *, user, reason: str, status: str, resolution: str = ""
) -> Escalation:
    perm.require_resolve(user)
    reason = _need_reason(reason)
    if status not in Escalation.Status.values:
        raise ServiceError(_("状态只能是待处理、协调中或已解决"))
    if status == Escalation.Status.RESOLVED and not resolution.strip():
        raise ServiceError(_("标记为已解决时请填写处理结果"))
    with transaction.atomic():
        row = Escalation.objects.select_for_update().get(pk=esc.pk)
        before = _snapshot(row, ["status", "resolution"])
        row.status, row.resolution = status, resolution.strip()
        _write(row, user, reason, "update", "escalation", before, unit=row.owner)
        return row
